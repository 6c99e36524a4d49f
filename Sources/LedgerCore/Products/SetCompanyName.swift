/// Changes the ledger's company name (公司名称, printed on documents, statements and vouchers) after the first-run
/// wizard: F8's settings panel and `setup --company-name` (s35-fix: only the wizard could set it). Manager or admin,
/// audited with the name before and after. Outcome: the name stored (spaces trimmed).
/// - Throws: `LedgerError.validation` (path `companyName`) when the name is empty or holds control characters.
public struct SetCompanyName: LedgerCommand {
    public static let name = "ledger.company_name"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var companyName: String

    public init(companyName: String) { self.companyName = companyName }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        let name = companyName.trimmingSpaces()
        var issues = IssueCollector()
        issues.check(!name.isEmpty, "companyName", "is required")
        if let bad = TextSafety.firstForbidden(in: name) { issues.add("companyName", TextSafety.message(for: bad)) }
        try issues.throwIfAny()
        let before = try tx.setting(LedgerSettings.companyKey) ?? ""
        try tx.setSetting(LedgerSettings.companyKey, name)
        context.recordChange(entity: "setting", id: 0, before: before, after: name)
        return name
    }
}

/// Changes a salesperson (业务员): name and/or region (a class of the region dimension, by code or name: `RegionCheck`).
/// The code never changes: documents and commission rules refer to the salesperson by it.
/// Outcome: the stored salesperson. Issues: `code` unknown, `name` empty or unsafe text, `region` unsafe text.
public struct UpdateSalesperson: LedgerCommand {
    public static let name = "salesperson.update"
    public var code: String
    public var personName: String?
    public var region: String?

    public init(code: String, name: String? = nil, region: String? = nil) {
        self.code = code
        self.personName = name
        self.region = region
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Salesperson {
        var issues = IssueCollector()
        let code = self.code.trimmingSpaces()
        let found = code.isEmpty ? nil : try tx.salesperson(code: code)
        if code.isEmpty { issues.add("code", "is required") } else if found == nil {
            issues.add("code", "unknown salesperson code \(code)")
        }
        if let personName {
            issues.check(!personName.trimmingSpaces().isEmpty, "name", "is required")
            TextSafety.checkName(personName, field: "name", into: &issues)
        }
        if let region { TextSafety.checkName(region, field: "region", into: &issues) }
        issues.check(personName != nil || region != nil, "name", "give a new name or region")
        let regionCode = try region.flatMap {
            try RegionCheck.code($0, current: found?.region, tx: tx, issues: &issues)
        }
        try issues.throwIfAny()
        guard let before = found else { throw LedgerError.notFound(code) }
        var after = before
        if let personName { after.name = personName.trimmingSpaces() }
        if let regionCode { after.region = regionCode }
        try tx.update(after)
        context.recordChange(entity: "salesperson", id: after.id, before: before, after: after)
        return after
    }
}

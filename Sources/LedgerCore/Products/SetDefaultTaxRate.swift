/// Sets the ledger's default tax rate (`LedgerSettings.taxKey`) after the first-run wizard: for new products, free
/// lines and `import sales` rows without a rate (tryout s32: a ledger from `init` + `sample generate` had 0 % and no
/// way to change it). Manager or admin, like `SetUpLedger`. Outcome: the rate stored.
/// - Throws: `LedgerError.validation` (`defaultTaxRate`) for a rate outside 0–100 %; permission as every command.
public struct SetDefaultTaxRate: LedgerCommand {
    public static let name = "ledger.default_tax_rate"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var rate: Rate

    public init(rate: Rate) { self.rate = rate }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Rate {
        var issues = IssueCollector()
        issues.check((0...10_000).contains(rate.basisPoints), "defaultTaxRate", "must be between 0% and 100%")
        try issues.throwIfAny()
        let before = Rate(basisPoints: Int64(try tx.setting(LedgerSettings.taxKey) ?? "") ?? 0)   // unset: 0 %
        try tx.setSetting(LedgerSettings.taxKey, String(rate.basisPoints))
        context.recordChange(entity: "setting", id: 0, before: before, after: rate)
        return rate
    }
}

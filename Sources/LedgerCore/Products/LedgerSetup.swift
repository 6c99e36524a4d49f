/// First-run set-up of a ledger (the TUI's wizard): company name, base currency and the default tax rate for new
/// products and free lines, kept as per-ledger settings. Outcome: the settings written.
public struct SetUpLedger: LedgerCommand {
    public static let name = "ledger.setup"
    /// Sets the base currency, like `rate base`: manager or admin.
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var companyName: String
    public var baseCurrency: Currency
    public var defaultTaxRate: Rate

    public init(companyName: String, baseCurrency: Currency, defaultTaxRate: Rate) {
        self.companyName = companyName
        self.baseCurrency = baseCurrency
        self.defaultTaxRate = defaultTaxRate
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> LedgerSettings {
        var issues = IssueCollector()
        issues.check(!companyName.trimmingSpaces().isEmpty, "companyName", "is required")
        issues.check((0...10_000).contains(defaultTaxRate.basisPoints), "defaultTaxRate", "must be between 0% and 100%")
        try issues.throwIfAny()
        let before = LedgerSettings(companyName: try tx.setting(LedgerSettings.companyKey) ?? "",
                                    defaultTaxRate: Rate(basisPoints:
                                        Int64(try tx.setting(LedgerSettings.taxKey) ?? "") ?? 0))
        try tx.setSetting(LedgerSettings.companyKey, companyName.trimmingSpaces())
        try tx.setSetting(LedgerSettings.taxKey, String(defaultTaxRate.basisPoints))
        try tx.setBaseCurrency(baseCurrency)
        let after = LedgerSettings(companyName: companyName.trimmingSpaces(), defaultTaxRate: defaultTaxRate)
        context.recordChange(entity: "setting", id: 0, before: before, after: after)
        return after
    }
}

/// Pins "today" for this ledger (the IBM sample opens on 2013-06-30, when its invoices were still open) or
/// unpins it (nil). `--today` still wins. Outcome: the pinned date.
public struct PinLedgerClock: LedgerCommand {
    public static let name = "ledger.pin_today"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var date: CivilDate?
    public init(date: CivilDate?) { self.date = date }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> CivilDate? {
        let before = try tx.setting(LedgerSettings.pinnedTodayKey)
        try tx.setSetting(LedgerSettings.pinnedTodayKey, date?.description)
        context.recordChange(entity: "setting", id: 0, before: before, after: date?.description)
        return date
    }
}

/// Per-ledger settings of the set-up wizard.
public struct LedgerSettings: Hashable, Sendable, Codable {
    public static let companyKey = "company_name"
    public static let taxKey = "default_tax_rate_bp"
    public static let pinnedTodayKey = "pinned_today"
    public var companyName: String
    public var defaultTaxRate: Rate
}

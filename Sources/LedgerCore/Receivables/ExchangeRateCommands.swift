/// Stores a rate of `currency` to the base currency on `date` (replacing that day's rate). Manager only.
/// Outcome: the rate. Errors: `validation` naming `currency` (unknown, or the base itself) or `rate` (≤ 0),
/// `refused` when no base currency is set.
public struct SetExchangeRate: LedgerCommand {
    public static let name = "rate.set"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var date: CivilDate
    public var currencyCode: String
    /// Base units per one unit of the currency × 1,000,000.
    public var perMillion: Int64

    public init(date: CivilDate, currencyCode: String, perMillion: Int64) {
        self.date = date
        self.currencyCode = currencyCode
        self.perMillion = perMillion
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ExchangeRate {
        try context.requireManager("setting exchange rates")
        var issues = IssueCollector()
        let currency = Currency.named(currencyCode)
        if currency == nil { issues.add("currency", "unknown currency code \(currencyCode)") }
        issues.check(perMillion > 0, "rate", "must be greater than 0")
        let base = try tx.baseCurrency()
        if let currency, currency == base { issues.add("currency", "\(currency.code) is the base currency (rate 1)") }
        try issues.throwIfAny()
        guard let currency else { throw LedgerError.notFound(currencyCode) }
        guard base != nil else { throw LedgerError.refused("set the base currency first (rate base CURRENCY)") }
        let rate = ExchangeRate(date: date, currency: currency, perMillion: perMillion)
        try tx.save(rate)
        context.recordChange(entity: "exchange_rate", id: Int64(date.daysSinceEpoch), before: ExchangeRate?.none,
                             after: rate)
        return rate
    }
}

/// Sets the ledger's base (reporting) currency, also the default currency of new customers and products. Manager
/// only. `unlessSet`: a sample load's currency, kept out when the ledger has one already. Errors: `validation`
/// naming `currency`; `refused` when the code differs from the ledger's base (CNY while none is set) and the
/// ledger holds documents (invoices, credit notes or receipts: their amounts, rates and vouchers are in it; as
/// 金蝶/用友 fix 本位币 once posted).
public struct SetBaseCurrency: LedgerCommand {
    public static let name = "rate.base"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var currencyCode: String
    public var unlessSet: Bool
    public init(currencyCode: String, unlessSet: Bool = false) {
        self.currencyCode = currencyCode
        self.unlessSet = unlessSet
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Currency {
        try context.requireManager("setting the base currency")
        guard let currency = Currency.named(currencyCode) else {
            throw LedgerError.validation([FieldIssue("currency", "unknown currency code \(currencyCode)")])
        }
        let before = try tx.baseCurrency()
        if unlessSet, let before { return before }
        // A ledger that never set one has been in CNY (the default of its customers and documents), so that is the
        // base a first `rate base` is compared with; a sample load's own currency (`unlessSet`) is exempt.
        let effective = before ?? .cny
        if !unlessSet, currency != effective, try tx.hasDocuments() {
            throw LedgerError.refused("the base currency is \(effective.code) and fixed once the ledger has documents")
        }
        try tx.setBaseCurrency(currency)
        context.recordChange(entity: "base_currency", id: 1, before: before, after: currency)
        return currency
    }
}

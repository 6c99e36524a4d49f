/// A rate (汇率) of one currency to the ledger's base currency on a date.
///
/// `perMillion` is how many base-currency major units one major unit of `currency` is worth, times 1,000,000
/// (six decimal places, integer — never floating point). Example: 1 USD = 7.123456 CNY → 7_123_456.
public struct ExchangeRate: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var currency: Currency
    public var perMillion: Int64

    public init(date: CivilDate, currency: Currency, perMillion: Int64) {
        self.date = date
        self.currency = currency
        self.perMillion = perMillion
    }

    /// The scale of `perMillion`.
    public static let scale: Int64 = 1_000_000

    /// Parses decimal text such as `7.1234` or `0.137` (at most 6 decimals, > 0) to `perMillion`.
    /// - Throws: `DecimalTextError` naming what is wrong.
    public static func parsePerMillion(_ text: String) throws(DecimalTextError) -> Int64 {
        let value = try DecimalText.parse(text.trimmingSpaces(), scale: 6)
        guard value > 0 else { throw .noDigits }
        return value
    }

    /// The rate as decimal text, e.g. `7.123456`.
    public var text: String { Money.format(perMillion, digits: 6, grouping: false) }
}

/// The rate table: the base currency and dated rates. A document is converted at the latest rate of its
/// currency dated on or before the conversion date; the base currency converts 1:1.
public struct ExchangeRateTable: Hashable, Sendable, Codable {
    public var base: Currency
    /// Rates sorted by currency code, then date.
    public private(set) var rates: [ExchangeRate]

    public init(base: Currency, rates: [ExchangeRate] = []) {
        self.base = base
        self.rates = rates.sorted { ($0.currency.code, $0.date) < ($1.currency.code, $1.date) }
    }

    /// The rate (per million) of `currency` on `date`: 1,000,000 for the base currency, else the latest stored
    /// rate dated ≤ `date`; nil when there is none.
    public func perMillion(_ currency: Currency, on date: CivilDate) -> Int64? {
        if currency == base { return ExchangeRate.scale }
        return rates.last { $0.currency == currency && $0.date <= date }?.perMillion
    }

    /// `amount` in the base currency at the rate on `date`, rounded half away from zero to the base currency's
    /// minor unit; nil when no rate is known.
    public func convert(_ amount: Money, on date: CivilDate) -> Money? {
        guard let rate = perMillion(amount.currency, on: date) else { return nil }
        return Money(minorUnits: ExchangeRateTable.convert(amount.minorUnits, from: amount.currency, to: base,
                                                           perMillion: rate),
                     currency: base)
    }

    /// Minor units of `from` → minor units of `to` at `perMillion`:
    /// round(minor × perMillion × 10^to.digits / (10^6 × 10^from.digits)), half away from zero.
    public static func convert(_ minor: Int64, from: Currency, to: Currency, perMillion: Int64) -> Int64 {
        let numerator = Int128(minor) * Int128(perMillion) * Int128(to.minorPerMajor)
        let denominator = Int128(ExchangeRate.scale) * Int128(from.minorPerMajor)
        let result = RoundingRule.halfUp.divide(numerator, by: denominator)
        return Int64(clamping: result)
    }
}

/// An amount of money: a whole number of minor units (cents, fen) in one ISO 4217 currency.
///
/// Never floating point. Arithmetic between two amounts requires the same currency; use `adding(_:)` /
/// `subtracting(_:)` to get a `MoneyError` instead of a trap when currencies may differ.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units, e.g. 123450 for 1,234.50 CNY.
    public var minorUnits: Int64
    public var currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Zero in `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }

    public var isNegative: Bool { minorUnits < 0 }

    /// The sum; throws `MoneyError.currencyMismatch` or `.overflow`.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        guard other.currency == currency else { throw .currencyMismatch(currency, other.currency) }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        if overflow { throw .overflow }
        return Money(minorUnits: sum, currency: currency)
    }

    /// The difference; throws `MoneyError.currencyMismatch` or `.overflow`.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        try adding(Money(minorUnits: -other.minorUnits, currency: other.currency))
    }

    public static prefix func - (value: Money) -> Money {
        Money(minorUnits: -value.minorUnits, currency: value.currency)
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        (lhs.currency.code, lhs.minorUnits) < (rhs.currency.code, rhs.minorUnits)
    }

    /// Plain decimal text without grouping or symbol, e.g. `1234.50`, `-0.05`, `1200` (JPY).
    /// This is the form used in CSV and JSON exports.
    public var plainString: String { Money.format(minorUnits, digits: currency.minorDigits, grouping: false) }

    /// Text with thousands grouping, e.g. `1,234.50`.
    public var groupedString: String { Money.format(minorUnits, digits: currency.minorDigits, grouping: true) }

    public var description: String { "\(groupedString) \(currency.code)" }

    /// Formats `minorUnits` with `digits` decimals; never prints `-0.00`.
    public static func format(_ minorUnits: Int64, digits: Int, grouping: Bool) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<digits { divisor *= 10 }
        let whole = magnitude / divisor
        let fraction = magnitude % divisor
        var wholeText = String(whole)
        if grouping && wholeText.count > 3 {
            var grouped = ""
            for (index, char) in wholeText.enumerated() {
                if index > 0 && (wholeText.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(char)
            }
            wholeText = grouped
        }
        var text = negative ? "-" + wholeText : wholeText
        if digits > 0 {
            var fractionText = String(fraction)
            while fractionText.count < digits { fractionText = "0" + fractionText }
            text += "." + fractionText
        }
        return text
    }
}

/// Errors of money arithmetic.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(Currency, Currency)
    case overflow

    public var description: String {
        switch self {
        case let .currencyMismatch(a, b): return "cannot combine \(a.code) with \(b.code)"
        case .overflow: return "amount is too large"
        }
    }
}

extension Sequence where Element == Money {
    /// The sum of all amounts in `currency`; throws on a different currency or overflow.
    public func sum(in currency: Currency) throws(MoneyError) -> Money {
        var total = Money.zero(currency)
        for amount in self { total = try total.adding(amount) }
        return total
    }
}

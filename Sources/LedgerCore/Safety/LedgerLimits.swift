/// Documented upper bounds on amounts and quantities, so that no sum the ledger computes can overflow Int64.
///
/// - One amount (unit price, line amount, document total, receipt, allocation, credit limit): at most
///   10^15 minor units, i.e. 10,000,000,000,000.00 CNY (ten trillion yuan).
/// - One line's quantity: at most 10^9 units (10^12 thousandths).
/// Int64 holds 9.2 × 10^18, so 9,223 documents at the bound still sum without overflow; every sum of
/// user-typed figures is checked besides (`CheckedSum`), and what exceeds a bound is a field error.
public enum LedgerLimits {
    /// The largest amount of one document, line, unit price, receipt or credit limit, in minor units.
    public static let maxAmountMinorUnits: Int64 = 1_000_000_000_000_000
    /// The largest quantity of one line, in thousandths (10^9 units).
    public static let maxQuantityThousandths: Int64 = 1_000_000_000_000

    /// Whether `minorUnits` is within ±`maxAmountMinorUnits`.
    public static func isWithinAmountBound(_ minorUnits: Int64) -> Bool {
        minorUnits.magnitude <= UInt64(maxAmountMinorUnits)
    }

    /// The amount bound as text in a currency, e.g. `10,000,000,000,000.00`.
    public static func amountBoundText(_ currency: Currency) -> String {
        Money.format(maxAmountMinorUnits, digits: currency.minorDigits, grouping: true)
    }

    /// Whether one unit at `price` with tax at `rate` (the gross of a quantity of 1, at list price) stays within the
    /// amount bound: a product price beyond it could never be sold (s34-fix3: F3 then blamed the quantity).
    public static func isSellable(price: Money, rate: Rate) -> Bool {
        guard isWithinAmountBound(price.minorUnits), let tax = try? LineCalculation.taxAmount(net: price, rate: rate),
              let gross = CheckedSum.add(price.minorUnits, tax.minorUnits) else { return false }
        return isWithinAmountBound(gross)
    }

    /// The issue of a price `isSellable` refuses.
    public static func unsellablePriceMessage(_ currency: Currency) -> String {
        "with its tax one unit comes to more than \(amountBoundText(currency)): no sale could use this price"
    }

    /// `1,000,000,000`.
    public static var quantityBoundText: String {
        Money.format(maxQuantityThousandths / 1000, digits: 0, grouping: true)
    }
}

/// Overflow-checked sums of minor units (or thousandths): nil instead of a trap.
public enum CheckedSum {
    /// The sum of `values`, or nil when it does not fit Int64.
    public static func of<S: Sequence>(_ values: S) -> Int64? where S.Element == Int64 {
        var total: Int64 = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// `a + b`, or nil on overflow.
    public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// `a + b` clamped to Int64's range: for display only, where a figure must be shown but never trap.
    public static func saturating(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }
}

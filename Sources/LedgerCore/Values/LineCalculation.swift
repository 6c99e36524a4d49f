/// The invoice-line arithmetic, in integers only.
///
/// - net amount = round(quantity × unit price × (1 − discount)), rounded once, at line level;
/// - tax amount = round(net amount × tax rate), per line;
/// - document totals are sums of the rounded line figures.
/// Rounding follows the ledger's `RoundingRule` (half-up by default). Intermediates use Int128, so no
/// product of Int64 inputs can overflow before the final range check.
public enum LineCalculation {
    /// Net amount of a line in the unit price's currency.
    /// - Throws: `MoneyError.overflow` when the result does not fit Int64 minor units.
    public static func netAmount(quantity: Quantity, unitPrice: Money, discount: Rate,
                                 rounding: RoundingRule = .halfUp) throws(MoneyError) -> Money {
        let numerator = Int128(quantity.thousandths) * Int128(unitPrice.minorUnits)
            * Int128(10_000 - discount.basisPoints)
        let value = rounding.divide(numerator, by: 1000 * 10_000)
        guard let minor = Int64(exactly: value) else { throw .overflow }
        return Money(minorUnits: minor, currency: unitPrice.currency)
    }

    /// Tax on a line's net amount.
    public static func taxAmount(net: Money, rate: Rate, rounding: RoundingRule = .halfUp) throws(MoneyError) -> Money {
        let value = rounding.divide(Int128(net.minorUnits) * Int128(rate.basisPoints), by: 10_000)
        guard let minor = Int64(exactly: value) else { throw .overflow }
        return Money(minorUnits: minor, currency: net.currency)
    }

    /// 价税分离: a total with tax split at `rate` into (net, tax): net = gross ÷ (1 + rate) rounded by `rounding`,
    /// tax = gross − net, so net + tax is the gross to the cent (a tax computed from the rounded net could miss it
    /// by a cent). Minor units of `gross`'s currency.
    public static func split(gross: Money, rate: Rate,
                             rounding: RoundingRule = .halfUp) throws(MoneyError) -> (net: Money, tax: Money) {
        let value = rounding.divide(Int128(gross.minorUnits) * 10_000, by: Int128(10_000 + max(0, rate.basisPoints)))
        guard let net = Int64(exactly: value) else { throw .overflow }
        let (tax, overflow) = gross.minorUnits.subtractingReportingOverflow(net)
        if overflow { throw .overflow }
        return (Money(minorUnits: net, currency: gross.currency), Money(minorUnits: tax, currency: gross.currency))
    }

    /// `amount × share` rounded, e.g. an instalment's part of a total.
    public static func portion(of amount: Money, share: Rate, rounding: RoundingRule = .halfUp) -> Money {
        let value = rounding.divide(Int128(amount.minorUnits) * Int128(share.basisPoints), by: 10_000)
        return Money(minorUnits: Int64(clamping: value), currency: amount.currency)
    }
}

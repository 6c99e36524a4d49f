/// A quantity with up to three decimals, kept as thousandths (`1.5` → 1500). Negative on credit-note lines.
public struct Quantity: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The quantity × 1000.
    public var thousandths: Int64

    public init(thousandths: Int64) { self.thousandths = thousandths }
    public init(_ whole: Int) { self.thousandths = Int64(whole) * 1000 }

    public static let scale = 3

    /// Parses `2`, `1.5`, `1,000`, `-1.5`, full-width digits.
    /// - Throws: `DecimalTextError`, e.g. `.tooManyDecimals` for `1.2345`, `.beyondLimit` beyond
    ///   ±`LedgerLimits.maxQuantityThousandths`.
    public static func parse(_ text: String) throws(DecimalTextError) -> Quantity {
        let thousandths: Int64
        do { thousandths = try DecimalText.parse(TextNormalization.cleaned(text), scale: scale) } catch {
            throw error == .overflow ? .beyondLimit(LedgerLimits.quantityBoundText) : error
        }
        guard thousandths.magnitude <= UInt64(LedgerLimits.maxQuantityThousandths) else {
            throw .beyondLimit(LedgerLimits.quantityBoundText)
        }
        return Quantity(thousandths: thousandths)
    }

    public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.thousandths < rhs.thousandths }

    /// Shortest decimal text: `1.5`, `2`, `-0.125`.
    public var description: String {
        var text = Money.format(thousandths, digits: Quantity.scale, grouping: false)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// A percentage with two decimals, kept in basis points (1 % = 100): tax rates and discounts.
public struct Rate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The rate in basis points: 13 % → 1300, 12.5 % → 1250.
    public var basisPoints: Int64

    public init(basisPoints: Int64) { self.basisPoints = basisPoints }
    public static let zero = Rate(basisPoints: 0)

    /// Parses a percentage as typed in a form: `13`, `13%`, `12.5 %`, `６％`, `13.000` (trailing zeros of the
    /// decimals are dropped: they change nothing).
    public static func parsePercent(_ text: String) throws(DecimalTextError) -> Rate {
        var body = TextNormalization.cleaned(text)
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingSpaces() }
        return Rate(basisPoints: try DecimalText.parse(withoutTrailingZeros(body), scale: 2))
    }

    /// Parses a fraction as found in data files: `0.05` → 5 %, `0.13` → 13 %, `0.1300` → 13 %.
    public static func parseFraction(_ text: String) throws(DecimalTextError) -> Rate {
        Rate(basisPoints: try DecimalText.parse(withoutTrailingZeros(TextNormalization.cleaned(text)), scale: 4))
    }

    /// `13.000` → `13.`, `0.1300` → `0.13`: the zeros at the end of the decimals, which do not change the value.
    private static func withoutTrailingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = text
        while out.hasSuffix("0") { out.removeLast() }
        return out
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// `13%`, `12.5%`.
    public var description: String {
        var text = Money.format(basisPoints, digits: 2, grouping: false)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }
}

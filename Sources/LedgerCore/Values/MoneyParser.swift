/// Parses typed or imported money text into `Money`, strictly.
///
/// Accepts `1234.5`, `1,234.50`, `¥1,234.50`, `￥1234`, `-12.30`, `¥-12.30`, `-¥12.30`, full-width digits
/// `１２３`,
/// and a trailing or leading ISO code equal to the currency (`12.00 CNY`). Rejects more decimals than the
/// currency has (`1.234` for CNY), stray characters (`12abc`), badly placed grouping (`12,34`), a symbol of
/// another currency (`$5` for CNY) and values beyond ±`LedgerLimits.maxAmountMinorUnits` (10^15 minor units).
public enum MoneyParser {
    /// - Throws: `MoneyParseError` whose description names the problem (the caller adds the field name).
    public static func parse(_ text: String, currency: Currency) throws(MoneyParseError) -> Money {
        var body = TextNormalization.cleaned(text)
        if body.isEmpty { throw MoneyParseError(text: text, reason: "is empty") }
        // ISO code before or after.
        let upper = body.uppercased()
        if upper.hasSuffix(currency.code) {
            body = String(body.dropLast(currency.code.count)).trimmingSpaces()
        } else if upper.hasPrefix(currency.code) {
            body = String(body.dropFirst(currency.code.count)).trimmingSpaces()
        }
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = String(first)
            body.removeFirst()
            body = body.trimmingSpaces()
        }
        if let first = body.first, Self.allSymbols.contains(first) {
            guard currency.symbols.contains(first) else {
                throw MoneyParseError(text: text, reason: "symbol '\(first)' is not for \(currency.code)")
            }
            body.removeFirst()
            body = body.trimmingSpaces()
        }
        do throws(DecimalTextError) {
            let minor = try DecimalText.parse(sign + body, scale: currency.minorDigits)
            guard LedgerLimits.isWithinAmountBound(minor) else {
                throw DecimalTextError.beyondLimit(LedgerLimits.amountBoundText(currency))
            }
            return Money(minorUnits: minor, currency: currency)
        } catch {
            var reason = error == .overflow
                ? DecimalTextError.beyondLimit(LedgerLimits.amountBoundText(currency)).description : error.description
            if case .tooManyDecimals = error {
                reason += " for \(currency.code)"
            }
            throw MoneyParseError(text: text, reason: reason)
        }
    }

    static let allSymbols: Set<Character> = ["¥", "￥", "$", "＄", "€", "£", "₩"]
}

/// A money text that could not be parsed: the text and a reason such as "has an invalid character 'a'".
public struct MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "amount '\(text)' \(reason)" }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

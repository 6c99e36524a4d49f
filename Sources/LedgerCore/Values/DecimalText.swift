/// Strict parsing of decimal text into a scaled integer, shared by money, quantity and rate parsing.
///
/// Grammar (after full-width → ASCII): `[+|-] digits [. digits]`, where the integer part may use `,` thousands
/// grouping in groups of exactly three (`1,234,567`). Anything else is an error — unlike Foundation's
/// `Decimal(string:)`, which reads `1,234.50` as 1 and `12abc` as 12.
public enum DecimalTextError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(Character)
    case misplacedGrouping
    case tooManyDecimals(found: Int, allowed: Int)
    case overflow
    case noDigits
    /// Parsed, but beyond a documented bound (`LedgerLimits`); carries the bound as text.
    case beyondLimit(String)

    public var description: String {
        switch self {
        case .empty: return "is empty"
        case let .invalidCharacter(c): return "has an invalid character '\(c)'"
        case .misplacedGrouping: return "has a misplaced thousands separator ','"
        case let .tooManyDecimals(found, allowed):
            return allowed == 0
                ? "must be a whole number (has \(found) decimal place\(found == 1 ? "" : "s"))"
                : "has \(found) decimal places; at most \(allowed) allowed"
        case .overflow: return "is too large"
        case .noDigits: return "has no digits"
        case let .beyondLimit(bound): return "is too large (at most \(bound))"
        }
    }
}

enum DecimalText {
    /// Parses `text` (already cleaned) to `value × 10^scale` as an Int64.
    static func parse(_ text: String, scale: Int) throws(DecimalTextError) -> Int64 {
        var chars = Array(text)
        guard !chars.isEmpty else { throw .empty }
        var negative = false
        if chars[0] == "-" || chars[0] == "+" {
            negative = chars[0] == "-"
            chars.removeFirst()
        }
        var integerPart: [Character] = []
        var fractionPart: [Character] = []
        var seenPoint = false
        var groupSizes: [Int] = []
        var currentGroup = 0
        var sawGrouping = false
        for c in chars {
            if c == "." {
                if seenPoint { throw .invalidCharacter(c) }
                seenPoint = true
            } else if c == "," {
                if seenPoint { throw .misplacedGrouping }
                sawGrouping = true
                groupSizes.append(currentGroup)
                currentGroup = 0
            } else if c.isASCII, c.isNumber {
                if seenPoint { fractionPart.append(c) } else { integerPart.append(c); currentGroup += 1 }
            } else {
                throw .invalidCharacter(c)
            }
        }
        if sawGrouping {
            groupSizes.append(currentGroup)
            guard let first = groupSizes.first, (1...3).contains(first),
                  groupSizes.dropFirst().allSatisfy({ $0 == 3 }) else { throw .misplacedGrouping }
        }
        guard !integerPart.isEmpty || !fractionPart.isEmpty else { throw .noDigits }
        if fractionPart.count > scale { throw .tooManyDecimals(found: fractionPart.count, allowed: scale) }
        var value: Int64 = 0
        for digit in integerPart + fractionPart + Array(repeating: "0", count: scale - fractionPart.count) {
            let d = Int64(digit.wholeNumberValue!)
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(d)
            if o1 || o2 { throw .overflow }
            value = plus
        }
        return negative ? -value : value
    }
}

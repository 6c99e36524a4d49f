/// A buyer's taxpayer identification number (纳税人识别号), normalised to upper-case half-width characters.
///
/// Accepted forms:
/// - 18 characters: the 统一社会信用代码 (unified social credit code). Its last character is a check character
///   computed per GB 32100-2015 §4 and Annex: characters are drawn from `0-9A-HJ-NPQRTUWXY` (31 symbols, no I, O,
///   Z, S, V), positions 1–17 are weighted 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
///   (3ⁱ mod 31), and the check value is 31 − (Σ mod 31), with 31 written as `0`.
/// - 15 characters: the legacy 税务登记号 (6-digit area code + 9-character organisation code), digits and
///   letters only; no check is defined across the whole number, so only the form is checked.
/// - 20 characters: legacy numbers of individual businesses (an identity-card number + 2 digits); form only.
public struct TaxpayerID: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The normalised text (spaces and hyphens removed, full-width folded, upper case).
    public let text: String

    /// The 31 symbols of GB 32100-2015, in value order.
    public static let alphabet: [Character] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights of positions 1–17 (GB 32100-2015).
    public static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Parses and validates `raw`.
    /// - Throws: `TaxpayerIDProblem` naming what is wrong (length, a character and its position, or the
    ///   check character with the expected one).
    public init(parsing raw: String) throws(TaxpayerIDProblem) {
        let folded = TextNormalization.halfWidth(raw).uppercased().filter { $0 != " " && $0 != "-" }
        let chars = Array(folded)
        switch chars.count {
        case 18:
            for (i, c) in chars.enumerated() where !TaxpayerID.alphabet.contains(c) {
                throw .character(String(c), position: i + 1)
            }
            let expected = TaxpayerID.checkCharacter(for: chars.prefix(17))
            guard chars[17] == expected else { throw .checkCharacter(found: String(chars[17]),
                                                                     expected: String(expected)) }
        case 15, 20:
            for (i, c) in chars.enumerated() where !(c.isASCII && (c.isNumber || c.isLetter)) {
                throw .character(String(c), position: i + 1)
            }
        default:
            throw .length(chars.count)
        }
        text = folded
    }

    /// The GB 32100-2015 check character of the first 17 characters (which must be in `alphabet`).
    public static func checkCharacter<S: Sequence>(for body: S) -> Character where S.Element == Character {
        var sum = 0
        for (i, c) in body.enumerated() where i < weights.count {
            sum += (alphabet.firstIndex(of: c) ?? 0) * weights[i]
        }
        let value = 31 - sum % 31
        return alphabet[value == 31 ? 0 : value]
    }

    /// True for the 18-character unified social credit code.
    public var isUnifiedCode: Bool { text.count == 18 }
    public var description: String { text }
}

/// Why a taxpayer number was refused; `english` and `chinese` are the messages for the UI languages.
public enum TaxpayerIDProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case length(Int)
    case character(String, position: Int)
    case checkCharacter(found: String, expected: String)

    public var english: String {
        switch self {
        case .length(let n):
            return "taxpayer number has \(n) characters; expected 18 (unified social credit code), or a legacy 15 or 20"
        case .character(let c, let position):
            return "taxpayer number has an invalid character '\(c)' at position \(position)"
        case .checkCharacter(let found, let expected):
            return "taxpayer number check character is '\(found)' but should be '\(expected)' (GB 32100-2015): "
                   + "mistyped?"
        }
    }

    public var chinese: String {
        switch self {
        case .length(let n): return "纳税人识别号为 \(n) 位，应为 18 "
                                    + "位统一社会信用代码（或旧的 15 位、20 位税号）"
        case .character(let c, let position): return "纳税人识别号第 \(position) 位字符 '\(c)' 无效"
        case .checkCharacter(let found, let expected):
            return "纳税人识别号校验位为 '\(found)'，按 GB 32100-2015 应为 "
                   + "'\(expected)'，请检查是否输错"
        }
    }

    /// A short form for a form's error column (about 12 cells), English and Chinese.
    public var short: (english: String, chinese: String) {
        switch self {
        case .length(let n): return ("\(n) chars, need 18", "\(n)位，应18位")
        case .character(_, let position): return ("bad char at \(position)", "第\(position)位无效")
        case .checkCharacter(_, let expected): return ("check is \(expected)?", "校验应为\(expected)")
        }
    }

    public var description: String { english }
}

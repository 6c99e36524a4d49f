/// An ISO 4217 currency: its alphabetic code and the number of minor-unit digits (CNY and USD 2, JPY 0).
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Three-letter ISO 4217 code, upper case, e.g. `CNY`.
    public let code: String
    /// Digits after the decimal point of the currency's minor unit (ISO 4217 "minor unit" column).
    public let minorDigits: Int

    public init(code: String, minorDigits: Int) {
        self.code = code
        self.minorDigits = minorDigits
    }

    public static let cny = Currency(code: "CNY", minorDigits: 2)
    public static let usd = Currency(code: "USD", minorDigits: 2)
    public static let eur = Currency(code: "EUR", minorDigits: 2)
    public static let gbp = Currency(code: "GBP", minorDigits: 2)
    public static let hkd = Currency(code: "HKD", minorDigits: 2)
    public static let jpy = Currency(code: "JPY", minorDigits: 0)
    public static let krw = Currency(code: "KRW", minorDigits: 0)

    /// Currencies the ledger knows, by code.
    public static let known: [String: Currency] = Dictionary(
        uniqueKeysWithValues: [cny, usd, eur, gbp, hkd, jpy, krw].map { ($0.code, $0) })

    /// The currency for an ISO 4217 code (case-insensitive), or nil when the code is not known.
    public static func named(_ code: String) -> Currency? {
        known[code.uppercased()]
    }

    /// What a spreadsheet's currency cell may hold, by currency: the Chinese names (simplified and traditional) and
    /// the usual other names (`RMB`, `美金`). Matched whole, ignoring case and blanks.
    static let names: [String: Currency] = [
        "RMB": cny, "人民币": cny, "人民幣": cny, "元": cny, "CNH": cny,
        "美元": usd, "美金": usd, "US$": usd,
        "欧元": eur, "歐元": eur,
        "英镑": gbp, "英鎊": gbp,
        "港币": hkd, "港幣": hkd, "港元": hkd, "HK$": hkd,
        "日元": jpy, "日圆": jpy, "日圓": jpy,
        "韩元": krw, "韓元": krw, "韩币": krw,
    ]

    /// The currency a cell or option names: an ISO 4217 code (case-insensitive, `cny`), or a name a Chinese
    /// spreadsheet holds (人民币, RMB, 美元, 欧元, 港币, 日元, 英镑, 韩元 …); nil when it names none the ledger knows.
    /// The one reader of a currency in imports (`import sales`, customers, products, opening, receipts).
    public static func parse(_ text: String) -> Currency? {
        let t = text.filter { !$0.isWhitespace }.uppercased()
        return known[t] ?? names[t]
    }

    /// 10^minorDigits: how many minor units make one major unit.
    public var minorPerMajor: Int64 {
        var result: Int64 = 1
        for _ in 0..<minorDigits { result *= 10 }
        return result
    }

    /// Symbols that may stand before an amount of this currency in typed input.
    public var symbols: [Character] {
        switch code {
        case "CNY", "JPY": return ["¥", "￥"]
        case "USD", "HKD": return ["$", "＄"]
        case "EUR": return ["€"]
        case "GBP": return ["£"]
        case "KRW": return ["₩"]
        default: return []
        }
    }

    public var description: String { code }

    // Codable as the bare code string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency.named(code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown currency \(code)")
        }
        self = currency
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

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

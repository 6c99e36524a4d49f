import Foundation

/// The four kinds of VAT fapiao (增值税发票) a seller issues.
public enum FapiaoType: String, Sendable, Codable, CaseIterable {
    /// 增值税专用发票 (paper or electronic, with a 发票代码).
    case special
    /// 增值税普通发票.
    case ordinary
    /// 数电发票（增值税专用发票）: fully digitised, a 20-digit number and no separate code.
    case digitalSpecial = "digital_special"
    /// 数电发票（普通发票）.
    case digitalOrdinary = "digital_ordinary"

    public var isDigital: Bool { self == .digitalSpecial || self == .digitalOrdinary }
    /// 专票 (paper or 数电): the buyer's 纳税人识别号 is printed on it, so recording one needs it.
    public var needsBuyerTaxID: Bool { self == .special || self == .digitalSpecial }
    /// Digits of the fapiao number: 8 on paper (with a 10- or 12-digit code), 20 for 数电.
    public var numberDigits: Int { isDigital ? 20 : 8 }
    public var chinese: String {
        switch self {
        case .special: return "专票"
        case .ordinary: return "普票"
        case .digitalSpecial: return "数电专"
        case .digitalOrdinary: return "数电普"
        }
    }

    /// The type's name in lists (fapiao list, F9): 专票, 普票, 数电专票, 数电普票.
    public var chineseName: String { isDigital ? chinese + "票" : chinese }
    /// The type's English name in lists: special, ordinary, digital special, digital ordinary.
    public var english: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// Reads `special`, `专票`, `zp`, `数电专`, `digital-special` … (nil when unknown).
    public static func named(_ text: String) -> FapiaoType? {
        switch text.trimmingSpaces().lowercased().replacingOccurrences(of: "-", with: "_") {
        case "special", "专票", "专用发票", "zp", "zhuan": return .special
        case "ordinary", "普票", "普通发票", "pp", "pu": return .ordinary
        case "digital_special", "数电专", "数电专票", "sdz": return .digitalSpecial
        case "digital_ordinary", "数电普", "数电普票", "sdp": return .digitalOrdinary
        default: return nil
        }
    }
}

/// The fapiao status of a sale (销售单的开票状态).
public enum FapiaoStatus: String, Sendable, Codable, CaseIterable {
    /// 未开票: nothing invoiced yet.
    case notInvoiced = "not_invoiced"
    /// 部分开票: invoiced in part.
    case partlyInvoiced = "partly_invoiced"
    /// 已开票: invoiced in full (net of credit notes).
    case invoiced
    /// 红冲: a red fapiao (红字发票) reversed part or all of what was invoiced.
    case reversed
    /// 不开票: the sale or its customer takes no fapiao.
    case noFapiao = "no_fapiao"
    /// 已红冲: credit notes cover the whole sale before any fapiao: nothing to invoice (`InvoiceSettlement.credited`).
    case credited

    public var chinese: String {
        switch self {
        case .notInvoiced: return "未开票"
        case .partlyInvoiced: return "部分开票"
        case .invoiced: return "已开票"
        case .reversed: return "红冲"
        case .noFapiao: return "不开票"
        case .credited: return "已红冲"
        }
    }
    public var english: String {
        switch self {
        case .notInvoiced: return "not invoiced"
        case .partlyInvoiced: return "partly invoiced"
        case .invoiced: return "invoiced"
        case .reversed: return "reversed (red)"
        case .noFapiao: return "no fapiao"
        case .credited: return "credited"
        }
    }
}

/// The part of one sale a fapiao covers: tax-inclusive `total` (价税合计) and its `tax` (税额), minor units.
public struct FapiaoPart: Hashable, Sendable, Codable {
    public var documentID: Int64
    /// The sale's display number (filled by reads).
    public var documentNumber: String
    public var total: Int64
    public var tax: Int64
    public init(documentID: Int64, documentNumber: String = "", total: Int64, tax: Int64) {
        self.documentID = documentID
        self.documentNumber = documentNumber
        self.total = total
        self.tax = tax
    }
}

/// A fapiao issued to a customer. A blue (蓝字) fapiao covers parts of one or more sales of one customer; a red
/// (红字) fapiao reverses part of an earlier one for a credit note and cites it (and, for 数电, the
/// 红字确认单).
/// Amounts are minor units of `currency`, positive for blue and red alike (`isRed` gives the sign).
public struct Fapiao: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var type: FapiaoType
    /// 发票代码: 10 or 12 digits on paper; empty for 数电.
    public var code: String
    /// 发票号码: 8 digits on paper, 20 for 数电.
    public var number: String
    public var customerID: Int64
    public var date: CivilDate
    public var currency: Currency
    /// 价税合计 (tax-inclusive).
    public var total: Int64
    /// 税额.
    public var tax: Int64
    public var isRed: Bool = false
    /// For a red fapiao: the blue fapiao it reverses.
    public var originalID: Int64?
    /// For a red fapiao: the credit note (红字冲销单) it goes with.
    public var creditNoteID: Int64?
    /// 红字确认单 (红字信息表) number; required for a red 数电 fapiao.
    public var redConfirmation: String = ""
    public var isVoid: Bool = false
    public var voidReason: String = ""
    public var note: String = ""
    public var parts: [FapiaoPart]

    public init(id: Int64 = 0, type: FapiaoType, code: String, number: String, customerID: Int64, date: CivilDate,
                currency: Currency, total: Int64, tax: Int64, parts: [FapiaoPart]) {
        self.id = id
        self.type = type
        self.code = code
        self.number = number
        self.customerID = customerID
        self.date = date
        self.currency = currency
        self.total = total
        self.tax = tax
        self.parts = parts
    }

    /// `专票 3300123456-01234567`, `数电普 24330000000000012345`.
    public var label: String { type.chinese + " " + key }
    /// `code-number` on paper, the number for 数电.
    public var key: String { code.isEmpty ? number : "\(code)-\(number)" }
    /// 金额 (net of tax).
    public var net: Int64 { total - tax }
}

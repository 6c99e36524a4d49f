import LedgerCore

/// One line (分录) of an accounting voucher. Amounts are signed minor units of the voucher's base currency (本位币):
/// a red (红字) line has a negative amount on its usual side; exactly one of `debit` and `credit` is non-zero.
/// `original` is the same line in the document's currency (原币), on the same side.
public struct VoucherLine: Hashable, Sendable {
    /// 摘要.
    public var summary: String
    /// Account code in dotted form (`1122`, `2221.01.01`); targets may write it undotted.
    public var account: String
    /// 往来单位 (customer) for receivable and advance lines, "" otherwise.
    public var customerCode = ""
    public var customerName = ""
    public var debit: Int64 = 0
    public var credit: Int64 = 0
    /// Receipt method (结算方式) for bank/cash lines, "" otherwise.
    public var settlement = ""
    /// Receipt reference (票号 / 结算号), "" otherwise.
    public var reference = ""
    /// The amount in the voucher's original currency (原币), minor units, signed like the line's side; equal to
    /// that side when the document is in the base currency (set by `VoucherBuilder.build`).
    public var original: Int64 = 0
    /// Foreign-currency receivable lines only: the date whose rate converts this line (the invoice's, so a
    /// settlement clears the receivable at the rate it was booked at); nil converts at the voucher's date.
    public var rateDate: CivilDate?
    /// With `rateDate`: the amount of the same invoice converted before (原币 minor units); the line is converted
    /// as rate(carried + original) − rate(carried), so partial settlements add up to the invoice's amount.
    public var carried: Int64 = 0
    /// With `rateDate`: the invoice the line settles (lines of different invoices are not merged).
    public var item = ""
}

/// An accounting voucher (凭证): a dated, numbered set of lines whose debits equal its credits.
public struct Voucher: Hashable, Sendable {
    public enum Kind: Int, Sendable, Comparable {
        case invoice, creditNote, receipt, advanceApplied, writeOff
        /// 汇兑损益 of receipt credit applied later to a foreign-currency invoice at another rate.
        case exchange
        public static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    public var kind: Kind
    public var date: CivilDate
    /// 凭证字: 记, 收 or 转.
    public var word = "记"
    /// 凭证号: gapless per period (month) and word.
    public var number = 0
    /// The documents' currency (原币).
    public var currency: Currency
    /// The ledger's base currency (本位币) in which `debit` and `credit` of the lines are; `currency` unless a rate
    /// table converted the voucher.
    public var base: Currency
    /// 汇率: base-currency major units per major unit of `currency`, × 1,000,000 (`ExchangeRate.perMillion`);
    /// 1,000,000 in the base currency, 0 when no rate was known on the voucher's date (a `check` problem).
    public var rate: Int64 = ExchangeRate.scale
    /// Our document numbers behind the voucher (附单据数 counts them).
    public var sources: [String]
    public var lines: [VoucherLine]

    /// `YYYY-MM`, the accounting period (会计期间).
    public var period: String { String(date.description.prefix(7)) }
    public var attachments: Int { sources.count }
    /// `记-12`.
    public var label: String { "\(word)-\(number)" }
}

/// How vouchers are made: account map, one per document or a daily summary per kind, red or swapped credit
/// notes, 凭证字 style and the first 凭证号.
public struct VoucherOptions: Sendable {
    public enum Grouping: String, Sendable, CaseIterable { case document, day }
    public enum CreditNoteStyle: String, Sendable, CaseIterable {
        /// 红字: negative amounts on the invoice's sides (Chinese practice).
        case red
        /// Positive amounts on the opposite sides, for targets that refuse negatives.
        case swap
    }
    public enum Words: String, Sendable, CaseIterable {
        /// 记 for every voucher.
        case single
        /// 收 for receipts, 转 for the rest.
        case split
    }
    public var map: AccountMap
    public var grouping: Grouping = .document
    public var creditNotes: CreditNoteStyle = .red
    public var words: Words = .single
    /// First 凭证号 of the first period exported (later periods start at 1).
    public var start = 1
    /// The ledger's base currency and rates: vouchers in another currency are converted at the rate of their date
    /// (原币 kept on each line); nil leaves every voucher in its own currency.
    public var rates: ExchangeRateTable?

    public init(map: AccountMap) { self.map = map }
}

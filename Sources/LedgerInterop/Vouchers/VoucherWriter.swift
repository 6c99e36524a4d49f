import Foundation
import LedgerCore

/// Writes vouchers in an accounting package's import layout (shared/docs/cn-finance.md §1), one row per 分录.
///
/// - `kisExcel`: 金蝶 KIS "引入凭证" sheet columns, UTF-8 CSV with BOM (formula cells neutralised), dotted codes.
/// - `kingdeeStd`: 金蝶 standard voucher I/O structure (EXPVCH field names), GB18030, dotted codes; slot 2 of the
///   核算项目 is 往来单位 (the customer); 摘要 cut to 40 bytes.
/// - `u8Text`: 用友 U8/T3 总账工具 text: a header line, then 制单日期, 凭证类别字, 凭证号, 附单据数, 摘要, 科目编码, 借方,
///   贷方, then 币种, 汇率, 数量, 结算方式, 票号, 客户编码; no quoting (a comma in a field becomes ，), 摘要 cut to 60
///   bytes, GB18030, undotted codes.
/// - `generic`: our own columns, UTF-8 CSV with BOM.
public enum VoucherTarget: String, Sendable, CaseIterable {
    case kisExcel = "kis-excel", kingdeeStd = "kingdee-std", u8Text = "u8-text", generic

    /// Whether account codes keep their dots unless the map says otherwise.
    public var dotted: Bool { self != .u8Text }
    public var encoding: TextEncoding { self == .kingdeeStd || self == .u8Text ? .gb18030 : .utf8BOM }
}

/// One field of a voucher row, as template columns name them.
public enum VoucherField: String, Sendable, CaseIterable {
    case date, period, year, word, number, attachments, entry, summary, account, accountName, debit, credit
    case direction, amount, currency, rate, quantity, price, customerCode, customerName, customerClass
    /// 原币 (foreign-currency) debit and credit: empty in the base currency.
    case originalDebit, originalCredit
    case settlement, reference, preparer, empty
}

public struct VoucherWriter: Sendable {
    public var map: AccountMap
    /// 制单人.
    public var preparer: String

    public init(map: AccountMap, preparer: String) {
        self.map = map
        self.preparer = preparer
    }

    /// The value of `field` for line `entry` (0-based) of `voucher`, in a target's code style.
    public func value(_ field: VoucherField, _ v: Voucher, _ entry: Int, dotted: Bool) -> String {
        let line = v.lines[entry]
        func amount(_ minor: Int64) -> String { Money.format(minor, digits: v.base.minorDigits, grouping: false) }
        func original(_ minor: Int64) -> String { Money.format(minor, digits: v.currency.minorDigits, grouping: false) }
        let foreign = v.currency != v.base
        switch field {
        case .date: return v.date.description
        case .period: return String(Int(v.date.description.dropFirst(5).prefix(2)) ?? 0)
        case .year: return String(v.date.description.prefix(4))
        case .word: return v.word
        case .number: return String(v.number)
        case .attachments: return String(v.attachments)
        case .entry: return String(entry + 1)
        case .summary: return PracticeWatermark.text == nil ? line.summary : Self.practiceSummaryMark + line.summary
        case .account: return map.written(line.account, targetDotted: dotted)
        case .accountName: return map.name(of: line.account)
        case .debit: return amount(line.debit)
        case .credit: return amount(line.credit)
        case .direction: return line.debit != 0 ? "D" : "C"
        case .amount: return original(line.original)
        case .originalDebit: return foreign && line.debit != 0 && line.original != 0 ? original(line.original) : ""
        case .originalCredit: return foreign && line.credit != 0 && line.original != 0 ? original(line.original) : ""
        case .currency: return v.currency.code == "CNY" ? "RMB" : v.currency.code
        case .rate: return foreign ? Self.rateText(v.rate) : "1"
        case .quantity, .price, .empty: return ""
        case .customerCode: return line.customerCode
        case .customerName: return line.customerName
        case .customerClass: return line.customerCode.isEmpty ? "" : "往来单位"
        case .settlement: return map.settlementName(line.settlement)
        case .reference: return line.reference
        case .preparer: return preparer
        }
    }

    /// `7.1234` for 7,123,400 per million: six decimals at most, trailing zeros dropped.
    static func rateText(_ perMillion: Int64) -> String {
        var text = Money.format(perMillion, digits: 6, grouping: false)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// In front of every 摘要 written from a practice ledger (training): the voucher stays importable, but each of
    /// its lines says it is practice data wherever it lands.
    public static let practiceSummaryMark = "【练习】"

    static let kisColumns: [(String, VoucherField)] = [
        ("日期", .date), ("凭证字", .word), ("凭证号", .number), ("附单据数", .attachments), ("摘要", .summary),
        ("科目代码", .account), ("科目名称", .accountName), ("借方金额", .debit), ("贷方金额", .credit), ("币别", .currency),
        ("汇率", .rate), ("原币金额", .amount), ("数量", .quantity), ("单价", .price), ("制单人", .preparer), ("审核人", .empty),
        ("过账人", .empty), ("往来单位编码", .customerCode), ("往来单位名称", .customerName),
    ]
    static let kingdeeColumns: [(String, VoucherField)] = [
        ("FDate", .date), ("FPeriod", .period), ("FGroup", .word), ("FNum", .number), ("FEntryID", .entry),
        ("FExp", .summary), ("FAcctID", .account), ("FClsName1", .empty), ("FObjID1", .empty), ("FObjName1", .empty),
        ("FClsName2", .customerClass), ("FObjID2", .customerCode), ("FObjName2", .customerName),
        ("FClsName3", .empty), ("FObjID3", .empty), ("FObjName3", .empty), ("FClsName4", .empty), ("FObjID4", .empty),
        ("FObjName4", .empty), ("FTransID", .empty), ("FCyID", .currency), ("FExchRate", .rate), ("FDC", .direction),
        ("FFCyAmt", .amount), ("FQty", .quantity), ("FPrice", .price), ("FDebit", .debit), ("FCredit", .credit),
        ("FSettlCode", .settlement), ("FSettleNo", .reference), ("FPreparer", .preparer), ("FPay", .empty),
        ("FCash", .empty), ("FPoster", .empty),
    ]
    static let u8Columns: [(String, VoucherField)] = [
        ("制单日期", .date), ("凭证类别字", .word), ("凭证号", .number), ("附单据数", .attachments), ("摘要", .summary),
        ("科目编码", .account), ("借方", .debit), ("贷方", .credit), ("币种", .currency),
        ("外币借方", .originalDebit), ("外币贷方", .originalCredit), ("汇率", .rate),
        ("数量", .quantity), ("结算方式", .settlement), ("票号", .reference), ("客户编码", .customerCode),
    ]
    static let genericColumns: [(String, VoucherField)] = [
        ("date", .date), ("period", .period), ("word", .word), ("number", .number), ("entry", .entry),
        ("summary", .summary), ("account", .account), ("account_name", .accountName), ("debit", .debit),
        ("credit", .credit), ("currency", .currency), ("rate", .rate), ("original_debit", .originalDebit),
        ("original_credit", .originalCredit), ("customer_code", .customerCode),
        ("customer_name", .customerName), ("settlement", .settlement), ("reference", .reference),
    ]

    /// The file bytes for `target`. `header: false` gives the lines alone (no BOM, no header row), to append to a
    /// file begun with `header: true`: an export written day by day has the same bytes as one written at once.
    public func render(_ vouchers: [Voucher], target: VoucherTarget, header: Bool = true) -> Data {
        func part(_ style: CSVStyle) -> CSVStyle {
            var style = style
            if !header { (style.byteOrderMark, style.headerRow) = (false, false) }
            return style
        }
        switch target {
        case .kisExcel:
            return Data(table(vouchers, Self.kisColumns, dotted: true, style: part(.safe)).utf8)
        case .generic:
            return Data(table(vouchers, Self.genericColumns, dotted: true, style: part(.safe)).utf8)
        case .kingdeeStd:
            var style = CSVStyle.raw
            style.byteOrderMark = false
            let text = table(vouchers, Self.kingdeeColumns, dotted: true, style: part(style), summaryBytes: 40)
            return TextEncoding.gb18030.encode(text.replacingOccurrences(of: "\n", with: "\r\n"))
        case .u8Text:
            return TextEncoding.gb18030.encode(u8Text(vouchers, header: header))
        }
    }

    /// The 金蝶 KIS "引入凭证" sheet as .xlsx: amounts, 凭证号 and 附单据数 as numbers, the rest as text.
    public func kisWorkbook(_ vouchers: [Voucher]) -> Data {
        let numeric: Set<VoucherField> = [.number, .attachments, .debit, .credit, .rate]
        var rows: [[XLSXWriter.Cell]] = [Self.kisColumns.map { .text($0.0) }]
        for v in vouchers {
            for i in v.lines.indices {
                rows.append(Self.kisColumns.map { _, field in
                    let text = value(field, v, i, dotted: map.dotted ?? true)
                    return numeric.contains(field) && !text.isEmpty ? .number(text) : .text(text)
                })
            }
        }
        return XLSXWriter.workbook(sheetName: "凭证", rows: rows)
    }

    /// CSV text of `columns` in `style` (`.safe` carries its own BOM); 摘要 cut to `summaryBytes` GB bytes.
    func table(_ vouchers: [Voucher], _ columns: [(String, VoucherField)], dotted: Bool, style: CSVStyle,
               summaryBytes: Int? = nil) -> String {
        var out = style.byteOrderMark ? "\u{FEFF}" : ""
        if style.headerRow { out += CSVOutput.line(columns.map(\.0), style: style) + "\n" }
        for v in vouchers {
            for i in v.lines.indices {
                let cells = columns.map { _, field -> String in
                    let text = value(field, v, i, dotted: map.dotted ?? dotted)
                    return field == .summary
                        ? summaryBytes.map { TextEncoding.truncated(text, gbBytes: $0) } ?? text : text
                }
                out += CSVOutput.line(cells, style: style) + "\n"
            }
        }
        return out
    }

    /// The 用友 总账工具 text (CRLF line ends, as Windows tools write them).
    func u8Text(_ vouchers: [Voucher], header: Bool = true) -> String {
        var lines = header ? [Self.u8Columns.map(\.0).joined(separator: ",")] : []
        for v in vouchers {
            for i in v.lines.indices {
                lines.append(Self.u8Columns.map { _, field -> String in
                    var text = Self.u8Clean(value(field, v, i, dotted: map.dotted ?? false))
                    if field == .summary { text = TextEncoding.truncated(text, gbBytes: 60) }
                    if (field == .debit || field == .credit) && text == Money.format(0, digits: v.base.minorDigits,
                                                                                       grouping: false) {
                        text = "0"
                    }
                    return text
                }.joined(separator: ","))
            }
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
    }

    /// No quoting in U8 text: a comma becomes a full-width ，, line breaks and tabs a space.
    static func u8Clean(_ text: String) -> String {
        text.replacingOccurrences(of: ",", with: "，").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\"", with: "“")
    }
}

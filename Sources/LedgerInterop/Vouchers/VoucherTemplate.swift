import Foundation
import LedgerCore

/// Mapping mode (`--template FILE`): the header row of a voucher template exported from the user's own 账套
/// decides the columns, their order, the separator and the encoding; each column is matched to a voucher field
/// by its Chinese name, English name or Kingdee field key. Unknown columns are written empty (and reported).
public struct VoucherTemplate: Sendable {
    public var header: [String]
    public var fields: [VoucherField]
    public var separator: Character
    public var encoding: TextEncoding
    /// Header cells no field matched.
    public var unknown: [String] { zip(header, fields).filter { $0.1 == .empty && !$0.0.isEmpty }.map(\.0) }

    static let synonyms: [VoucherField: [String]] = [
        .date: ["日期", "制单日期", "凭证日期", "记账日期", "date", "fdate", "fbusdate"],
        .period: ["期间", "会计期间", "period", "fperiod"],
        .year: ["年度", "会计年度", "year", "fyear"],
        .word: ["凭证字", "凭证类别字", "凭证类别", "凭证类型", "word", "fgroup", "fvouchergroupid"],
        .number: ["凭证号", "凭证编号", "number", "fnum", "fvouchergroupno"],
        .attachments: ["附单据数", "附件数", "单据数", "attachments", "fattachments"],
        .entry: ["分录号", "分录序号", "entry", "fentryid", "fentryseq"],
        .summary: ["摘要", "summary", "fexp", "fexplanation"],
        .account: ["科目代码", "科目编码", "会计科目", "科目", "account", "facctid", "faccountid"],
        .accountName: ["科目名称", "account_name", "faccountname"],
        .debit: ["借方", "借方金额", "本位币借方", "debit", "fdebit"],
        .credit: ["贷方", "贷方金额", "本位币贷方", "credit", "fcredit"],
        .originalDebit: ["原币借方", "外币借方", "外币借方金额", "original_debit", "fdebitfor"],
        .originalCredit: ["原币贷方", "外币贷方", "外币贷方金额", "original_credit", "fcreditfor"],
        .direction: ["借贷方向", "方向", "direction", "fdc"],
        .amount: ["原币金额", "金额", "amount", "ffcyamt", "famountfor"],
        .currency: ["币别", "币种", "currency", "fcyid", "fcurrencyid"],
        .rate: ["汇率", "rate", "fexchrate", "fexchangerate"],
        .quantity: ["数量", "quantity", "fqty"],
        .price: ["单价", "price", "fprice"],
        .customerCode: ["客户编码", "客户代码", "往来单位编码", "往来单位代码", "客户", "customer_code", "fobjid2"],
        .customerName: ["客户名称", "往来单位名称", "往来单位", "customer_name", "fobjname2"],
        .customerClass: ["fclsname2", "核算项目类别"],
        .settlement: ["结算方式", "settlement", "fsettlcode"],
        .reference: ["票号", "结算号", "reference", "fsettleno"],
        .preparer: ["制单人", "制单", "preparer", "fpreparer", "fpreparerid"],
    ]

    /// Reads the template's first non-empty line. - Throws: `InteropError` when no account or amount column is found.
    public static func read(data: Data, source: String) throws -> VoucherTemplate {
        let (text, encoding) = try TextEncoding.decode(data, source: source)
        guard let first = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw InteropError(source: source, message: "the template has no header row")
        }
        let line = String(first)
        let separator: Character = line.contains("\t") ? "\t"
            : (line.filter { $0 == ";" }.count > line.filter { $0 == "," }.count ? ";" : ",")
        let header = line.split(separator: separator, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"*"))
        }
        let fields = header.map { field(for: $0) }
        let found = Set(fields)
        guard found.contains(.account),
              found.contains(.debit) && found.contains(.credit) || found.contains(.amount) else {
            throw InteropError(source: source, message: "no account and debit/credit (or amount) columns "
                               + "in the header: "
                               + header.joined(separator: ", "))
        }
        return VoucherTemplate(header: header, fields: fields, separator: separator,
                               encoding: encoding == .utf8 ? .utf8BOM : encoding)
    }

    static func field(for name: String) -> VoucherField {
        let key = name.lowercased().replacingOccurrences(of: " ", with: "")
        for (field, names) in synonyms where names.contains(key) { return field }
        if key.contains("客户") || key.contains("往来") { return key.contains("名称") ? .customerName : .customerCode }
        return .empty
    }

    /// The template's header, then one row per voucher line, in the template's separator and encoding.
    public func render(_ vouchers: [Voucher], writer: VoucherWriter, dotted: Bool, header: Bool = true) -> Data {
        let style = CSVStyle(neutralisesFormulas: false, byteOrderMark: false, headerRow: true, separator: separator)
        var text = header ? CSVOutput.line(self.header, style: style) + "\r\n" : ""
        for v in vouchers {
            for i in v.lines.indices {
                text += CSVOutput.line(fields.map { writer.value($0, v, i, dotted: dotted) }, style: style) + "\r\n"
            }
        }
        return encoding.encode(text)
    }
}

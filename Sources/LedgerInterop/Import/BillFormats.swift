import Foundation
import LedgerCore

/// Receipt rows from our columns, WeChat Pay bills, Alipay bills and bank statement CSVs
/// (shared/docs/cn-finance.md §5): only money in (收入 / a credit amount), successful trades; refunds and closed
/// trades are left out; a 交易单号 seen before in the file is a duplicate and left out.
extension DataImport {
    enum ReceiptRow { case record(ImportRecord), skip(String), invalid }

    /// Where the header of each bill layout starts (preamble lines before it are skipped).
    public static func headerStart(for format: ReceiptFormat) -> (@Sendable (String) -> Bool)? {
        switch format {
        case .generic: return nil
        case .wechat, .alipay:
            return { line in
                let t = line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
                return t.hasPrefix("交易时间") || t.hasPrefix("\"交易时间")
            }
        case .bankCSV:
            return { line in
                let t = line.lowercased()
                return (t.contains("日期") || t.contains("date")) && (t.contains("金额") || t.contains("amount"))
            }
        }
    }

    func receiptRecord(_ cells: [String], _ row: Int, _ seen: inout SeenKeys, problem: (String, String) -> Void,
                       amount: (String, Currency) -> Money?, date: (String) -> CivilDate?,
                       currency: () -> Currency) -> ReceiptRow {
        let format = settings.format
        let first = cells.first?.trimmingCharacters(in: .whitespaces) ?? ""
        if format != .generic && (first.isEmpty || first.hasPrefix("-") || first.hasPrefix("#")) {
            return .skip("not a trade line")
        }
        let direction = cell(cells, "direction"), status = cell(cells, "status"), type = cell(cells, "type")
        if format == .wechat || format == .alipay {
            if !direction.isEmpty && direction != "收入" { return .skip("not money in (收/支 \(direction))") }
            if type.contains("退款") || status.contains("退款") {
                return .skip("refund (\(status.isEmpty ? type : status))")
            }
            if status.contains("关闭") || status.contains("失败") { return .skip("closed trade (\(status))") }
        }
        let method: PaymentMethod
        switch format {
        case .wechat: method = .wechatPay
        case .alipay: method = .alipay
        case .bankCSV: method = .bankTransfer
        case .generic: method = Self.method(cell(cells, "method")) ?? .bankTransfer
        }
        if format == .generic, !cell(cells, "method").isEmpty, Self.method(cell(cells, "method")) == nil {
            problem("method", "\(cell(cells, "method")) is not a receipt method (cash, bank_transfer, cheque, card, "
                    + "wechat_pay, alipay, other, 现金, 转账, 微信, 支付宝)")
        }
        if format == .bankCSV && cell(cells, "amount").isEmpty { return .skip("no amount received") }
        let reference = cell(cells, "reference").trimmingCharacters(in: CharacterSet(charactersIn: "\t`'"))
        if !reference.isEmpty {
            if let earlier = seen[reference] { return .skip("duplicate 交易单号 \(reference) (first on row \(earlier))") }
            seen[reference] = row
        }
        let cur = currency()
        let d = date("date")
        var value = amount("amount", cur)
        if let v = value, v.minorUnits <= 0 {
            if format == .bankCSV { return .skip("money out") }
            problem("amount", "must be greater than 0")
            value = nil
        }
        let code = cell(cells, "customer_code"), name = cell(cells, "customer_name")
        if code.isEmpty && name.isEmpty {
            problem(columns["customer_code"] != nil ? "customer_code" : "customer_name", "is empty")
        }
        guard let d, let value else { return .invalid }
        return .record(.receipt(date: d, customerCode: code, customerName: name, account: cell(cells, "account"),
                                amount: value, method: method, reference: reference, note: cell(cells, "note"),
                                invoice: cell(cells, "invoice")))
    }

    static func method(_ text: String) -> PaymentMethod? {
        let t = text.lowercased()
        if t.isEmpty { return nil }
        if let m = PaymentMethod(rawValue: t) { return m }
        switch t {
        case "现金": return .cash
        case "转账", "银行转账", "银行", "电汇", "bank", "transfer": return .bankTransfer
        case "支票": return .cheque
        case "刷卡", "银行卡": return .card
        case "微信", "微信支付", "wechat": return .wechatPay
        case "支付宝": return .alipay
        case "其他": return .other
        default: return nil
        }
    }
}

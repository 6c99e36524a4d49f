import Foundation
import LedgerCore

/// The customer master (客户档案) for an accounting package, so vouchers can reference customers that exist there
/// (shared/docs/cn-finance.md §3). `generic` is our own columns and imports back with `import customers`.
public enum CustomerExport {
    public enum Target: String, Sendable, CaseIterable { case kis, u8, generic }

    public static let genericHeader = ["code", "name", "contact", "phone", "email", "address", "region", "channel",
                                       "class", "credit_limit", "payment_terms", "currency", "notes", "tax_id",
                                       "invoice_title", "address_phone", "bank_account"]

    /// File bytes: `kis` and `generic` UTF-8 CSV with BOM (formula cells neutralised), `u8` GB18030 CSV. `tax` holds
    /// the customers' fapiao details by customer code (税号, 开户行及账号; none: those columns stay empty).
    public static func render(_ customers: [Customer], target: Target,
                              tax: [String: CustomerTaxDetails] = [:]) -> Data {
        func details(_ c: Customer) -> CustomerTaxDetails { tax[c.code] ?? CustomerTaxDetails() }
        func bank(_ c: Customer) -> (String, String) { bankParts(details(c).bankAccount) }
        func limit(_ c: Customer) -> String {
            c.creditLimit.map { Money.format($0.minorUnits, digits: $0.currency.minorDigits, grouping: false) } ?? ""
        }
        switch target {
        case .generic:
            return Data(CSVOutput.render(header: genericHeader, rows: customers.map { c in
                [c.code, c.name, c.contact, c.phone, c.email, c.address, c.region, c.channel, c.customerClass, limit(c),
                 c.paymentTerms.code, c.currency.code, c.notes, details(c).taxID, details(c).invoiceTitle,
                 details(c).addressPhone, details(c).bankAccount]
            }, style: .safe).utf8)
        case .kis:
            return Data(CSVOutput.render(
                header: ["代码", "名称", "联系人", "电话", "地址", "邮件地址", "开户银行", "银行账号", "税务登记号", "信用额度", "备注"],
                rows: customers.map { c in
                    [c.code, c.name, c.contact, c.phone, c.address, c.email, bank(c).0, bank(c).1, details(c).taxID,
                     limit(c), c.notes]
                },
                style: .safe).utf8)
        case .u8:
            var style = CSVStyle.raw
            style.byteOrderMark = false
            let text = CSVOutput.render(
                header: ["客户编码", "客户名称", "客户简称", "所属分类", "税号", "开户银行", "银行账号", "地址", "电话", "信用额度",
                         "信用等级", "账期", "专管业务员"],
                rows: customers.map { c in
                    [c.code, c.name, String(c.name.prefix(10)), c.customerClass, details(c).taxID, bank(c).0, bank(c).1,
                     c.address, c.phone, limit(c),
                     "", c.paymentTerms.code, ""]
                }, style: style)
            return TextEncoding.gb18030.encode(text.replacingOccurrences(of: "\n", with: "\r\n"))
        }
    }

    /// 开户行及账号 split into the bank's name and the account number without separators (金蝶 wants it so): the
    /// account is the trailing run of digits, spaces and hyphens holding at least 6 digits; otherwise all is the bank.
    static func bankParts(_ text: String) -> (bank: String, account: String) {
        let chars = Array(text)
        var start = chars.count
        while start > 0, chars[start - 1].isASCII && (chars[start - 1].isNumber || chars[start - 1] == " "
                                                      || chars[start - 1] == "-") { start -= 1 }
        let account = String(chars[start...]).filter(\.isNumber)
        guard account.count >= 6 else { return (text.trimmingCharacters(in: .whitespaces), "") }
        return (String(chars[..<start]).trimmingCharacters(in: .whitespaces), account)
    }
}

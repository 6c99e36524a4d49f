import ArgumentParser
import LedgerCore
import SalesLedgerApp

/// The fapiao options of `customer add` and `customer edit` (纳税人识别号, 开票抬头, 地址电话,
/// 开户行及账号, 不开票).
struct CustomerTaxOptions: ParsableArguments {
    @Option(help: ArgumentHelp("纳税人识别号: 18-character unified social credit code (check character "
                               + "verified), or a legacy 15/20."))
    var taxID: String?
    @Option(help: "开票抬头, when it differs from the customer name.") var invoiceTitle: String?
    @Option(help: "地址电话 as printed on the fapiao.") var addressPhone: String?
    @Option(help: "开户行及账号 as printed on the fapiao.") var bank: String?
    @Option(help: "不开票: yes when this customer takes no fapiao, no to undo.") var noFapiao: String?

    var isEmpty: Bool { taxID == nil && invoiceTitle == nil && addressPhone == nil && bank == nil && noFapiao == nil }

    /// `base` with the given options applied.
    func apply(to base: CustomerTaxDetails, issues: inout IssueCollector) -> CustomerTaxDetails {
        var d = base
        if let taxID { d.taxID = taxID }
        if let invoiceTitle { d.invoiceTitle = invoiceTitle }
        if let addressPhone { d.addressPhone = addressPhone }
        if let bank { d.bankAccount = bank }
        if let noFapiao {
            switch noFapiao.lowercased() {
            case "yes", "y", "true", "1", "是": d.noFapiao = true
            case "no", "n", "false", "0", "否": d.noFapiao = false
            default: issues.add("noFapiao", "'\(noFapiao)' is not yes or no")
            }
        }
        return d
    }
}

/// Errors of trade commands in the user's language: with `--lang zh` field issues are shown in Chinese.
enum TradeCLI {
    /// `options` names a field by the command's option (`code` → `--code`), in both languages; `chineseNames` names
    /// a field in Chinese for this command (a customer's `code` is 客户编码, not the fapiao's 发票代码, tryout s34).
    static func localized(_ error: any Error, chinese: Bool, options: [String: String] = [:],
                          chineseNames: [String: String] = [:]) -> any Error {
        guard let ledger = error as? LedgerError, case .validation(let issues) = ledger else { return error }
        return UserError(issues.map { issue in
            let message = chinese ? TradeText.chinese(issue.message) ?? Strings(.zh).core(issue.message)
                : issue.message
            let text = options[issue.path].map { "\($0): " + message }
                ?? (chinese ? "\(chineseName(issue.path, chineseNames))：" + message
                    : "\(englishNames[issue.path] ?? issue.path): \(issue.message)")
            return text + (hint(issue, chinese: chinese) ?? "")
        }.joined(separator: "\n"))
    }

    /// Field names as the user knows them, not the internal ones (tryout s30: "taxID:").
    static let englishNames = ["taxID": "tax ID", "invoiceTitle": "invoice title", "addressPhone": "address and phone",
                               "bankAccount": "bank account", "noFapiao": "no fapiao", "creditNote": "credit note"]

    /// How to fix a missing taxpayer number: `customer edit CODE --tax-id …` (or F4 → e in the app).
    static func hint(_ issue: FieldIssue, chinese: Bool) -> String? {
        guard issue.path == "taxID", let range = issue.message.range(of: "; customer "),
              issue.message.hasSuffix(" has none") else { return nil }
        let code = issue.message[range.upperBound...].dropLast(" has none".count)
        return chinese ? "\n  登记：salesledger customer edit \(code) --tax-id 纳税人识别号（或 F4 客户 → e）"
                       : "\n  set it: salesledger customer edit \(code) --tax-id NUMBER (or F4 Customers → e)"
    }

    /// Runs `body`, translating validation errors for a Chinese user.
    static func run<T>(chinese: Bool, options: [String: String] = [:], chineseNames: [String: String] = [:],
                       _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw localized(error, chinese: chinese, options: options, chineseNames: chineseNames)
        }
    }

    /// A field's Chinese name: the command's own, the trade name, else the app's (`CLIChinese.field`).
    static func chineseName(_ path: String, _ names: [String: String]) -> String {
        names[path] ?? TradeText.fieldNames[path] ?? CLIChinese.field(path)
    }

    /// A customer's fields in Chinese where the trade names differ (`code` is the customer's 客户编码).
    static let customerNames = ["code": "客户编码", "name": "客户名称"]
}

import ArgumentParser
import LedgerCore

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
    static func localized(_ error: any Error, chinese: Bool) -> any Error {
        guard chinese, let ledger = error as? LedgerError, case .validation(let issues) = ledger else { return error }
        return UserError(issues.map(TradeText.chinese).joined(separator: "\n"))
    }

    /// Runs `body`, translating validation errors for a Chinese user.
    static func run<T>(chinese: Bool, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw localized(error, chinese: chinese) }
    }
}

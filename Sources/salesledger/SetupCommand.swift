import ArgumentParser
import LedgerCore
import LedgerInterop

/// `setup`: the ledger's settings after the first-run wizard (s32-fixb). `--default-tax-rate 13` sets the rate that
/// new products, free lines and `import sales` rows without a 税率 take, through `SetDefaultTaxRate` (audited,
/// manager or admin); without options it prints the settings.
struct SetupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setup",
        abstract: "Show or change the ledger's settings (the default tax rate, the company name).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Default tax rate: 13, 13% or 0.13 (a number below 1 is a fraction: 0.5 = 50%); 0–100%.")
    var defaultTaxRate: String?
    @Option(help: "The company name on documents, statements and vouchers (manager, audited).")
    var companyName: String?

    func run() throws {
        if let name = companyName {
            let (_, service) = try global.openLedger()
            print(CLIChinese.output("company name: \(try service.run(SetCompanyName(companyName: name)))"))
            if defaultTaxRate == nil { return }
        }
        if let text = defaultTaxRate {
            let rate: Rate
            switch SalesImport.checkedTaxRate(text) {
            case .success(let found): rate = found
            case .failure(let problem): throw LedgerError.validation([FieldIssue("defaultTaxRate", problem.message)])
            }
            let (_, service) = try global.openLedger()
            print(CLIChinese.output("default tax rate: \(try service.run(SetDefaultTaxRate(rate: rate)))"))
            return
        }
        let (store, _) = try global.openExistingLedger()
        let stored = try store.ledgerSetting(LedgerSettings.taxKey)
        let rate = Rate(basisPoints: Int64(stored ?? "") ?? 0)
        print(CLIChinese.output("default tax rate: \(rate)" + (stored == nil ? " (not set)" : "")))
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

/// `customer exposure CODE [--as-of D] [--sale AMOUNT]`: balance, overdue, credit used and hold reasons — the
/// figures credit control, the sales-entry warning and the customer detail show (`Reports.exposure`).
struct ExposureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exposure", abstract: "A customer's credit exposure: balance, overdue, credit used, hold and why.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer code.") var customer: String
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option(help: "A sale about to be posted, to see whether it would be held.") var sale: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let date = parseDate(asOf, "asOf", today, &issues) ?? today
        let found = try store.customer(code: customer)
        if found == nil { issues.add("customer", "unknown customer code \(customer)") }
        var saleMinor: Int64 = 0
        if let sale, let found {
            do { saleMinor = try MoneyParser.parse(sale, currency: found.currency).minorUnits } catch {
                issues.add("sale", "\(error)")
            }
        }
        try issues.throwIfAny()
        guard let exposure = try Reports(store: store).exposure(customerCode: customer, asOf: date,
                                                                newSale: saleMinor) else { return }
        let strings = Strings(global.isChinese ? .zh : .en)
        let reasonText: (String) -> String = { strings.core($0) }
        printReport(ExposureTable.make([exposure], reasonText: reasonText), format, chinese: global.isChinese)
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports

/// `report fapiao uninvoiced|invoiced-unpaid|output-vat|to-issue`: the fapiao reports, with the same tables as
/// the Reports screen.
struct FapiaoReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fapiao",
        abstract: "Fapiao reports: uninvoiced (应收未开票), invoiced-unpaid (已开票未收款), output-vat "
                  + "(销项税), to-issue (待开票).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "uninvoiced, invoiced-unpaid, output-vat or to-issue") var report: String
    @Option(help: "As-of date for uninvoiced, invoiced-unpaid and to-issue (default today).") var asOf: String?
    @Option(help: "output-vat: from date (inclusive).") var from: String?
    @Option(help: "output-vat: to date (inclusive).") var to: String?
    @Option(help: "Customer code (not for output-vat).") var customer: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let date = parseDate(asOf, "asOf", today, &issues) ?? today
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues)
        if !FapiaoTables.kinds.contains(report) {
            issues.add("report", "'\(report)' is not one of \(FapiaoTables.kinds.joined(separator: ", "))")
        }
        try issues.throwIfAny()
        let reports = Reports(store: store)
        if report == "to-issue" {   // a million sales: streamed, never held (issue 10)
            return try printStreamedReport(FapiaoTables.toIssueEmpty, format, chinese: global.isChinese) { row in
                try reports.fapiaoToIssue(asOf: date, customer: customer, row)
            }
        }
        let table = try reports.fapiao(report, asOf: date, from: fromDate, to: toDate, customer: customer)
        printReport(table, format, chinese: global.isChinese)
    }
}

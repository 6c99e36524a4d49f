import ArgumentParser
import LedgerCore
import LedgerReports

/// `report dso [--from D] [--to D]`: days sales outstanding per currency (and converted when rates allow); the
/// default period is the 90 days ending `--to` (today).
struct DSOReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dso", abstract: "Days sales outstanding (应收账款周转天数) for a period.",
        discussion: "DSO = receivables at period end ÷ credit sales in the period × days in the period (see "
                    + "docs/receivables.md).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today())
        printReport(try Reports(store: store).dso(from: fromDate, to: toDate).table, format)
    }
}

/// `report dashboard [--as-of D]`: the receivables screen's figures per currency, from the same query.
struct DashboardReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Receivables dashboard: net receivable, overdue, DSO, reminders due, per currency.",
        discussion: "The figures of the receivables screen (F5) as of a date: aging totals, DSO over the 90 days "
                    + "ending the date, overdue invoices and reminders due that day.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let date = try parseDate(asOf, "asOf", service.clock.today()) ?? service.clock.today()
        printReport(try Reports(store: store).dashboard(asOf: date).table, format)
    }
}

/// `report collections --from --to`: collected vs due per month.
struct CollectionsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collections", abstract: "Collected vs due per month.",
        discussion: "due = invoices due in the month; collected = receipts dated in the month; settled_of_due = "
                    + "allocations to the month's invoices dated by its end.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today(),
                                                  defaultFrom: ReportDefaults.periodStart(endingOn:))
        printReport(try Reports(store: store).collections(from: fromDate, to: toDate), format)
    }
}

/// `report payment-days`: average days to pay and days late per customer (from allocations).
struct PaymentDaysReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment-days", abstract: "Average days to pay and days late per customer.",
        discussion: "Over invoices fully settled by receipts; days to pay = settled − invoice date, days late = "
                    + "max(0, settled − due).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Count settlements up to this date (default today, as the Reports screen).") var asOf: String?
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let today = service.clock.today()
        let date = try parseDate(asOf, "asOf", today) ?? ReportDefaults.paymentDaysAsOf(today: today)
        printReport(try Reports(store: store).paymentDays(asOf: date), format)
    }
}

/// `report write-offs --from --to`: bad-debt write-offs (坏账核销), reported apart from receipts.
struct WriteOffReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-offs",
                                                    abstract: "Bad-debt write-offs in a period.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today())
        printReport(try Reports(store: store).writeOffs(from: fromDate, to: toDate), format)
    }
}

/// `[--from D] [--to D]` of a period report: both dates parsed with field-named errors; `to` defaults to today and
/// `from` to the report's default start for that end (the last 90 days unless the report says otherwise).
struct PeriodOptions: ParsableArguments {
    @Option(help: "First day of the period (default: the report's usual period ending --to, e.g. 90 days).")
    var from: String?
    @Option(help: "Last day of the period (default today).") var to: String?


    /// - Throws: `LedgerError.validation` naming `from` / `to`.
    func dates(today: CivilDate, defaultFrom: (CivilDate) -> CivilDate = Reports.defaultDSOStart)
        throws -> (CivilDate, CivilDate) {
        var issues = IssueCollector()
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues) ?? today
        if let fromDate, fromDate > toDate { issues.add("from", "\(fromDate) is after the end date \(toDate)") }
        try issues.throwIfAny()
        return (fromDate ?? defaultFrom(toDate), toDate)
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports

/// `report dso [--from D] [--to D]`: days sales outstanding per currency (and converted when rates allow); the
/// default period is the 90 days ending `--to` (today).
struct DSOReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dso", abstract: "Days sales outstanding (应收账款周转天数) for a period.",
        discussion: "DSO = receivables at period end ÷ credit sales in the period × days in the period (see docs/receivables.md).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today(), defaultFrom: Reports.defaultDSOStart)
        printReport(try Reports(store: store).dso(from: fromDate, to: toDate).table, format, chinese: global.isChinese)
    }
}

/// `report collections --from --to`: collected vs due per month.
struct CollectionsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collections", abstract: "Collected vs due per month.",
        discussion: "due = invoices due in the month; collected = receipts dated in the month; settled_of_due = allocations to the month's invoices dated by its end.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today(), defaultFrom: PeriodOptions.last12Months)
        let rows = ReceivablesFigures.collections(from: fromDate, to: toDate, snapshot: try store.receivablesSnapshot(customerID: nil))
        func amount(_ m: Int64, _ c: Currency) -> String { Money.format(m, digits: c.minorDigits, grouping: false) }
        let output = TabularOutput(
            columns: [("month", .text), ("currency", .text), ("due", .amount), ("collected", .amount), ("settled_of_due", .amount)],
            rows: rows.map { [$0.month, $0.currency.code, amount($0.due, $0.currency), amount($0.collected, $0.currency),
                              amount($0.settledOfDue, $0.currency)] })
        print(output.render(format), terminator: "")
    }
}

/// `report payment-days`: average days to pay and days late per customer (from allocations).
struct PaymentDaysReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payment-days", abstract: "Average days to pay and days late per customer.",
        discussion: "Over invoices fully settled by receipts; days to pay = settled − invoice date, days late = max(0, settled − due).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Count settlements up to this date (default: all).") var asOf: String?
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let date = parseDate(asOf, "asOf", service.clock.today(), &issues)
        try issues.throwIfAny()
        let rows = ReceivablesFigures.paymentBehaviour(snapshot: try store.receivablesSnapshot(customerID: nil), asOf: date)
        func tenths(_ v: Int64?) -> String { v.map { Money.format($0, digits: 1, grouping: false) } ?? "" }
        let output = TabularOutput(
            columns: [("customer", .text), ("name", .text), ("settled", .integer), ("late", .integer),
                      ("avg_days_to_pay", .amount), ("avg_days_late", .amount)],
            rows: rows.map { [$0.customerCode, $0.customerName, String($0.settledInvoices), String($0.lateInvoices),
                              tenths($0.averageDaysToPayTenths), tenths($0.averageDaysLateTenths)] })
        print(output.render(format), terminator: "")
    }
}

/// `report write-offs --from --to`: bad-debt write-offs (坏账核销), reported apart from receipts.
struct WriteOffReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "write-offs", abstract: "Bad-debt write-offs in a period.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let (fromDate, toDate) = try period.dates(today: service.clock.today())
        let rows = ReceivablesFigures.writeOffs(from: fromDate, to: toDate, snapshot: try store.receivablesSnapshot(customerID: nil))
        let output = TabularOutput(
            columns: [("date", .text), ("invoice", .text), ("customer", .text), ("name", .text), ("currency", .text),
                      ("amount", .amount), ("reason", .text)],
            rows: rows.map { [$0.date.description, $0.invoiceNumber, $0.customerCode, $0.customerName, $0.currency.code,
                              Money.format($0.amount, digits: $0.currency.minorDigits, grouping: false), $0.reason] })
        print(output.render(format), terminator: "")
    }
}

/// `[--from D] [--to D]` of a period report: both dates parsed with field-named errors; `to` defaults to today and
/// `from` to the report's default start for that end (the last 90 days unless the report says otherwise).
struct PeriodOptions: ParsableArguments {
    @Option(help: "First day of the period (default: the report's usual period ending --to, e.g. 90 days).") var from: String?
    @Option(help: "Last day of the period (default today).") var to: String?

    /// The 90 days ending `to` (inclusive): DSO's and the other receivables reports' default period.
    static func last90Days(_ to: CivilDate) -> CivilDate { to.adding(days: -89) }
    /// The 12 calendar months ending with `to`'s month: the collections report's default.
    static func last12Months(_ to: CivilDate) -> CivilDate { to.startOfMonth.adding(months: -11) }

    /// - Throws: `LedgerError.validation` naming `from` / `to`.
    func dates(today: CivilDate, defaultFrom: (CivilDate) -> CivilDate = last90Days) throws -> (CivilDate, CivilDate) {
        var issues = IssueCollector()
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues) ?? today
        if let fromDate, fromDate > toDate { issues.add("from", "\(fromDate) is after the end date \(toDate)") }
        try issues.throwIfAny()
        return (fromDate ?? defaultFrom(toDate), toDate)
    }
}

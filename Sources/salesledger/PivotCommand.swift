import ArgumentParser
import Classification
import LedgerCore
import LedgerReports

extension PivotMeasure: ExpressibleByArgument {}

/// `salesledger report pivot --measure sales --rows region --cols month --from … --to …`.
struct PivotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivot", abstract: "Pivot: a measure by one or two dimensions or periods, with totals.",
        discussion: "Measures: sales (posted invoices less credit notes, tax included — the sales report's total), "
                    + "quantity, invoices, open, overdue (as of --as-of, default --to or today). Axes: month, quarter, "
                      + "year, a dimension code (region, channel, customer_class, category, rfm_segment, payment_risk, "
                        + "product_abc, user dimensions) or customer, product, salesperson. One table per currency.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "sales, quantity, invoices, open, overdue") var measure: PivotMeasure = .sales
    @Option(help: "Row axis.") var rows: String
    @Option(help: "Column axis (optional).") var cols: String?
    @Option(help: "From date (inclusive).") var from: String?
    @Option(help: "To date (inclusive).") var to: String?
    @Option(help: "As-of date of open and overdue.") var asOf: String?
    @Option(help: "Region and channel: posting (class at posting) or current.") var basis: ClassBasis = .atPosting
    @Option(help: "Roll row classes up to this level (0 = top).") var level: Int?
    @Option(help: "Roll column classes up to this level.") var colLevel: Int?
    @Flag(help: "Subtotal rows for parent classes.") var subtotals = false
    @Option(name: .customLong("class"),
            help: "Only documents in dimension=code[|code…]; repeatable.") var classes: [String] = []
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues)
        let asOfDate = parseDate(asOf, "asOf", today, &issues) ?? toDate ?? today
        try issues.throwIfAny()
        let query = PivotQuery(measure: measure, rows: PivotAxis(parsing: rows),
                               columns: cols.map(PivotAxis.init(parsing:)),
                               from: fromDate, to: toDate, asOf: asOfDate, basis: basis,
                               filter: try ClassFilter.parse(terms: classes, basis: basis))
        let tables = try Reports(store: store).pivot(query,
                                                     layout: .init(rowDepth: level, columnDepth: colLevel,
                                                                   subtotals: subtotals,
                                                                          chinese: global.isChinese))
        if tables.isEmpty {
            if format == .table { print("no data") } else { printReport(ReportTable(name: "pivot",
                                                                                    columns: [ReportColumn(rows,
                                                                                                           .text)]),
                                                                                                           format) }
        }
        for table in tables {
            printReport(PivotReportTable.make(table, rowName: rows, indent: format == .table,
                                                      chinese: global.isChinese), format)
        }
    }
}

import ArgumentParser
import LedgerCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Sales and receivables reports.",
                                                    subcommands: [Sales.self, AgingReportCommand.self, PivotCommand.self,
                                                                  DSOReportCommand.self, CollectionsReportCommand.self,
                                                                  PaymentDaysReportCommand.self, WriteOffReportCommand.self,
                                                                  FapiaoReportCommand.self, ProcessReportCommand.self])

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sales by period or dimension (posted invoices less credit notes).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "month, quarter, year, customer, region, channel, salesperson, product, category") var by: SalesDimension = .month
        @Option(help: "From date (inclusive).") var from: String?
        @Option(help: "To date (inclusive).") var to: String?
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let today = service.clock.today()
            let fromDate = parseDate(from, "from", today, &issues)
            let toDate = parseDate(to, "to", today, &issues)
            try issues.throwIfAny()
            let rows = try store.salesReport(by: by, from: fromDate, to: toDate)
            let currencies = Set(rows.map(\.currency))
            let digits = currencies.first?.minorDigits ?? 2
            func amount(_ minor: Int64, _ c: Currency) -> String { Money.format(minor, digits: c.minorDigits, grouping: false) }
            var total: [String]? = nil
            if currencies.count <= 1 {
                let c = currencies.first ?? .cny
                total = ["TOTAL", "", c.code, String(rows.reduce(0) { $0 + $1.documents }),
                         amount(rows.reduce(0) { CheckedSum.saturating($0, $1.net) }, c), amount(rows.reduce(0) { CheckedSum.saturating($0, $1.tax) }, c),
                         amount(rows.reduce(0) { CheckedSum.saturating($0, $1.total) }, c)]
            }
            _ = digits
            let output = TabularOutput(
                columns: [(by.rawValue, .text), ("label", .text), ("currency", .text), ("documents", .integer),
                          ("net", .amount), ("tax", .amount), ("total", .amount)],
                rows: rows.map { [$0.key, $0.label, $0.currency.code, String($0.documents), amount($0.net, $0.currency),
                                  amount($0.tax, $0.currency), amount($0.total, $0.currency)] },
                totalRow: total)
            print(output.render(format), terminator: "")
        }
    }
}

extension SalesDimension: ExpressibleByArgument {}
extension AgingGrouping: ExpressibleByArgument {}
extension AgingBasis: ExpressibleByArgument {}

struct AgingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aging",
        abstract: "Receivables aging as of a date (open amounts by days past due).",
        discussion: "Days overdue = as-of date − due date; current = not yet due (≤ 0 days). Receipts and allocations dated after the as-of date do not count.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option(help: "none, customer, salesperson, region, channel") var by: AgingGrouping = .none
    @Option(help: "Bucket upper bounds in days, e.g. 30,60,90.") var buckets = "30,60,90"
    @Option(help: "due (days past due, default) or invoice (days since the invoice date)") var basis: AgingBasis = .dueDate
    @Option(help: "table, csv or json") var format: OutputFormat = .table
    @Option(help: "Group by the classes of a classification dimension instead (e.g. customer_class, region, payment_risk).")
    var byClass: String?
    @Option(help: "With --by-class: the hierarchy level of the rows (0 = top, 1 = their children …).") var level = 0

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let date = parseDate(asOf, "asOf", today, &issues) ?? today
        if let byClass {
            try issues.throwIfAny()
            try AgingByClass.print(store: store, dimension: byClass, level: level, asOf: date, basis: basis, format: format)
            return
        }
        let bounds = buckets.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if bounds.isEmpty || bounds.count != buckets.split(separator: ",").count || bounds != bounds.sorted() || bounds.contains(where: { $0 <= 0 }) {
            issues.add("buckets", "'\(buckets)' is not a list of increasing positive day counts such as 30,60,90")
        }
        try issues.throwIfAny()
        let reports = Aging.reports(items: try store.openItems(asOf: date), credits: try store.unappliedCredits(asOf: date),
                                    asOf: date, buckets: AgingBuckets(bounds: bounds), groupBy: by, basis: basis)
        if reports.isEmpty {
            print(format == .table ? "nothing open as of \(date)\n" : TabularOutput(columns: [("bucket", .text), ("amount", .amount), ("count", .integer)], rows: []).render(format), terminator: "")
        }
        for report in reports {
            let c = report.currency
            func amount(_ minor: Int64) -> String { Money.format(minor, digits: c.minorDigits, grouping: false) }
            if format == .table { print("Aging as of \(date) (\(c.code)); days overdue = as-of − due date") }
            if by == .none {
                var rows = report.buckets.map { [$0.label, amount($0.amount), String($0.count)] }
                rows.append(["unapplied credits", amount(-report.unappliedCredits), ""])
                let output = TabularOutput(columns: [("bucket", .text), ("amount", .amount), ("count", .integer)], rows: rows,
                                           totalRow: ["total", amount(report.netReceivable), String(report.buckets.reduce(0) { $0 + $1.count })])
                print(output.render(format), terminator: "")
                if format == .table {
                    print("open invoices \(amount(report.openTotal)), overdue \(amount(report.overdueTotal)), disputed \(amount(report.disputedTotal))")
                }
            } else {
                let labels = report.buckets.map(\.label)
                var columns: [(name: String, kind: TabularOutput.Kind)] = [(by.rawValue, .text), ("name", .text)]
                columns += labels.map { ($0, .amount) }
                columns += [("credits", .amount), ("total", .amount)]
                let rows = report.groups.map { g in [g.key, g.label] + g.amounts.map(amount) + [amount(-g.credits), amount(g.total)] }
                let total = ["TOTAL", ""] + report.buckets.map { amount($0.amount) } + [amount(-report.unappliedCredits), amount(report.netReceivable)]
                print(TabularOutput(columns: columns, rows: rows, totalRow: total).render(format), terminator: "")
            }
        }
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "report", abstract: "Sales and receivables reports.",
                                                    subcommands: [Sales.self, AgingReportCommand.self,
                                                                  PivotCommand.self,
                                                                  DSOReportCommand.self, DashboardReportCommand.self,
                                                                  CollectionsReportCommand.self,
                                                                  PaymentDaysReportCommand.self,
                                                                  WriteOffReportCommand.self,
                                                                  FapiaoReportCommand.self, ProcessReportCommand.self,
                                                                  CommissionReportCommand.self,
                                                                  BillsReportCommand.self])

    struct Sales: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sales by period or dimension (posted invoices less credit notes).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "month, quarter, year, customer, region, channel, salesperson, product, category")
        var by: SalesDimension = .month
        @Option(help: "From date (inclusive; default 1 January of the --to date's year, as the Reports screen).")
        var from: String?
        @Option(help: "To date (inclusive; default today).") var to: String?
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        @Option(help: "Only the N largest rows of each currency (not with --by month, quarter, year); TOTAL sums them.")
        var top: Int?

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            var issues = IssueCollector()
            let today = service.clock.today()
            // The report's one default period (`ReportDefaults`): the year to today, as F7 shows it (s34-fix3).
            let toDate = parseDate(to, "to", today, &issues) ?? today
            let fromDate = parseDate(from, "from", today, &issues) ?? ReportDefaults.periodStart(endingOn: toDate)
            if fromDate > toDate { issues.add("from", "\(fromDate) is after the end date \(toDate)") }
            if let top, top < 1 { issues.add("top", "\(top) is not a positive number of rows") }
            if top != nil, [.month, .quarter, .year].contains(by) {
                issues.add("top", "--top ranks customers, products …, not --by \(by.rawValue)")
            }
            try issues.throwIfAny()
            let report = try Reports(store: store).sales(by: by, from: fromDate, to: toDate, top: top)
            var table = try ReportNames.apply(report,
                                              store: store, chinese: global.isChinese)
            if format == .table { table = ReportNames.withoutRepeatedLabel(table) }
            printReport(table, format, chinese: global.isChinese)
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
        discussion: "Days overdue = as-of date − due date; current = not yet due (≤ 0 days). Receipts and "
                    + "allocations dated after the as-of date do not count.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option(help: "none, customer, salesperson, region, channel") var by: AgingGrouping = .none
    @Option(help: "Bucket upper bounds in days, e.g. 30,60,90.") var buckets = "30,60,90"
    @Option(help: "due (days past due, default) or invoice (days since the invoice date)")
    var basis: AgingBasis = .dueDate
    @Option(help: "table, csv or json") var format: OutputFormat = .table
    @Option(help: ArgumentHelp("Group by the classes of a classification dimension instead (e.g. customer_class, "
                               + "region, payment_risk)."))
    var byClass: String?
    @Option(help: "With --by-class: the hierarchy level of the rows (0 = top, 1 = their children …).") var level = 0
    @Option(help: "With --by in table form: the page of rows shown, \(Self.pageRows) a page (csv and json: every row).")
    var page = 1

    static let pageRows = 50

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let date = parseDate(asOf, "asOf", today, &issues) ?? today
        if let byClass {
            try issues.throwIfAny()
            guard let table = try Reports(store: store).aging(asOf: date, byClass: byClass, level: level,
                                                              basis: basis) else {
                let grouped = AgingGrouping(rawValue: byClass).map { $0 != .none } ?? false
                throw UserError(global.isChinese
                    ? "'--by-class'：维度 '\(byClass)' 没有分类（见 'salesledger class dimensions'）"
                      + (grouped ? "；按客户字段分组请用 '--by \(byClass)'" : "")
                    : "--by-class: dimension '\(byClass)' has no classes (see `salesledger class dimensions`)"
                      + (grouped ? "; to group by the customer's field use `--by \(byClass)`" : ""))
            }
            printReport(table, format)
            return
        }
        let bounds = buckets.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        if bounds.isEmpty || bounds.count != buckets.split(separator: ",").count || bounds != bounds.sorted()
            || bounds.contains(where: { $0 <= 0 }) {
            issues.add("buckets", "'\(buckets)' is not a list of increasing positive day counts such as 30,60,90")
        }
        // Bounded so the row offset, (page − 1) × rows, cannot overflow: a huge page is a field error, not a trap.
        issues.check(page >= 1 && page <= Int.max / Self.pageRows, "page", global.isChinese ? "'\(page)' 不是页码（从 1 起）"
                     : "'\(page)' is not a page number (1 is the first)")
        try issues.throwIfAny()
        // The table form reads the page it prints (issue 10: 10k customers at 1M invoices); csv and json every row.
        let paged = by != .none && format == .table
        let aging = try Reports(store: store).aging(
            asOf: date, by: by, buckets: AgingBuckets(bounds: bounds), basis: basis,
            page: paged ? PageRequest(offset: (page - 1) * Self.pageRows, limit: Self.pageRows) : nil)
        let reports = aging.reports
        if reports.isEmpty {
            var empty = by == .none ? AgingTable.buckets(AgingReport(asOf: date, currency: .cny, buckets: [],
                                                                     openTotal: 0,
                                                                     overdueTotal: 0, unappliedCredits: 0,
                                                                     disputedTotal: 0, groups: []))
                : AgingTable.grouped([], by: by)
            empty.rows = []
            print(format == .table ? "nothing open as of \(date)\n" : ReportRenderer.render(empty, format.report),
                  terminator: "")
            return
        }
        if by != .none {
            printReport(try ReportNames.apply(AgingTable.grouped(aging, by: by), store: store,
                                              chinese: global.isChinese), format, chinese: global.isChinese)
            if paged && !aging.isWhole { print(pageLine(aging)) }
            return
        }
        for report in reports {
            printReport(AgingTable.buckets(report), format, chinese: global.isChinese)
            if format == .table {
                let c = report.currency
                func amount(_ minor: Int64) -> String { Money.format(minor, digits: c.minorDigits, grouping: false) }
                print("open invoices \(amount(report.openTotal)), overdue \(amount(report.overdueTotal)), disputed "
                      + "\(amount(report.disputedTotal))")
            }
        }
    }

    /// Which rows of how many the page shows, and how to see the others.
    func pageLine(_ aging: AgingPage) -> String {
        let first = (page - 1) * Self.pageRows + 1, shown = aging.reports.reduce(0) { $0 + $1.groups.count }
        let last = first + shown - 1, pages = (aging.rowCount + Self.pageRows - 1) / Self.pageRows
        if global.isChinese {
            return shown == 0 ? "第 \(page) 页超出末页（共 \(aging.rowCount) 行，\(pages) 页）"
                : "第 \(first)–\(last) 行，共 \(aging.rowCount) 行（"
                    + (page < pages ? "--page \(page + 1) 看下一页；" : "") + "--format csv 输出全部）"
        }
        return shown == 0 ? "page \(page) is past the last (\(aging.rowCount) rows, \(pages) pages)"
            : "rows \(first)–\(last) of \(aging.rowCount) (\(page < pages ? "--page \(page + 1): the next; " : "")"
                + "--format csv: every row)"
    }
}

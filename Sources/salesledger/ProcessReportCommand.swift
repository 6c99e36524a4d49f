import ArgumentParser
import LedgerAudit
import LedgerCore
import LedgerReports
import LedgerStore

/// `report process`: process metrics (流程评估) for a period, by user or month, or before/after a change date.
struct ProcessReportCommand: ParsableCommand {
    enum Grouping: String, ExpressibleByArgument { case user, month }
    static let configuration = CommandConfiguration(
        commandName: "process", abstract: "Process metrics: days to first receipt, to allocation, promises kept, …",
        discussion: "--compare-before D shows each metric for --from … D−1 and D … --to (a process change made "
                    + "on D).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "From date (default: three months before --to).") var from: String?
    @Option(help: "To date (default: today).") var to: String?
    @Option(help: "user or month") var by: Grouping?
    @Option(help: "The date of a process change: metrics before and after it.") var compareBefore: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        let today = service.clock.today()
        var issues = IssueCollector()
        let toDate = parseDate(to, "to", today, &issues) ?? today
        let fromDate = parseDate(from, "from", today, &issues) ?? AuditParameters.defaultPeriod(today: toDate).0
        let change = parseDate(compareBefore, "compare-before", today, &issues)
        issues.check(fromDate <= toDate, "from", "\(fromDate) is after --to \(toDate)")
        if let change {
            issues.check(
                change > fromDate && change <= toDate, "compare-before", "must fall after --from and on or before --to")
        }
        issues.check(!(change != nil && by != nil), "by", "use either --by or --compare-before")
        try issues.throwIfAny()
        let lang: AuditLanguage = global.isChinese ? .zh : .en
        var groups: [(String, [ProcessMetric])] = []
        if let change {
            groups.append(
                (
                    lang.t("before \(change)", "\(change) 之前"),
                    try ProcessMetrics.compute(store, from: fromDate, to: change.adding(days: -1))
                ))
            groups.append(
                (
                    lang.t("from \(change)", "\(change) 起"),
                    try ProcessMetrics.compute(store, from: change, to: toDate)
                ))
        } else if by == .user {
            for user in try ProcessMetrics.users(store, from: fromDate, to: toDate) {
                groups.append((user, try ProcessMetrics.compute(store, from: fromDate, to: toDate, user: user)))
            }
        } else if by == .month {
            var start = fromDate
            while start <= toDate {
                let end = min(start.endOfMonth, toDate)
                groups.append((start.monthKey, try ProcessMetrics.compute(store, from: start, to: end)))
                start = end.adding(days: 1)
            }
        } else {
            groups.append(("\(fromDate)…\(toDate)", try ProcessMetrics.compute(store, from: fromDate, to: toDate)))
        }
        let metrics = try groups.first?.1 ?? ProcessMetrics.compute(store, from: fromDate, to: toDate)
        var columns: [(String, ColumnKind)] = [(lang.t("metric", "指标"), .text)]
        for (name, _) in groups {
            columns.append((name, .number))
            columns.append(("n", .count))
        }
        // The metrics come formatted (`ProcessMetric.text`: a rate, days or a count) and are printed as they are.
        let rows = metrics.indices.map { i -> [ReportCell] in
            var row: [ReportCell] = [.text(metrics[i].label(lang))]
            for (_, values) in groups {
                row += [values[i].value == nil ? .empty : .text(values[i].text), .count(values[i].basis)]
            }
            return row
        }
        printReport(listTable("process", columns, rows), format)
    }
}

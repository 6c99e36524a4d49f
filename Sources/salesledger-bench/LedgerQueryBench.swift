// In-process timing of the report queries of issue 10 on an existing ledger, so the benchmark table can give query
// times apart from process start: `salesledger-bench --ledger PATH [--today YYYY-MM-DD] [--runs N]` (or the
// environment variables SALESLEDGER_BENCH_LEDGER, SALESLEDGER_BENCH_TODAY, SALESLEDGER_BENCH_RUNS).
// Each case runs once to warm the page cache, then N times (default 5); it prints the median and p95 in
// milliseconds (wall clock) with the median CPU time, then the process's peak resident set size. `--only TEXT`
// runs only the cases whose name contains TEXT (e.g. `--only aging`).
import Foundation
import LedgerCore
import LedgerReports
import LedgerStore

enum LedgerQueryBench {
    /// The ledger path from `--ledger` or SALESLEDGER_BENCH_LEDGER; nil: run the frame benchmark instead.
    static func ledgerPath(_ arguments: [String]) -> String? {
        option("--ledger", arguments) ?? ProcessInfo.processInfo.environment["SALESLEDGER_BENCH_LEDGER"]
    }

    static func option(_ name: String, _ arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    static func run(path: String, arguments: [String]) throws {
        let environment = ProcessInfo.processInfo.environment
        let runs = max(1, Int(option("--runs", arguments) ?? environment["SALESLEDGER_BENCH_RUNS"] ?? "") ?? 5)
        only = option("--only", arguments) ?? environment["SALESLEDGER_BENCH_ONLY"]
        let store = try SQLiteLedgerStore(path: path)
        let reports = Reports(store: store)
        let summary = try store.summary()
        let todayText = option("--today", arguments) ?? environment["SALESLEDGER_BENCH_TODAY"]
        guard let today = todayText.flatMap(CivilDate.init(iso:)) ?? summary.lastDate else {
            print("salesledger-bench: the ledger has no documents and no --today was given")
            return
        }
        let yearBack = today.adding(days: -365)
        let biggest = try store.customerList(filter: ClassFilter(), asOf: today,
                                             sort: CustomerSort(.balance, ascending: false),
                                             page: PageRequest(limit: 1)).first
        print("ledger \(path): \(summary.invoices) invoices, \(summary.receipts) receipts, \(summary.customers) "
              + "customers;"
              + " today \(today), \(runs) runs per case (in-process, after one warm-up run)")
        print("| case | median ms | p95 ms | median CPU ms | result |")
        print("|---|---|---|---|---|")
        if arguments.contains("--receivables-only") {
            return receivablesCases(reports: reports, today: today, runs: runs)
        }
        time("aging today (buckets)", runs) { "\(try reports.aging(asOf: today).first?.openTotal ?? 0)" }
        time("aging today per customer, every row",
             runs) { "\(try reports.aging(asOf: today, by: .customer).first?.groups.count ?? 0) rows" }
        // The CLI table's read (50 rows) and F7's window (200): one page and the whole report's totals (issue 10).
        for (offset, limit) in [(0, 50), (5_000, 50), (5_000, 200)] {
            time("aging today per customer, \(limit) rows from \(offset)", runs) {
                let page = try reports.aging(asOf: today, by: .customer,
                                             page: PageRequest(offset: offset, limit: limit))
                return "\(page.reports.first?.groups.count ?? 0) of \(page.rowCount) rows"
            }
        }
        time("aging a year back (\(yearBack))", runs) { "\(try reports.aging(asOf: yearBack).first?.openTotal ?? 0)" }
        time("aging a year back per customer", runs) {
            "\(try reports.aging(asOf: yearBack, by: .customer).first?.groups.count ?? 0) rows"
        }
        let midMonth = today.adding(days: -15)
        time("aging mid-month, not today (\(midMonth))", runs) {
            "\(try reports.aging(asOf: midMonth).first?.openTotal ?? 0)"
        }
        time("aging by class (region), today", runs) {
            "\(try reports.aging(asOf: today, byClass: "region")?.rows.count ?? 0) rows"
        }
        time("DSO (90 days)", runs) { try reports.dso(to: today).figures.first?.text ?? "–" }
        let pivot = PivotQuery(measure: .sales, rows: PivotAxis(parsing: "region"),
                               columns: PivotAxis(parsing: "month"), asOf: today)
        time("pivot region × month", runs) { "\(try reports.pivot(pivot, layout: .init()).count) tables" }
        if let biggest {
            time("statement of the biggest customer (\(biggest.code), a year)", runs) {
                "\(try reports.statement(customerCode: biggest.code, from: yearBack, to: today)?.lines.count ?? 0) "
                + "lines"
            }
        }
        time("reminders (all, today)", runs) { "\(try reports.reminders(on: today, dueOnly: false).count)" }
        time("collections (12 months)", runs) { "\(try reports.collections(to: today).rows.count) rows" }
        time("payment days", runs) { "\(try reports.paymentDays(asOf: today).rows.count) rows" }
        screenCases(store: store, reports: reports, today: today, runs: runs)
        print("peak RSS \(peakResidentMegabytes()) MB")
    }

    /// Runs `body` once, then `runs` times; prints a table row with the median and p95 in milliseconds.
    /// `--only TEXT` (or SALESLEDGER_BENCH_ONLY): run only the cases whose name contains TEXT.
    nonisolated(unsafe) static var only: String?

    static func time(_ name: String, _ runs: Int, _ body: () throws -> String) {
        if let only, !name.contains(only) { return }
        do {
            var result = try body()
            var samples: [Double] = []
            var cpu: [Double] = []
            let clock = ContinuousClock()
            for _ in 0..<runs {
                let start = clock.now, startCPU = cpuMilliseconds()
                result = try body()
                samples.append((clock.now - start).milliseconds)
                cpu.append(cpuMilliseconds() - startCPU)
            }
            samples.sort()
            cpu.sort()
            let median = samples[(samples.count - 1) / 2]
            let p95 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.95).rounded(.up)) - 1)]
            print("| \(name) | \(format(median)) | \(format(p95)) | \(format(cpu[(cpu.count - 1) / 2])) | \(result) |")
        } catch {
            print("| \(name) | – | – | – | failed: \(error) |")
        }
    }

    static func format(_ ms: Double) -> String { ms < 10 ? String(format: "%.2f", ms) : String(format: "%.0f", ms) }

    /// CPU time of this process (user + system), milliseconds: the fairer figure on a shared, loaded machine.
    static func cpuMilliseconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
    }

    static func peakResidentMegabytes() -> String {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return String(format: "%.1f", Double(usage.ru_maxrss) / 1024)
    }

    /// s13-recv (`--receivables-only`): what the receivables screen reads on entry and on End, nothing else.
    static func receivablesCases(reports: Reports, today: CivilDate, runs: Int) {
        time("aging today (buckets)", runs) { "\(try reports.aging(asOf: today).first?.openTotal ?? 0)" }
        time("receivables dashboard (F5 on entry)", runs) {
            let dashboard = try reports.dashboard(asOf: today)
            return "\(dashboard.overdue.count) rows of \(dashboard.overdueCounts.values.reduce(0, +)), "
                + "\(dashboard.reminders.items.count) reminders of \(dashboard.reminderTotal)"
        }
        time("reminders due today: first page + count", runs) {
            let page = try reports.reminderPage(on: today, from: nil)
            return "\(page.items.count) of \(try reports.reminderCounts(on: today).values.reduce(0, +))"
        }
        time("reminders due today: last page (End)", runs) {
            "\(try reports.reminderPage(on: today, from: nil, backwards: true).items.count)"
        }
        // s14-recv: the dashboard's parts one by one.
        time("  part: reminder counts", runs) { "\(try reports.reminderCounts(on: today).values.reduce(0, +))" }
        time("  part: reminders first page", runs) { "\(try reports.reminderPage(on: today, from: nil).items.count)" }
        time("  part: overdue counts", runs) { "\(try reports.store.overdueCounts(asOf: today).values.reduce(0, +))" }
        time("  part: overdue first page", runs) {
            "\(try reports.overdueItems(asOf: today, currency: .cny, order: .dueDate, after: nil).count)"
        }
        time("  part: DSO", runs) { try reports.dso(to: today).figures.first?.text ?? "–" }
        print("peak RSS \(peakResidentMegabytes()) MB")
    }

    /// s12-screens: what the first frame and the receivables, charts and reports screens compute on entry, each
    /// next to the old computation it replaced (same figures; the tests compare them).
    static func screenCases(store: SQLiteLedgerStore, reports: Reports, today: CivilDate, runs: Int) {
        let thisYear = CivilDate(year: today.year, month: 1, day: 1) ?? today
        let trendFrom = today.startOfMonth.adding(months: -23)
        time("first frame's emptiness check: isEmpty", runs) { "\(try store.isEmpty())" }
        time("  old: summary().isEmpty", runs) { "\(try store.summary().isEmpty)" }
        time("receivables dashboard (F5 on entry)", runs) {
            let dashboard = try reports.dashboard(asOf: today)
            return "\(dashboard.overdue.count) rows of \(dashboard.overdueCounts.values.reduce(0, +))"
        }
        let main = (try? reports.aging(asOf: today))?.max { $0.openTotal < $1.openTotal }?.currency ?? .cny
        time("overdue list, first page by due date", runs) {
            "\(try reports.overdueItems(asOf: today, currency: main, order: .dueDate, after: nil).count) rows"
        }
        time("overdue list, first page by amount (s)", runs) {
            "\(try reports.overdueItems(asOf: today, currency: main, order: .amount, after: nil).count) rows"
        }
        time("overdue counts", runs) { "\(try store.overdueCounts(asOf: today).values.reduce(0, +))" }
        time("  old: every open item, sorted in memory", runs) {
            let items = try store.openItems(asOf: today).filter { $0.dueDate < today && $0.currency == main }
                .sorted { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
            return "\(items.count) rows"
        }
        time("reminders due today: first page + count", runs) {
            let page = try reports.reminderPage(on: today, from: nil)
            return "\(page.items.count) of \(try reports.reminderCounts(on: today).values.reduce(0, +))"
        }
        time("reminders due today: last page (End)", runs) {
            "\(try reports.reminderPage(on: today, from: nil, backwards: true).items.count)"
        }
        time("reminders due today, whole list (pages)", runs) {
            "\(try reports.reminders(on: today, dueOnly: true).count)"
        }
        time("  old: every open invoice through the engine", runs) {
            "\(try reports.reminders(on: today, dueOnly: false).filter { $0.dueReminder != nil }.count)"
        }
        time("sales by month this year (F7 on entry)", runs) {
            "\(try reports.sales(by: .month, from: thisYear, to: today).rows.count) rows"
        }
        time("  old: from the documents", runs) {
            "\(try store.salesReportFromDocuments(by: .month, from: thisYear, to: today).count) rows"
        }
        time("sales by month, 24 months (F6 trend on entry)", runs) {
            "\(try reports.sales(by: .month, from: trendFrom, to: today).rows.count) rows"
        }
        time("  old: from the documents", runs) {
            "\(try store.salesReportFromDocuments(by: .month, from: trendFrom, to: today).count) rows"
        }
        // F6's top-customers tab: the 12 months to today, ten customers per currency chosen in SQL (s35-bench2).
        let chartFrom = today.startOfMonth.adding(months: -11)
        time("sales by customer, 12 months, top 10 (F6 top customers)", runs) {
            "\(try reports.sales(by: .customer, from: chartFrom, to: today, top: 10).rows.count) rows"
        }
        time("  old: every customer, ten kept", runs) {
            "\(try reports.sales(by: .customer, from: chartFrom, to: today).rows.prefix(10).count) rows"
        }
    }
}

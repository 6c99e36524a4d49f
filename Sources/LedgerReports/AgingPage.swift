import LedgerCore

/// A page of a grouped aging report (issue 10): each currency's report whole — bucket totals, counts, overdue,
/// disputed and credits — but only the groups of the page (the rows of the grouped table from `page.offset`, at
/// most `page.limit`, across currencies in the table's order), and how many rows the whole table has.
public struct AgingPage: Hashable, Sendable {
    public var reports: [AgingReport]
    /// The page asked for (nil: every row).
    public var page: PageRequest?
    /// The rows of the whole grouped table (its groups over every currency).
    public var rowCount: Int

    public init(reports: [AgingReport], page: PageRequest?, rowCount: Int) {
        (self.reports, self.page, self.rowCount) = (reports, page, rowCount)
    }

    /// The page of the whole `reports`: their groups sliced across currencies.
    public init(whole reports: [AgingReport], page: PageRequest?) {
        let count = reports.reduce(0) { $0 + $1.groups.count }
        guard let page else {
            self.init(reports: reports, page: nil, rowCount: count)
            return
        }
        var skip = page.offset, left = page.limit
        let sliced = reports.map { report in
            var report = report
            let all = report.groups
            report.groups = Array(all.dropFirst(skip).prefix(left))
            skip = max(0, skip - all.count)
            left -= report.groups.count
            return report
        }
        self.init(reports: sliced, page: page, rowCount: count)
    }

    /// Whether the page holds every row.
    public var isWhole: Bool { reports.reduce(0) { $0 + $1.groups.count } == rowCount && (page?.offset ?? 0) == 0 }
}

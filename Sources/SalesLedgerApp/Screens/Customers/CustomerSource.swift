import LedgerCore
import TerminalUI

/// The customer list as a paged table source: asks the store for the visible rows only (with a small
/// page cache), so 100,000 customers scroll instantly. Each row carries a 12-month sales sparkline, read with the
/// page's figures in one query (s13-cust).
final class CustomerSource: TableDataSource {
    let context: AppContext
    let filter: ClassFilter
    let sort: CustomerSort
    let asOf: CivilDate
    /// The matching customers; with a search, counted only up to `firstCount` per keystroke, then `countStep` past
    /// the loaded rows when the selection nears the counted end (see `countIsExact`), so a keystroke never counts
    /// every match.
    private(set) var rowCount: Int
    /// False while `rowCount` is a lower bound (the heading then shows `N+`).
    private(set) var countIsExact = true
    static let countStep = 500
    /// What a keystroke counts (s14-search): a few pages, the heading then shows `200+`.
    static let firstCount = 200
    private var cache: (range: Range<Int>, rows: [CustomerListRow])?
    private var sparklines: [Int64: String] = [:]

    init(context: AppContext, search: String?, classes: [ClassCondition] = [], sort: CustomerSort = CustomerSort()) {
        self.context = context
        let filter = ClassFilter(conditions: classes, basis: .current, search: search?.isEmpty == true ? nil : search)
        self.filter = filter
        self.sort = sort
        asOf = context.today
        rowCount = 0
        if filter.search == nil {
            rowCount = context.read { try context.store.customerListCount(filter: filter) } ?? 0
            // The first page now, with the screen's refresh: a failing read (a damaged ledger) is the screen's
            // failure, shown in place of the list, not an empty list under a count (issue 9).
            if rowCount > 0 { _ = customers(in: 0..<min(rowCount, 60)) }
        } else {
            // The first page first: when it is not full it is every match, and the count needs no query (a text
            // matching few customers may walk every key, once instead of twice).
            let first = context.read {
                try context.store.customerList(filter: filter, asOf: asOf, sort: sort, page: PageRequest(limit: 60),
                                               after: nil)
            } ?? []
            cache = (0..<first.count, first)
            if first.count < 60 { rowCount = first.count } else { count(atMost: Self.firstCount) }
        }
    }

    /// Counts the matches up to `limit` (one more, to know whether more follow).
    private func count(atMost limit: Int) {
        let counted = context.read { try context.store.customerListCount(filter: filter, atMost: limit + 1) } ?? 0
        countIsExact = counted <= limit
        rowCount = min(counted, limit)
    }

    /// The heading's number: exact, or `N+` while more may match.
    var countText: String { countIsExact ? "\(rowCount)" : "\(rowCount)+" }

    /// Customer rows `range` (clamped), fetched as one page.
    func customers(in range: Range<Int>) -> [CustomerListRow] {
        if !countIsExact, range.upperBound + 60 >= rowCount { count(atMost: rowCount + Self.countStep) }
        let wanted = range.clamped(to: 0..<rowCount)
        if let cache, cache.range.contains(wanted.lowerBound), cache.range.upperBound >= wanted.upperBound {
            let start = wanted.lowerBound - cache.range.lowerBound
            return Array(cache.rows[start..<min(cache.rows.count, start + wanted.count)])
        }
        let page = PageRequest(offset: wanted.lowerBound, limit: max(wanted.count, 60))
        // The row before the page, when cached, lets the store seek past it (keyset) instead of skipping rows.
        let after = cache.flatMap { cache in
            cache.range.contains(wanted.lowerBound - 1) ? cache.rows[wanted.lowerBound - 1 - cache.range.lowerBound]
                : nil
        }
        let rows = context.read {
            try context.store.customerList(filter: filter, asOf: asOf, sort: sort, page: page, after: after)
        } ?? []
        cache = (wanted.lowerBound..<(wanted.lowerBound + rows.count), rows)
        return Array(rows.prefix(wanted.count))
    }

    func rows(in range: Range<Int>) -> [[String]] {
        customers(in: range).map { row in
            [row.code, row.name, row.customerClass, context.className("region", row.region),
             context.channelName(row.channel), context.money(row.balance, row.currency),
             context.money(row.overdue, row.currency), row.lastPurchase?.description ?? "", sparkline(for: row)]
        }
    }

    /// Monthly sales over the last 12 months as a sparkline (the row's own figures, read with the page).
    func sparkline(for row: CustomerListRow) -> String {
        if let text = sparklines[row.id] { return text }
        let text = row.recentSales.isEmpty ? "" : Sparkline(values: row.recentSales).text(width: 12)
        sparklines[row.id] = text
        return text
    }

    /// The list's columns; below 100 cells the last sale and the sparkline are left out so names stay readable
    /// (the order is kept, so column indices still match `CustomerSort.Column`). Code, balance and overdue are as
    /// wide as their widest visible cell (s14-search: a longer code or a large balance is never cut); when the
    /// columns do not fit, the channel and then the class are left out before a figure.
    static func columns(_ s: Strings, width: Int = .max) -> [TableColumn] {
        let all = [TableColumn(s.code, width: .fixed(DisplayWidth.of(s.code)), fitsContent: true),
         TableColumn(s.name, width: .flexible(weight: 3, minimum: 14)),
         TableColumn(s.customerClass, width: .fixed(max(5, DisplayWidth.of(s.customerClass))), dropsFirst: true),
         TableColumn(s.region, width: .flexible(weight: 1, minimum: 8)),
         TableColumn(s.channel, width: .fixed(max(8, DisplayWidth.of(s.channel))), dropsFirst: true),
         TableColumn(s.balance, width: .fixed(DisplayWidth.of(s.balance)), alignment: .right),
         TableColumn(s.overdue, width: .fixed(DisplayWidth.of(s.overdue)), alignment: .right),
         // Headers get their width (tryout s33: `12-month sa~` at 200 columns beside a wide name column).
         TableColumn(s.lastPurchase, width: .fixed(max(10, DisplayWidth.of(s.lastPurchase)))),
         TableColumn(s.sales12, width: .fixed(max(12, DisplayWidth.of(s.sales12))))]
        return width < 100 ? Array(all.prefix(7)) : all
    }
}

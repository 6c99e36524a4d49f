import TerminalUI

/// A contiguous part of a keyset-paged list of `total` rows (issue 10): the items read so far, their formatted
/// rows, and `start`, the index of the first in the whole list. Moving near either end of the part reads the
/// next or previous page; a jump (End, Home) reads the page at that end of the list instead of every page between.
struct PagedWindow<Item> {
    var items: [Item] = []
    var rows: [[String]] = []
    var start = 0
    var total = 0

    /// Rows read ahead of the selection before the next page is read.
    static var margin: Int { 20 }

    var end: Int { start + items.count }

    /// The whole list as the table sees it: `total` rows, the read ones in place, the rest blank (never shown,
    /// since the selection's page is read first).
    var source: some TableDataSource { WindowSource(rows: rows, start: start, total: total) }

    /// The item at `row` of the whole list, when read.
    func item(at row: Int) -> Item? { row >= start && row < end ? items[row - start] : nil }

    /// Reads pages so that `row` and `margin` rows around it are read. `load(from, backwards)` reads one page
    /// after (before, when `backwards`) `from`, or the first (last) page when nil; `format` formats one item.
    mutating func reveal(_ row: Int, load: (Item?, Bool) -> [Item], format: ([Item]) -> [[String]]) {
        guard total > 0, items.count < total else { return }
        if row >= end || row < start {
            // A jump past the part read: the page at the nearer end of the whole list.
            let backwards = row >= total / 2
            let page = load(nil, backwards)
            replace(page, start: backwards ? max(0, total - page.count) : 0, format: format)
        }
        if row >= end - Self.margin && end < total, let last = items.last {
            let page = load(last, false)
            items += page
            rows += format(page)
        }
        if row < start + Self.margin && start > 0, let first = items.first {
            let page = load(first, true)
            items = page + items
            rows = format(page) + rows
            start = max(0, start - page.count)
        }
    }

    mutating func replace(_ page: [Item], start: Int, format: ([Item]) -> [[String]]) {
        items = page
        rows = format(page)
        self.start = start
    }
}

private struct WindowSource: TableDataSource {
    var rows: [[String]]
    var start: Int
    var total: Int
    var rowCount: Int { total }
    var blank: [String] { Array(repeating: "", count: rows.first?.count ?? 0) }
    func rows(in range: Range<Int>) -> [[String]] {
        range.map { $0 >= start && $0 < start + rows.count ? rows[$0 - start] : blank }
    }
}

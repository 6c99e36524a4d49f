import TerminalUI

/// A report read a window of rows at a time (issue 10: the aging by customer has 10k rows at 1M invoices): of the
/// whole table's `rowCount` rows, `loaded` from `start` are read, then its total rows (always read, shown after the
/// last row). Rows not read are never shown: the window around the selection is read before a frame is drawn.
struct ReportWindow: Equatable {
    var start = 0
    var rowCount = 0
    var loaded = 0
    /// Rows read either side of the selection before the window is read again (more than a screen's height).
    var margin = 60

    /// Whether the rows within `margin` of `row` are read.
    func covers(_ row: Int) -> Bool {
        let from = max(0, row - margin), to = min(rowCount, row + margin)
        return from >= to || (from >= start && to <= start + loaded)
    }

    /// The first row of a window of `size` rows centred on `row`.
    static func start(for row: Int, rowCount: Int, size: Int) -> Int { max(0, min(row - size / 2, rowCount - size)) }

    /// The whole table over `rows`: the window's rows, then the total rows.
    func source(_ rows: [[String]]) -> TableDataSource { WindowRows(rows: rows, window: self) }
}

private struct WindowRows: TableDataSource {
    var rows: [[String]]
    var window: ReportWindow
    var rowCount: Int { window.rowCount + rows.count - window.loaded }
    func rows(in range: Range<Int>) -> [[String]] {
        let blank = Array(repeating: "", count: rows.first?.count ?? 0)
        return range.map { i in
            let at = i >= window.rowCount ? window.loaded + i - window.rowCount
                : i >= window.start && i < window.start + window.loaded ? i - window.start : -1
            return rows.indices.contains(at) ? rows[at] : blank
        }
    }
}

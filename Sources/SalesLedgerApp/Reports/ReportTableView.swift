import LedgerCore
import LedgerReports
import TerminalUI

/// Draws a `ReportTable` (the report layer's typed table) with the toolkit's `TableView`: column titles in the UI
/// language, numbers right-aligned and grouped (`1,234.50`), the table's total rows (its own rule) at the end.
/// The figures are the ones the CLI prints; only the formatting differs.
struct ReportTableView {
    var table: ReportTable
    /// Optional display names of text cells per column key (e.g. region codes → 杭州市); figures are never changed.
    var textNames: [String: (String) -> String] = [:]
    /// Column keys not drawn (e.g. the label of a month, which repeats the key); the figures stay in the table.
    var hidden: Set<String> = []
    /// Whether ←/→ scroll the columns hidden for lack of width (`TableView.scrollsColumns`).
    var scrollsColumns = false
    /// Column keys left out first when the columns do not fit (`TableColumn.dropRank` 4), counted by the table's
    /// "+N columns" marker and reached with ←/→ when `scrollsColumns`.
    var dropsFirst: Set<String> = []
    /// Whether the "+N columns" marker goes on the row above the table (`TableView.marksAbove`).
    var marksAbove = false

    var visible: [Int] { table.columns.indices.filter { !hidden.contains(table.columns[$0].key) } }

    func titles(chinese: Bool) -> [String] { visible.map { table.columns[$0].title(chinese: chinese) } }

    /// Display rows: the table's rows then its total rows, each cell formatted for people.
    func rows(filter: String = "") -> [[String]] {
        let body = (table.rows + table.totals).map { row in
            visible.map { i -> String in
                let cell = i < row.count ? row[i] : .empty
                if case .text(let t) = cell, let name = textNames[table.columns[i].key] { return name(t) }
                return ReportRenderer.display(cell)
            }
        }
        guard !filter.isEmpty else { return body }
        return body.filter { $0.joined(separator: " ").localizedCaseInsensitiveContains(filter) }
    }

    /// Columns as wide as they need (tryout s18: the statement at 80 columns cut "Opening balance" to "Opening~"
    /// beside 14-cell amount columns holding 8-cell figures, and its document numbers took two shares of the rest):
    /// a figure or a code column is as wide as its widest cell or title (`TableView` widens it further for a larger
    /// figure scrolled into view); other text shares what is left, keeping up to 8 cells whole.
    func tableView(chinese: Bool) -> TableView {
        let shown = rows().prefix(500)
        var view = Strings(chinese ? .zh : .en).localize(TableView(columns: visible.enumerated().map { i, index in
            var drawn = tableColumn(i, index, chinese: chinese, shown: shown)
            if dropsFirst.contains(table.columns[index].key) { drawn.dropRank = 4 }
            return drawn
        }))
        view.scrollsColumns = scrollsColumns
        view.marksAbove = marksAbove
        return view
    }

    /// The drawn column of the table's column `index`, the `i`th visible one (`tableView`).
    private func tableColumn(_ i: Int, _ index: Int, chinese: Bool, shown: ArraySlice<[String]>) -> TableColumn {
        let column = table.columns[index]
        let title = column.title(chinese: chinese)
        let cells = shown.map { i < $0.count ? $0[i] : "" }.filter { !$0.isEmpty }
        let widest = max(DisplayWidth.of(title), cells.map { DisplayWidth.of($0) }.max() ?? 0)
        switch column.kind {
        case .money, .count, .days, .percent, .number:
            return TableColumn(title, width: .fixed(max(6, widest)), alignment: .right)
        case .date: return TableColumn(title, width: .fixed(10))
        case .text:
            // A column of codes (document numbers, months: no spaces) is as wide as its widest code, up to 18
            // cells, so a number in it is never cut (INV-2026-000123).
            let codes = !cells.contains { $0.contains(" ") || !$0.unicodeScalars.allSatisfy(\.isASCII) }
            if !cells.isEmpty, widest <= 18, codes {
                return TableColumn(title, width: .fixed(widest), fitsContent: true)
            }
            let code = min(8, widest)
            return TableColumn(title, width: i == 1 ? .flexible(weight: 2, minimum: max(10, code))
                                                    : .flexible(weight: 1, minimum: max(6, code)))
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, state: inout TableState, chinese: Bool) {
        let source = ArrayTableDataSource(rows: rows(filter: state.filter.text))
        tableView(chinese: chinese).render(into: &buffer, in: area, source: source, state: &state)
    }
}

/// A scrolling table over a paged `TableDataSource`: header with sort indicator, selection,
/// right-aligned number columns, and an incremental filter line (`/` to edit).
///
/// Cells are cut and padded by display cells (`TextFitting`), so CJK, full-width and combining
/// text keep every column aligned.
public struct TableView: Sendable {
    /// What a key did to the table.
    public enum Outcome: Equatable, Sendable {
        case none
        /// Selection moved (the app may show details).
        case selectionChanged(Int)
        /// Enter on row `index`.
        case activated(Int)
        /// Sort column or order changed: the app re-sorts its source.
        case sortChanged(column: Int, ascending: Bool)
        /// Filter text changed: the app re-filters its source.
        case filterChanged(String)
    }

    public var columns: [TableColumn]
    /// Whether the filter line is shown even when the filter is empty and not being edited.
    public var alwaysShowsFilter = false
    /// Label of the filter line (set it to translate).
    public var filterLabel = "Filter: "
    /// Shown when there are no rows (apps translate it).
    public var emptyText = "(no rows)"
    /// Announces columns hidden for lack of width, at the header's right end; `%d` is the count (apps translate it).
    public var hiddenColumnsText = "+%d columns"
    /// The marker for one hidden column (apps translate it).
    public var hiddenColumnText = "+1 column"
    /// Columns the app left out for lack of width before handing `columns` over (a screen that drops a column
    /// to keep another whole): counted in the hidden-columns marker like those the layout hides.
    public var leftOutColumns = 0
    /// Whether `s`/`S` change the sort (off for tables whose source keeps its own order).
    public var isSortable = true
    /// Whether ←/→ scroll the columns after the first when some are hidden for lack of width (the first, key
    /// column stays); the marker then counts the columns off at the left (`scrolledColumnsText`) too.
    public var scrollsColumns = false
    /// Announces columns scrolled off at the left, before the first shown after the key column; `%d` is the count.
    public var scrolledColumnsText = "<%d"
    /// Whether the hidden-columns marker goes at the right end of the row above the table (a screen's heading row,
    /// whose right end the screen leaves free), so it never needs the header's or the rows' cells.
    public var marksAbove = false

    public init(columns: [TableColumn]) { self.columns = columns }

    /// Rows available for data in `height` rows.
    public func visibleRowCount(height: Int, state: TableState) -> Int {
        max(0, height - 1 - (showsFilterLine(state) ? 1 : 0))
    }

    private func showsFilterLine(_ state: TableState) -> Bool {
        alwaysShowsFilter || state.isEditingFilter || !state.filter.text.isEmpty
    }

    /// Handles a key. `pageSize` is the number of visible rows (for PgUp/PgDn).
    public func handle(_ event: Event, state: inout TableState, rowCount: Int, pageSize: Int) -> Outcome {
        if state.isEditingFilter {
            switch event {
            case .key(.enter), .key(.down):
                state.isEditingFilter = false
                state.isFilterPristine = false
                return .none
            case .key(.escape):
                state.isEditingFilter = false
                state.isFilterPristine = false
                guard !state.filter.text.isEmpty else { return .none }
                state.filter.setText("")
                return .filterChanged("")
            default:
                let before = state.filter.text
                var input = state.filter
                if state.isFilterPristine {
                    switch event {
                    case .key(.char), .paste: input.setText("")
                    default: break
                    }
                }
                guard input.handle(event) else { return .none }
                state.filter = input
                state.isFilterPristine = false
                return state.filter.text == before ? .none : .filterChanged(state.filter.text)
            }
        }
        guard case .key(let key) = event else { return .none }
        let before = state.selectedRow
        let page = max(1, pageSize)
        switch key {
        case .up: state.selectedRow -= 1
        case .down: state.selectedRow += 1
        case .pageUp: state.selectedRow -= page; state.topRow -= page
        case .pageDown: state.selectedRow += page; state.topRow += page
        case .home: state.selectedRow = 0
        case .end: state.selectedRow = rowCount - 1
        case .left where scrollsColumns:
            state.firstColumn = max(0, state.firstColumn - 1)
            return .none
        case .right where scrollsColumns:
            state.firstColumn += 1   // kept within the hidden columns when drawn
            return .none
        case .enter: return rowCount > 0 ? .activated(state.selectedRow) : .none
        case .char("/"):
            state.isEditingFilter = true
            state.isFilterPristine = !state.filter.text.isEmpty
            return .none
        case .char("s"), .char("S"):
            guard !columns.isEmpty, isSortable else { return .none }
            if key == .char("S") {
                state.isSortAscending.toggle()
            } else {
                state.sortColumn = ((state.sortColumn ?? -1) + 1) % columns.count
                state.isSortAscending = true
            }
            return .sortChanged(column: state.sortColumn ?? 0, ascending: state.isSortAscending)
        default: return .none
        }
        state.clamp(rowCount: rowCount, visibleRows: page)
        return state.selectedRow == before ? .none : .selectionChanged(state.selectedRow)
    }

    /// Keys the table handles now.
    public func keyBindings(state: TableState) -> [KeyBinding] {
        if state.isEditingFilter {
            return [KeyBinding(.enter, "Done", help: "Stop editing the filter"),
                    KeyBinding(.escape, "Clear", help: "Clear the filter")]
        }
        return [KeyBinding([.up, .down], "Move"), KeyBinding([.pageUp, .pageDown], "Page"),
                KeyBinding(.char("/"), "Filter", help: "Type to filter rows"),
                KeyBinding([.char("s"), .char("S")], "Sort", help: "s: next sort column, S: reverse order"),
                KeyBinding(.enter, "Open")]
    }

    /// Draws the table into `area`, fetching only the visible rows from `source`.
    /// `state` is clamped to the source and the area first (so it is `inout`).
    public func render(into buffer: inout CellBuffer, in area: Rect, source: TableDataSource, state: inout TableState) {
        guard !area.isEmpty else { return }
        // The visible rows are read first: a right-aligned (number) column of fixed width widens to its widest
        // visible cell, so an amount larger than the screen planned for is never cut (flexible columns give way,
        // or columns from the right are hidden whole).
        let bodyRows = max(0, area.height - 1 - (showsFilterLine(state) ? 1 : 0))
        let count = max(0, source.rowCount)
        state.clamp(rowCount: count, visibleRows: bodyRows)
        let rows = bodyRows > 0 && count > 0 ? source.rows(in: state.topRow..<min(count, state.topRow + bodyRows)) : []
        let wide = Self.widened(columns, toFit: rows)
        // Scrolled (`scrollsColumns`, →) no further than needed to show the last column.
        let skip = scrollsColumns ? min(max(0, state.firstColumn), scrollLimit(wide, width: area.width)) : 0
        state.firstColumn = skip
        let filterShown = showsFilterLine(state)
        let widths = layoutWidths(wide, width: area.width, skipping: skip, filterLine: filterShown)
        var y = area.y
        // Header.
        buffer.fill(area.row(0), style: Style(.header))
        var x = area.x
        for (i, column) in columns.enumerated() where widths[i] > 0 {
            var title = column.title
            if state.sortColumn == i { title += state.isSortAscending ? " ^" : " v" }
            buffer.setFitted(title, x: x, y: y, width: widths[i], alignment: column.alignment, style: Style(.header))
            x += widths[i] + 1
        }
        let hidden = hiddenAfter(skip, widths)
        let notice = markerText(left: skip, right: hidden + leftOutColumns)
        if !notice.isEmpty {
            let w = DisplayWidth.of(notice)
            // Above the table (`marksAbove`), or on the filter line when a title would lie under it in the header
            // (see `layoutWidths`), else in the header.
            let above = marksAbove && area.y > 0
            let below = !above && filterShown && area.height > 2
                && markerGoesBelow(notice, columns, widths, width: area.width)
            let markerY = above ? area.y - 1 : below ? area.maxY - 1 : y
            if above { buffer.fill(Rect(x: max(area.x, area.maxX - w - 1), y: markerY, width: min(w + 1, area.width),
                                        height: 1), style: Style(.text)) }
            buffer.setString(notice, x: max(area.x, area.maxX - w), y: markerY,
                             maxWidth: min(w, area.width), style: Style(.accent, [.bold]))
        }
        y += 1
        var bodyHeight = area.maxY - y
        if showsFilterLine(state), bodyHeight > 0 {
            bodyHeight -= 1
            let filterY = area.maxY - 1
            let label = filterLabel
            let style = Style(state.isEditingFilter ? .inputFocused : .muted, state.isFilterPristine ? [.reverse] : [])
            buffer.setString(label, x: area.x, y: filterY, maxWidth: area.width, style: Style(.accent))
            let labelWidth = DisplayWidth.of(label)
            state.filter.render(into: &buffer, x: area.x + labelWidth, y: filterY,
                                width: min(40, max(0, area.width - labelWidth)), style: style)
        }
        guard bodyHeight > 0, count > 0 else {
            if bodyHeight > 0 { buffer.setString(emptyText, x: area.x, y: y, maxWidth: area.width,
                                                 style: Style(.muted)) }
            return
        }
        for (offset, cells) in rows.enumerated() {
            let rowIndex = state.topRow + offset
            let rowY = y + offset
            let style = Style(rowIndex == state.selectedRow ? .selection : .text)
            if rowIndex == state.selectedRow { buffer.fill(area.row(rowY - area.y), style: style) }
            var cx = area.x
            for (i, column) in columns.enumerated() where widths[i] > 0 {
                let text = i < cells.count ? cells[i] : ""
                buffer.setFitted(text, x: cx, y: rowY, width: widths[i], alignment: column.alignment, style: style)
                cx += widths[i] + 1
            }
        }
    }

    /// How far → can scroll the columns at `width` (cells): the fewest columns after the first to leave out so
    /// that none is hidden at the right (0 when every column fits). `rows`: the visible rows (figure widths).
    public func scrollLimit(width: Int, rows: [[String]] = []) -> Int {
        scrollLimit(Self.widened(columns, toFit: rows), width: width)
    }

    private func scrollLimit(_ wide: [TableColumn], width: Int) -> Int {
        let most = max(0, columns.count - 2)
        return (0...most).first {
            hiddenAfter($0, layoutWidths(wide, width: width, skipping: $0, filterLine: alwaysShowsFilter)) == 0
        } ?? most
    }

    /// Columns after the `skip` scrolled off that are hidden for lack of width (titled ones).
    private func hiddenAfter(_ skip: Int, _ widths: [Int]) -> Int {
        columns.indices.filter { $0 > skip && widths[$0] == 0 && !columns[$0].title.isEmpty }.count
    }

    /// Each column's width at `width`, columns 1...`skip` scrolled off (0). Columns hidden: the marker takes no
    /// cells of the rows (s34-fix2: it reserved its cells on every row, cutting names beside a blank strip). The
    /// columns are laid out in the whole width; the marker goes above the table (`marksAbove`), or at the header's
    /// right end when no title lies under it, else at the right end of the filter line (when shown, with room after
    /// its input); only a table without such a place narrows its columns by the marker's width, so the marker never
    /// covers a title.
    private func layoutWidths(_ wide: [TableColumn], width: Int, skipping skip: Int, filterLine: Bool) -> [Int] {
        let active = columns.indices.filter { $0 == 0 || $0 > skip }
        let sub = active.map { wide[$0] }
        func laidOut(_ room: Int) -> [Int] {
            var subWidths = TableColumn.layout(sub, totalWidth: room)
            let shown = sub.indices.filter { subWidths[$0] > 0 }
            let again = TableColumn.layout(shown.map { sub[$0] }, totalWidth: room)
            if !again.contains(0) { for (n, i) in shown.enumerated() { subWidths[i] = again[n] } }
            return subWidths
        }
        func marker(_ subWidths: [Int]) -> String {
            markerText(left: skip, right: sub.indices.filter { subWidths[$0] == 0 && !sub[$0].title.isEmpty }.count
                                            + leftOutColumns)
        }
        var subWidths = TableColumn.layout(sub, totalWidth: width)
        let first = marker(subWidths)
        guard !first.isEmpty else { return spread(subWidths, active) }
        subWidths = laidOut(width)
        let text = marker(subWidths)
        if text.isEmpty || marksAbove || !markerGoesBelow(text, sub, subWidths, width: width)
            || filterLine && fitsOnFilterLine(text, width) {
            return spread(subWidths, active)
        }
        for _ in 0..<2 {
            let room = max(0, width - DisplayWidth.of(marker(subWidths)) - 1)
            subWidths = laidOut(room)
        }
        return spread(subWidths, active)
    }

    private func spread(_ subWidths: [Int], _ active: [Int]) -> [Int] {
        var widths = Array(repeating: 0, count: columns.count)
        for (n, i) in active.enumerated() { widths[i] = subWidths[n] }
        return widths
    }

    /// Whether `marker` at the header's right end would lie over a title (with a cell between), the columns being
    /// `columns` at `widths` (0: hidden; titles at their columns' alignment).
    private func markerGoesBelow(_ marker: String, _ columns: [TableColumn], _ widths: [Int], width: Int) -> Bool {
        var x = 0, end = 0
        for (i, column) in columns.enumerated() where i < widths.count && widths[i] > 0 {
            let title = min(DisplayWidth.of(column.title), widths[i])
            if title > 0 { end = column.alignment == .right ? x + widths[i] : x + title }
            x += widths[i] + 1
        }
        return end > width - DisplayWidth.of(marker) - 1
    }

    /// Whether `marker` fits at the filter line's right end after the label and the input (40 cells at most).
    private func fitsOnFilterLine(_ marker: String, _ width: Int) -> Bool {
        DisplayWidth.of(filterLabel) + min(40, width) + 1 + DisplayWidth.of(marker) <= width
    }

    /// The hidden-columns marker: `left` columns scrolled off, `right` left out for lack of width ("" when none).
    func markerText(left: Int, right: Int) -> String {
        [left > 0 ? scrolledColumnsText.replacing("%d", with: String(left)) : "",
         right == 1 ? hiddenColumnText : right > 1 ? hiddenColumnsText.replacing("%d", with: String(right)) : ""]
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `columns` with each right-aligned (or `fitsContent`) fixed column as wide as its widest cell in `rows` (never
    /// narrower).
    static func widened(_ columns: [TableColumn], toFit rows: [[String]]) -> [TableColumn] {
        columns.enumerated().map { i, column in
            guard column.alignment == .right || column.fitsContent, case .fixed(let n) = column.width else {
                return column
            }
            let need = rows.reduce(n) { i < $1.count ? max($0, DisplayWidth.of($1[i])) : $0 }
            var wide = column
            wide.width = .fixed(need)
            return wide
        }
    }
}

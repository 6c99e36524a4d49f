/// A table's mutable state: selection, scroll position, sort column and the filter line.
public struct TableState: Equatable, Sendable {
    /// Selected row index in the data source (0 when empty).
    public var selectedRow = 0
    /// First visible row.
    public var topRow = 0
    /// Column the data is sorted by, shown with an indicator in the header.
    public var sortColumn: Int?
    public var isSortAscending = true
    /// The incremental filter text (the app re-queries its source on change).
    public var filter = TextInput()
    /// Whether keys are going to the filter line.
    public var isEditingFilter = false
    /// Whether the filter text was there before `/` and is untouched since: the first character typed or pasted
    /// replaces it, as in a selected field; another key (←, Backspace) edits it instead.
    public var isFilterPristine = false
    /// Columns scrolled off at the left, after the first (key) column, which always stays (`TableView.scrollsColumns`).
    public var firstColumn = 0

    public init() {}

    /// Keeps `selectedRow` in `0..<rowCount` and visible within `visibleRows` rows.
    public mutating func clamp(rowCount: Int, visibleRows: Int) {
        selectedRow = rowCount == 0 ? 0 : min(max(0, selectedRow), rowCount - 1)
        let visible = max(1, visibleRows)
        if selectedRow < topRow { topRow = selectedRow }
        if selectedRow >= topRow + visible { topRow = selectedRow - visible + 1 }
        topRow = min(max(0, topRow), max(0, rowCount - visible))
    }
}

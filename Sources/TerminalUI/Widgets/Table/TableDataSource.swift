/// Rows for a `TableView`, fetched a page at a time: the table asks only for the rows it shows,
/// so a source of 1,000,000 rows (e.g. a database query with LIMIT/OFFSET) scrolls instantly.
public protocol TableDataSource {
    /// Total number of rows (after any filter the source applies).
    var rowCount: Int { get }
    /// The cell texts of rows `range` (within `0..<rowCount`), one array per row, one string per column.
    func rows(in range: Range<Int>) -> [[String]]
}

/// A data source over rows held in memory.
public struct ArrayTableDataSource: TableDataSource, Sendable {
    public var allRows: [[String]]
    public init(rows: [[String]]) { allRows = rows }
    public var rowCount: Int { allRows.count }
    public func rows(in range: Range<Int>) -> [[String]] {
        let clamped = range.clamped(to: 0..<allRows.count)
        return Array(allRows[clamped])
    }
}

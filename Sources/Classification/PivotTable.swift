import LedgerCore

/// A pivot report for one currency: rows × columns of a measure, with row and column totals, a grand total, and —
/// when the row axis is a class tree shown with subtotals — a subtotal row per parent class (its own amount plus
/// everything below it). Values are minor units (sales, open, overdue), thousandths (quantity) or counts (invoices).
///
/// The grand total is the sum of the query's facts, so a sales pivot's total equals the sales report's total over
/// the same dates to the cent. Each row and column keeps the leaf keys behind it for drill-down
/// (`SQLiteLedgerStore.pivotDocuments(_:rowKeys:columnKeys:page:)`).
public struct PivotTable: Sendable {
    /// A row or column header.
    public struct Header: Hashable, Sendable {
        public var key: String
        public var label: String
        /// 0 for a top-level class or a period; deeper classes indent.
        public var depth: Int
        /// A parent class's subtotal (its value includes the rows below it).
        public var isSubtotal: Bool
        /// The fact keys this header covers (drill-down).
        public var leafKeys: [String]
    }

    public var query: PivotQuery
    public var currency: Currency
    public var rows: [Header]
    public var columns: [Header]
    /// `values[row][column]`.
    public var values: [[Int64]]
    public var rowTotals: [Int64]
    public var columnTotals: [Int64]
    public var grandTotal: Int64

    /// Options of the layout.
    public struct Layout: Sendable {
        /// Roll row classes up to this depth (0 = top level, e.g. provinces are depth 1 under `CN`); nil = as stored.
        public var rowDepth: Int?
        public var columnDepth: Int?
        /// Insert subtotal rows for parent classes of the row axis.
        public var subtotals: Bool
        public var chinese: Bool
        public init(rowDepth: Int? = nil, columnDepth: Int? = nil, subtotals: Bool = false, chinese: Bool = false) {
            self.rowDepth = rowDepth
            self.columnDepth = columnDepth
            self.subtotals = subtotals
            self.chinese = chinese
        }
    }

    /// Builds one table per currency (sorted by currency code). `rowTree` / `columnTree` are the class trees of
    /// dimension axes (nil for periods and plain keys).
    public static func build(query: PivotQuery, facts: [PivotFact], rowTree: ClassTree?, columnTree: ClassTree?,
                             layout: Layout = Layout()) -> [PivotTable] {
        let byCurrency = Dictionary(grouping: facts, by: \.currency.code)
        return byCurrency.keys.sorted().compactMap { code in
            guard let group = byCurrency[code], let currency = group.first?.currency else { return nil }
            return buildOne(query: query, currency: currency, facts: group, rowTree: rowTree, columnTree: columnTree,
                            layout: layout)
        }
    }

    static func mapKey(_ key: String, tree: ClassTree?, depth: Int?) -> String {
        guard let tree, let depth else { return key }
        return tree.ancestor(of: key, atDepth: depth)
    }

    static func order(_ keys: Set<String>, tree: ClassTree?) -> [String] {
        guard let tree else { return keys.sorted() }
        var index: [String: Int] = [:]
        for (i, code) in tree.ordered.enumerated() { index[code] = i }
        return keys.sorted { (index[$0] ?? Int.max, $0) < (index[$1] ?? Int.max, $1) }
    }

    static func buildOne(query: PivotQuery, currency: Currency, facts: [PivotFact], rowTree: ClassTree?,
                         columnTree: ClassTree?, layout: Layout) -> PivotTable {
        var cell: [String: [String: Int64]] = [:]
        var rowLeaves: [String: Set<String>] = [:]
        var columnLeaves: [String: Set<String>] = [:]
        var grand: Int64 = 0
        for fact in facts {
            let r = mapKey(fact.rowKey, tree: rowTree, depth: layout.rowDepth)
            let c = mapKey(fact.columnKey, tree: columnTree, depth: layout.columnDepth)
            cell[r, default: [:]][c, default: 0] += fact.value
            rowLeaves[r, default: []].insert(fact.rowKey)
            columnLeaves[c, default: []].insert(fact.columnKey)
            grand += fact.value
        }
        let columnKeys = order(Set(columnLeaves.keys), tree: columnTree)
        let columns = columnKeys.map { key in
            Header(key: key, label: columnTree?.label(key, chinese: layout.chinese) ?? key, depth: 0, isSubtotal: false,
                   leafKeys: (columnLeaves[key] ?? []).sorted())
        }
        var rowKeys = Set(rowLeaves.keys)
        var subtotalKeys = Set<String>()
        if layout.subtotals, let rowTree {
            for key in rowLeaves.keys {
                for ancestor in rowTree.path(of: key).dropFirst() {
                    rowKeys.insert(ancestor)
                    subtotalKeys.insert(ancestor)
                }
            }
        }
        var rows: [Header] = []
        var values: [[Int64]] = []
        for key in order(rowKeys, tree: rowTree) {
            var leaves = Set<String>()
            var line = Array(repeating: Int64(0), count: columnKeys.count)
            let covered = subtotalKeys.contains(key) ? (rowTree?.descendants(of: key) ?? [key]) : [key]
            for code in covered {
                guard let cells = cell[code] else { continue }
                leaves.formUnion(rowLeaves[code] ?? [])
                for (j, c) in columnKeys.enumerated() { line[j] += cells[c] ?? 0 }
            }
            rows.append(Header(key: key, label: rowTree?.label(key, chinese: layout.chinese) ?? key,
                               depth: rowTree.map { $0.depth(of: key) } ?? 0, isSubtotal: subtotalKeys.contains(key),
                               leafKeys: leaves.sorted()))
            values.append(line)
        }
        var columnTotals = Array(repeating: Int64(0), count: columnKeys.count)
        for (key, cells) in cell {
            _ = key
            for (j, c) in columnKeys.enumerated() { columnTotals[j] += cells[c] ?? 0 }
        }
        return PivotTable(query: query, currency: currency, rows: rows, columns: columns, values: values,
                          rowTotals: values.map { $0.reduce(0, +) }, columnTotals: columnTotals, grandTotal: grand)
    }
}

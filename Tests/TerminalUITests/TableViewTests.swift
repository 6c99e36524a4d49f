import Testing
@testable import TerminalUI

/// B01: Chinese, full-width and combining names must not push columns out of line.
@Suite struct TableViewTests {
    static let customers: [[String]] = [
        ["C001", "Apple Trading", "1,234.50"],
        ["C002", "苹果贸易", "88.00"],
        ["C003", "上海明远五金有限公司", "120,000.75"],
        ["C004", "Ｆｕｌｌｗｉｄｔｈ Co", "0.10"],
        ["C005", "Cafe\u{301} Ole\u{301}", "-42.00"],
    ]

    static let columns = [TableColumn("Code", width: .fixed(5)),
                          TableColumn("Name", width: .flexible(minimum: 8)),
                          TableColumn("Balance", width: .fixed(12), alignment: .right),
                          TableColumn("Region", width: .fixed(6))]

    private func render(width: Int, height: Int = 7, rows: [[String]] = customers) -> CellBuffer {
        var buffer = CellBuffer(size: Size(width: width, height: height))
        var state = TableState()
        let data = ArrayTableDataSource(rows: rows.map { $0 + ["华东"] })
        TableView(columns: Self.columns).render(into: &buffer, in: buffer.bounds, source: data, state: &state)
        return buffer
    }

    /// 38: the region column is hidden and its "+1 column" marker takes the last 9 cells (session 13: the marker
    /// has its own cells, so at 31 the balance is hidden too rather than drawn under the marker).
    @Test(arguments: [60, 40, 38])
    func b01ColumnsAndDecimalPointsAlign(width: Int) {
        let buffer = render(width: width)
        let rows = Array(buffer.lines[1...5])
        let points = rows.map { displayColumn(of: ".", in: $0) }
        #expect(Set(points).count == 1, "decimal points at \(points)")
        #expect(points[0] != nil)
        // The region column starts at the same cell in every row.
        let regions = rows.map { displayColumn(of: "华", in: $0) }
        #expect(Set(regions).count == 1, "region column at \(regions)")
        for row in rows { #expect(DisplayWidth.of(row) == width) }
    }

    /// Tryout s30: one hidden column reads "+1 column"; columns the app left out itself count in the marker too.
    @Test func columnsLeftOutByTheAppAreAnnounced() {
        var buffer = CellBuffer(size: Size(width: 60, height: 4))
        var state = TableState()
        var view = TableView(columns: Array(Self.columns.prefix(2)))
        view.leftOutColumns = 1
        view.render(into: &buffer, in: buffer.bounds, source: ArrayTableDataSource(rows: Self.customers), state: &state)
        #expect(buffer.line(0).hasSuffix("+1 column"), "\(buffer.line(0))")
        view.leftOutColumns = 2
        view.render(into: &buffer, in: buffer.bounds, source: ArrayTableDataSource(rows: Self.customers), state: &state)
        #expect(buffer.line(0).hasSuffix("+2 columns"), "\(buffer.line(0))")
        view.leftOutColumns = 0
        buffer = CellBuffer(size: Size(width: 60, height: 4))
        view.render(into: &buffer, in: buffer.bounds, source: ArrayTableDataSource(rows: Self.customers), state: &state)
        #expect(!buffer.line(0).contains("column"), "\(buffer.line(0))")
    }

    @Test func theHiddenColumnsMarkerNeverCoversATitle() {
        let buffer = render(width: 31)
        #expect(buffer.line(0).hasSuffix("+2 columns"), "\(buffer.line(0))")
        #expect(buffer.line(0).hasPrefix("Code  Name"), "\(buffer.line(0))")
        #expect(!buffer.line(1).contains("1,234.50"))                 // hidden whole, not under the marker
    }

    /// An amount wider than its column's planned width is shown whole: the number column widens and the name
    /// column gives way (a number on screen is never cut).
    @Test func anAmountWiderThanItsColumnIsShownWhole() {
        let big = "9,040,000,000,000.00"   // 20 cells in a column planned for 12
        let buffer = render(width: 60, rows: Self.customers + [["C006", "无锡测试有限公司", big]])
        #expect(buffer.line(6).contains(big), "\(buffer.line(6))")
        #expect(buffer.line(1).contains("1,234.50"))
        #expect(!buffer.lines.joined().contains("~"))
        #expect(DisplayWidth.of(buffer.line(6)) == 60)
    }

    @Test func b01Snapshot() {
        assertSnapshot(render(width: 40).lines, named: "table.b01.40x7")
    }

    @Test func b01CombiningNameTakesEightCells() {
        let buffer = render(width: 60)
        #expect(buffer.line(5).hasPrefix("C005  Cafe\u{301} Ole\u{301} "))
        #expect(displayColumn(of: "-", in: buffer.line(5)) == displayColumn(of: "1", in: buffer.line(3)).map { $0 + 4 })
    }

    @Test func pagedSourceIsAskedOnlyForVisibleRows() {
        final class Counting: TableDataSource {
            var asked: [Range<Int>] = []
            var rowCount: Int { 1_000_000 }
            func rows(in range: Range<Int>) -> [[String]] {
                asked.append(range)
                return range.map { ["\($0)", "客户\($0)", "1.00", ""] }
            }
        }
        let source = Counting()
        var state = TableState()
        let table = TableView(columns: Self.columns)
        _ = table.handle(.key(.end), state: &state, rowCount: source.rowCount, pageSize: 5)
        var buffer = CellBuffer(size: Size(width: 40, height: 6))
        table.render(into: &buffer, in: buffer.bounds, source: source, state: &state)
        #expect(source.asked == [999_995..<1_000_000])
        #expect(buffer.line(5).hasPrefix("9999~ 客户999999 "))
        #expect(buffer.roleLine(5).allSatisfy { $0 == "S" })
    }

    @Test func navigationSortAndFilter() {
        var state = TableState()
        let table = TableView(columns: Self.columns)
        #expect(table.handle(.key(.down), state: &state, rowCount: 5, pageSize: 3) == .selectionChanged(1))
        #expect(table.handle(.key(.pageDown), state: &state, rowCount: 5, pageSize: 3) == .selectionChanged(4))
        #expect(table.handle(.key(.down), state: &state, rowCount: 5, pageSize: 3) == .none)
        #expect(table.handle(.key(.enter), state: &state, rowCount: 5, pageSize: 3) == .activated(4))
        #expect(table.handle(.key(.char("s")), state: &state, rowCount: 5, pageSize: 3) == .sortChanged(column: 0, ascending: true))
        #expect(table.handle(.key(.char("S")), state: &state, rowCount: 5, pageSize: 3) == .sortChanged(column: 0, ascending: false))
        #expect(table.handle(.key(.char("/")), state: &state, rowCount: 5, pageSize: 3) == .none)
        #expect(table.handle(.key(.char("北")), state: &state, rowCount: 5, pageSize: 3) == .filterChanged("北"))
        #expect(table.handle(.key(.escape), state: &state, rowCount: 5, pageSize: 3) == .filterChanged(""))
        #expect(!state.isEditingFilter)
        var empty = TableState()
        #expect(table.handle(.key(.end), state: &empty, rowCount: 0, pageSize: 3) == .none)
        #expect(empty.selectedRow == 0)
    }

    @Test func sortIndicatorAndEmptyTable() {
        var buffer = CellBuffer(size: Size(width: 40, height: 3))
        var state = TableState()
        state.sortColumn = 2
        state.isSortAscending = false
        TableView(columns: Self.columns).render(into: &buffer, in: buffer.bounds, source: ArrayTableDataSource(rows: []), state: &state)
        #expect(buffer.line(0).contains("Balance v"))
        #expect(buffer.line(1).hasPrefix("(no rows)"))
    }

    @Test func columnLayoutNeverNegative() {
        #expect(TableColumn.layout(Self.columns, totalWidth: 40) == [5, 14, 12, 6])
        #expect(TableColumn.layout(Self.columns, totalWidth: 10) == [5, 4, 0, 0])
        #expect(TableColumn.layout(Self.columns, totalWidth: 0) == [0, 0, 0, 0])
        #expect(TableColumn.layout([], totalWidth: 10) == [])
    }
}

import Classification
import LedgerCore
import LedgerReports
import TerminalUI

/// The pivot report (透视表): a measure by a dimension (rows) × a period (columns) with totals; ←/→ pick a
/// column, Enter lists the invoices behind the selected cell (`PivotDrillDown`). Same queries as `report pivot`.
struct PivotView {
    static let rowDimensions = ["region", "channel", "customer_class", "salesperson", "customer"]
    static let periods: [PeriodUnit] = [.quarter, .month, .year]
    static let measures: [PivotMeasure] = [.sales, .invoices, .openBalance, .overdue]
    var rowIndex = 0
    var periodIndex = 0
    var measureIndex = 0
    var table: PivotTable?
    var state = TableState()
    var selectedColumn = 0
    var query: PivotQuery?
    /// The shown pivot as the report layer's table (`report pivot`'s figures; exported as its CSV).
    var report: ReportTable?

    mutating func refresh(context: AppContext, from: CivilDate?, to: CivilDate?) {
        let dimension = PivotView.rowDimensions[rowIndex]
        let q = PivotQuery(measure: PivotView.measures[measureIndex], rows: .dimension(dimension),
                           columns: .period(PivotView.periods[periodIndex]), from: from, to: to, asOf: context.today)
        query = q
        let tables = context.read {
            try Reports(store: context.store).pivot(q, layout: .init(chinese: context.strings.zh))
        } ?? []
        table = tables.max { $0.grandTotal < $1.grandTotal }
        report = table.map {
            PivotReportTable.make($0, rowName: dimension, totalLabel: context.strings.t("TOTAL", "合计"))
        }
        selectedColumn = min(selectedColumn, max(0, (table?.columns.count ?? 1) - 1))
    }

    /// The arrows: ←/→ pick a column, ↑/↓ a row; PgUp/PgDn move a page of `pageSize` rows, Home/End to the first
    /// and the last row (the total row included).
    mutating func move(_ key: Key, pageSize: Int = 15) {
        let lastRow = max(0, (table?.rows.count ?? 1) - 1)
        switch key {
        case .left: selectedColumn = max(0, selectedColumn - 1)
        case .right: selectedColumn = min(max(0, (table?.columns.count ?? 1) - 1), selectedColumn + 1)
        case .up: state.selectedRow = max(0, state.selectedRow - 1)
        case .down: state.selectedRow = min(lastRow, state.selectedRow + 1)
        case .pageUp: state.selectedRow = max(0, state.selectedRow - max(1, pageSize))
        case .pageDown: state.selectedRow = min(lastRow, state.selectedRow + max(1, pageSize))
        case .home: state.selectedRow = 0
        case .end: state.selectedRow = lastRow
        default: break
        }
    }

    /// The invoices behind the selected cell; nil when no cell is selected.
    func drillDown(context: AppContext) -> PivotDrillDown? {
        guard let table, let query, table.rows.indices.contains(state.selectedRow),
              table.columns.indices.contains(selectedColumn) else { return nil }
        let row = table.rows[state.selectedRow], column = table.columns[selectedColumn]
        let rows = context.read {
            try context.store.pivotDocuments(query, rowKeys: row.leafKeys, columnKeys: column.leafKeys,
                                             page: PageRequest(limit: 500))
        } ?? []
        let value = context.money(table.values[state.selectedRow][selectedColumn], table.currency)
        return PivotDrillDown(title: "\(row.label) × \(column.label): \(value)", rows: rows)
    }

    func measureName(_ s: Strings) -> String {
        switch PivotView.measures[measureIndex] {
        case .sales: return s.t("sales", "销售额")
        case .invoices: return s.t("invoices", "销售单数")
        case .openBalance: return s.openBalance
        case .overdue: return s.overdue
        case .quantity: return s.quantity
        }
    }

    /// The pivot as rows of strings for the screen: label, one value per column, row total; the TOTAL row last.
    func grid(context: AppContext) -> (header: [String], rows: [[String]]) {
        guard let report else { return ([], []) }
        let header = [context.strings.dimensionName(PivotView.rowDimensions[rowIndex])]
            + report.columns.dropFirst(2).dropLast().map(\.key) + [context.strings.total]
        let rows = report.rows.map { [ReportRenderer.plain($0[1])] + $0.dropFirst(2).map(ReportRenderer.plain) }
            + report.totals.map { [ReportRenderer.plain($0[0])] + $0.dropFirst(2).map(ReportRenderer.plain) }
        return (header, rows)
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let s = context.strings
        let (header, rows) = grid(context: context)
        guard !header.isEmpty else {
            buffer.setString(s.noData, x: area.x + 1, y: area.y, style: Style(.muted))
            return
        }
        // Columns that fit, scrolled so the selected one is visible. Every cell is as wide as the widest figure (a
        // figure is never cut); periods left out are counted at the right of the header ("+N columns").
        let labelWidth = min(24, max(8, rows.map { DisplayWidth.of($0[0]) }.max() ?? 8))
        let cellWidth = max(13, rows.flatMap { $0.dropFirst().map { DisplayWidth.of(ReportsScreen.grouped($0)) } }
                                    .max() ?? 0)
        let periods = header.count - 2
        var fits = max(1, min(periods, (area.width - labelWidth - 2 - cellWidth) / (cellWidth + 1)))
        func marker(_ hidden: Int) -> String { s.t("+\(hidden) columns", "另有\(hidden)列") }
        if fits < periods {
            let room = area.width - labelWidth - 2 - cellWidth - DisplayWidth.of(marker(periods - fits)) - 1
            fits = max(1, min(fits, room / (cellWidth + 1)))
        }
        let first = max(0, min(selectedColumn - fits + 1, periods - fits))
        let shown = Array((1..<(header.count - 1)).dropFirst(first).prefix(fits)) + [header.count - 1]
        var y = area.y
        if fits < periods {
            let text = marker(periods - fits)
            buffer.setString(text, x: max(area.x, area.maxX - DisplayWidth.of(text)), y: y,
                             style: Style(.accent, [.bold]))
        }
        buffer.setFitted(header[0], x: area.x + 1, y: y, width: labelWidth, style: Style(.header, [.bold]))
        for (n, c) in shown.enumerated() {
            buffer.setFitted(header[c], x: area.x + 2 + labelWidth + n * (cellWidth + 1), y: y, width: cellWidth,
                             alignment: .right,
                             style: Style(.header, [.bold]))
        }
        y += 1
        let visible = max(0, area.maxY - y)
        // The last row selected (End) shows the total row under it too.
        let anchor = state.selectedRow >= (table?.rows.count ?? 0) - 1 ? rows.count - 1 : state.selectedRow
        let top = max(0, min(anchor - visible + 1, rows.count - visible))
        for (r, row) in rows.enumerated().dropFirst(top).prefix(visible) {
            let isTotal = r == rows.count - 1
            buffer.setFitted(row[0], x: area.x + 1, y: y, width: labelWidth,
                             style: Style(isTotal ? .accent : .text, isTotal ? [.bold] : []))
            for (n, c) in shown.enumerated() {
                let selected = r == state.selectedRow && c - 1 == selectedColumn
                buffer.setFitted(ReportsScreen.grouped(row[c]), x: area.x + 2 + labelWidth + n * (cellWidth + 1), y: y,
                                 width: cellWidth, alignment: .right,
                                 style: Style(selected ? .selection
                                                  : (isTotal || c == header.count - 1 ? .accent : .text)))
            }
            y += 1
        }
    }
}

/// The invoices behind a pivot cell, drawn over the pivot below the tabs and title; Esc or Backspace closes it.
struct PivotDrillDown: Modal {
    var title: String
    var rows: [InvoiceListRow]

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<ReportsScreen> {
        event == .key(.escape) || event == .key(.backspace) ? .close : .stay
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let area = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2))
        buffer.fill(area, style: Style(.text))
        buffer.setFitted(title + "  (\(rows.count))", x: area.x + 1, y: area.y, width: area.width - 2,
                         style: Style(.accent, [.bold]))
        let cells = rows.map { [$0.number, $0.date.description, $0.customerName, $0.total.groupedString,
                                context.money($0.open, $0.total.currency)] }
        var state = TableState()
        s.localize(TableView(columns: [TableColumn(s.number, width: .fixed(15)), TableColumn(s.date, width: .fixed(10)),
                                       TableColumn(s.customer, width: .flexible(weight: 1, minimum: 10)),
                                       TableColumn(s.total, width: .fixed(14), alignment: .right),
                                       TableColumn(s.openAmount, width: .fixed(14), alignment: .right)]))
            .render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1),
                    source: ArrayTableDataSource(rows: cells), state: &state)
        return nil
    }

    func keys(_ s: Strings) -> [KeyBinding]? { [KeyBinding([.escape, .backspace], s.back)] }
}

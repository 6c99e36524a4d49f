import LedgerCore
import LedgerInterop

/// A report written row by row (issue 10): the same text as `ReportRenderer.render` of the table with all its
/// rows, without holding them. CSV and JSON need one pass over the rows; the text table needs two (column widths
/// first), so `rows` must give the same rows each time it is called. Totals are not supported (streamed lists
/// have none). `output` receives the text in pieces, in order.
public struct ReportStream {
    /// Name, columns and notes of the report; its rows are ignored.
    public var table: ReportTable
    public var format: ReportFormat
    public var chinese: Bool
    /// nil: the process default (`CSVOutput.processDefault`).
    public var csvStyle: CSVStyle?

    public init(table: ReportTable, format: ReportFormat, chinese: Bool = false, csvStyle: CSVStyle? = nil) {
        self.table = table
        self.format = format
        self.chinese = chinese
        self.csvStyle = csvStyle
    }

    /// Writes the report; `rows` calls its argument once per row. Returns the number of rows. `whenEmpty`: the
    /// text table's whole text when there are no rows (CSV and JSON always write their header).
    @discardableResult
    public func write(whenEmpty: String? = nil, rows: (@escaping ([ReportCell]) throws -> Void) throws -> Void,
                      output: @escaping (String) -> Void) throws -> Int {
        var count = 0
        var sums = TotalSums(columns: table.columns, rule: table.totalRule)
        func totals() -> [[ReportCell]] {
            if case .given(let rows) = table.totalRule { return rows }
            return sums.rows
        }
        func shown(_ row: [ReportCell]) -> [String] {
            row.enumerated().map { i, cell in
                let text = ReportRenderer.plain(cell)
                return i < table.columns.count ? table.columns[i].shown(text, chinese: chinese) : text
            }
        }
        switch format {
        case .csv:
            let style = csvStyle ?? CSVOutput.processDefault
            output(CSVOutput.render(header: table.columns.map(\.key), rows: [], style: style))
            try rows { row in
                output(CSVOutput.line(row.map(ReportRenderer.plain), style: style) + "\n")
                sums.add(row)
                count += 1
            }
            for row in totals() { output(CSVOutput.line(row.map(ReportRenderer.plain), style: style) + "\n") }
        case .json:
            var head = ["\"report\": " + ReportRenderer.quote(table.name)]
            if let mark = PracticeWatermark.text { head.insert("\"watermark\": " + ReportRenderer.quote(mark), at: 0) }
            output("{" + head.joined(separator: ",\n") + ",\n\"rows\": [\n")
            try rows { row in
                output((count == 0 ? "  " : ",\n  ") + ReportRenderer.jsonObject(row, table.columns))
                sums.add(row)
                count += 1
            }
            let rows = totals().map { ReportRenderer.jsonObject($0, table.columns) }
            output("\n],\n\"totals\": [" + rows.joined(separator: ", ") + "]"
                   + (rows.count == 1 ? ",\n\"total\": " + rows[0] : "") + "}\n")
        case .table:
            let header = table.columns.map { $0.title(chinese: chinese) }
            var widths = Array(repeating: 0, count: header.count)
            ReportRenderer.widen(&widths, header)
            var total = 0
            try rows { row in
                ReportRenderer.widen(&widths, shown(row))
                sums.add(row)
                total += 1
            }
            if total == 0, let whenEmpty {
                output(whenEmpty)
                return 0
            }
            // The total rows' label (TOTAL, total) reads 合计 in Chinese, as in `ReportRenderer.text`.
            let totalLines = totals().map { row in
                shown(row).enumerated().map { i, t in
                    i == 0 && chinese && ["TOTAL", "total"].contains(t) ? "合计" : t
                }
            }
            for line in totalLines { ReportRenderer.widen(&widths, line) }
            let head = (PracticeWatermark.text.map { [$0] } ?? []) + table.notes
                + [ReportRenderer.line(header, widths, table.columns), ReportRenderer.rule(widths)]
            output(head.joined(separator: "\n") + "\n")
            if total == 0 { output(ReportRenderer.noRows(chinese: chinese) + "\n") }
            try rows { row in
                output(ReportRenderer.line(shown(row), widths, table.columns) + "\n")
                count += 1
            }
            if !totalLines.isEmpty {
                let lines = totalLines.map { ReportRenderer.line($0, widths, table.columns) }
                output(([ReportRenderer.rule(widths)] + lines).joined(separator: "\n") + "\n")
            }
        }
        return count
    }
}

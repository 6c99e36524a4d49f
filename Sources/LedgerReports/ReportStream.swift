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
        switch format {
        case .csv:
            let style = csvStyle ?? CSVOutput.processDefault
            output(CSVOutput.render(header: table.columns.map(\.key), rows: [], style: style))
            try rows { row in
                output(CSVOutput.line(row.map(ReportRenderer.plain), style: style) + "\n")
                count += 1
            }
        case .json:
            var head = ["\"report\": " + ReportRenderer.quote(table.name)]
            if let mark = PracticeWatermark.text { head.insert("\"watermark\": " + ReportRenderer.quote(mark), at: 0) }
            output("{" + head.joined(separator: ",\n") + ",\n\"rows\": [\n")
            try rows { row in
                output((count == 0 ? "  " : ",\n  ") + ReportRenderer.jsonObject(row, table.columns))
                count += 1
            }
            output("\n],\n\"totals\": []}\n")
        case .table:
            let header = table.columns.map { $0.title(chinese: chinese) }
            var widths = Array(repeating: 0, count: header.count)
            ReportRenderer.widen(&widths, header)
            var total = 0
            try rows { row in
                ReportRenderer.widen(&widths, row.map(ReportRenderer.plain))
                total += 1
            }
            if total == 0, let whenEmpty {
                output(whenEmpty)
                return 0
            }
            let head = (PracticeWatermark.text.map { [$0] } ?? []) + table.notes
                + [ReportRenderer.line(header, widths, table.columns), ReportRenderer.rule(widths)]
            output(head.joined(separator: "\n") + "\n")
            try rows { row in
                output(ReportRenderer.line(row.map(ReportRenderer.plain), widths, table.columns) + "\n")
                count += 1
            }
        }
        return count
    }
}

import LedgerReports
import LedgerCore
import LedgerInterop

/// A table of strings printed as an aligned text table, CSV or JSON.
struct TabularOutput {
    enum Kind { case text, amount, integer }
    var columns: [(name: String, kind: Kind)]
    var rows: [[String]]
    var totalRow: [String]?

    /// The text in `format`; every cell and header is made terminal-safe first (`TerminalSafeOutput.cell`).
    func render(_ format: OutputFormat) -> String {
        var safe = self
        safe.columns = columns.map { (TerminalSafeOutput.cell($0.name), $0.kind) }
        safe.rows = rows.map { $0.map(TerminalSafeOutput.cell) }
        safe.totalRow = totalRow.map { $0.map(TerminalSafeOutput.cell) }
        return safe.renderSafe(format)
    }

    private func renderSafe(_ format: OutputFormat) -> String {
        switch format {
        case .csv:
            return CSVOutput.render(header: columns.map(\.name), rows: rows + (totalRow.map { [$0] } ?? []))
        case .json:
            return renderJSON()
        case .table:
            return renderTable()
        }
    }

    private func renderTable() -> String {
        var named = self
        named.columns = columns.map { (CLIChinese.header($0.name), $0.kind) }
        return named.renderAligned()
    }

    private func renderAligned() -> String {
        let all = [columns.map(\.name)] + rows + (totalRow.map { [$0] } ?? [])
        var widths = Array(repeating: 0, count: columns.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], CellWidth.of(cell)) } }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in row.enumerated() where i < columns.count {
                let pad = String(repeating: " ", count: max(0, widths[i] - CellWidth.of(cell)))
                parts.append(columns[i].kind == .text ? cell + pad : pad + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out = [line(columns.map(\.name)), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        if let totalRow {
            out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
            out.append(line(totalRow))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func renderJSON() -> String {
        func object(_ row: [String]) -> String {
            let fields = columns.enumerated().map { i, column -> String in
                let value = i < row.count ? row[i] : ""
                let json: String
                switch column.kind {
                case .text: json = JSONText.quote(value)
                case .amount, .integer: json = value.isEmpty ? "null" : value
                }
                return "\(JSONText.quote(column.name)): \(json)"
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        var parts = ["\"rows\": [\n" + rows.map { "  " + object($0) }.joined(separator: ",\n") + "\n]"]
        if let totalRow { parts.append("\"total\": " + object(totalRow)) }
        return "{" + parts.joined(separator: ",\n") + "}\n"
    }
}

/// JSON string literals for the CLI's JSON output: the report layer's one implementation.
enum JSONText {
    static func quote(_ s: String) -> String { ReportRenderer.quote(s) }
}

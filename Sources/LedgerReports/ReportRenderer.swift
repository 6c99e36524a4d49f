import LedgerCore
import LedgerInterop
import TerminalUI

/// Output format of a report on the command line.
public enum ReportFormat: String, Sendable, CaseIterable {
    case table, csv, json
}

/// The one renderer of `ReportTable`s for text output: an aligned text table, CSV or JSON, with the table's total
/// rows. CSV goes through the program's one CSV writer (`CSVOutput`: RFC 4180, formula cells neutralised, BOM,
/// unless `--raw`) with a header row of column keys and plain numbers (`1234.50`, no grouping); JSON has
/// `rows`, `totals` (always) and `total` (when there is exactly one total row), numbers as JSON numbers.
public enum ReportRenderer {
    /// `csvStyle`: nil for the process default (`CSVOutput.processDefault`).
    public static func render(_ table: ReportTable, _ format: ReportFormat, chinese: Bool = false,
                              csvStyle: CSVStyle? = nil) -> String {
        switch format {
        case .csv: return csv(table, style: csvStyle)
        case .json: return json(table)
        case .table: return text(table, chinese: chinese)
        }
    }

    /// A cell as plain text: money without grouping, days and percent with their decimals, empty for `.empty`.
    public static func plain(_ cell: ReportCell) -> String {
        format(cell, grouping: false)
    }

    /// A cell as shown to people: money grouped (`1,234.50`), dates ISO, days `41.7`, percent `12.34%`.
    public static func display(_ cell: ReportCell) -> String {
        format(cell, grouping: true)
    }

    static func format(_ cell: ReportCell, grouping: Bool) -> String {
        switch cell {
        case .empty: return ""
        case .text(let t): return t
        case .money(let m): return Money.format(m.minorUnits, digits: m.currency.minorDigits, grouping: grouping)
        case .date(let d): return d.description
        case .count(let c): return String(c)
        case .percent(let bp): return Money.format(bp, digits: 2, grouping: false) + (grouping ? "%" : "")
        case .days(let tenths): return Money.format(tenths, digits: 1, grouping: false)
        case .decimal(let value, let digits):
            // Trailing fractional zeros dropped, as quantities are written (`7`, `1.5`).
            var text = Money.format(value, digits: digits, grouping: false)
            if digits > 0 { while text.hasSuffix("0") { text.removeLast() } }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
    }

    public static func csv(_ table: ReportTable, style: CSVStyle? = nil) -> String {
        CSVOutput.render(header: table.columns.map(\.key), rows: (table.rows + table.totals).map { $0.map(plain) },
                         style: style)
    }

    public static func text(_ table: ReportTable, chinese: Bool = false) -> String {
        let header = table.columns.map { $0.title(chinese: chinese) }
        func shown(_ row: [ReportCell]) -> [String] {
            row.enumerated().map { i, cell in
                i < table.columns.count ? table.columns[i].shown(plain(cell), chinese: chinese) : plain(cell)
            }
        }
        let body = table.rows.map(shown)
        // The total rows' label (TOTAL, total) reads 合计 in Chinese.
        let totals = table.totals.map { row in
            shown(row).enumerated().map { i, t in i == 0 && chinese && ["TOTAL", "total"].contains(t) ? "合计" : t }
        }
        var widths = Array(repeating: 0, count: header.count)
        for row in [header] + body + totals { widen(&widths, row) }
        let rule = self.rule(widths)
        var out = (PracticeWatermark.text.map { [$0] } ?? []) + table.notes
            + [line(header, widths, table.columns), rule]
            + (body.isEmpty ? [noRows(chinese: chinese)] : body.map { line($0, widths, table.columns) })
        if !totals.isEmpty { out += [rule] + totals.map { line($0, widths, table.columns) } }
        return out.joined(separator: "\n") + "\n"
    }

    /// The text table's line under the header when a report has no rows, as the TUI's tables say it (tryout s30:
    /// an empty report printed its header alone).
    public static func noRows(chinese: Bool) -> String { chinese ? "（无数据）" : "(no rows)" }

    /// Widens `widths` to fit the cells of `row` (display width, CJK counted as two).
    static func widen(_ widths: inout [Int], _ row: [String]) {
        for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
    }

    /// One line of the text table: text columns left-aligned, the others right-aligned, two spaces apart.
    /// Padding and separators are written only before a non-empty cell (s31-audit: a wide column, such as the
    /// audit log's records, padded every line to its width only for the trailing spaces to be taken off again one
    /// character at a time). The text is the same as padding every cell, joining and trimming trailing spaces.
    static func line(_ row: [String], _ widths: [Int], _ columns: [ReportColumn]) -> String {
        var text = ""
        var spaces = 0   // owed before the next non-empty cell
        func put(_ cell: String) {
            guard !cell.isEmpty else { return }
            if spaces > 0 { text += String(repeating: " ", count: spaces) }
            spaces = 0
            text += cell
        }
        for (i, cell) in row.enumerated() where i < widths.count {
            if i > 0 { spaces += 2 }
            let pad = max(0, widths[i] - DisplayWidth.of(cell))
            if columns[i].kind == .text {
                put(cell)
                spaces += pad
            } else {
                spaces += pad
                put(cell)
            }
        }
        // A last character that is not ASCII could join a following space into one Character (a prepended
        // mark): then the spaces are written and trimmed Character by Character, as before.
        if spaces > 0, let last = text.unicodeScalars.last, !last.isASCII {
            text += String(repeating: " ", count: spaces)
        }
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    static func rule(_ widths: [Int]) -> String {
        widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    }

    public static func json(_ table: ReportTable) -> String {
        func object(_ row: [ReportCell]) -> String { jsonObject(row, table.columns) }
        let totals = table.totals
        var parts = ["\"report\": " + quote(table.name),
                     "\"rows\": [\n" + table.rows.map { "  " + object($0) }.joined(separator: ",\n") + "\n]",
                     "\"totals\": [" + totals.map(object).joined(separator: ", ") + "]"]
        if totals.count == 1 { parts.append("\"total\": " + object(totals[0])) }
        if let mark = PracticeWatermark.text { parts.insert("\"watermark\": " + quote(mark), at: 0) }   // training
        return "{" + parts.joined(separator: ",\n") + "}\n"
    }

    /// One row as a JSON object keyed by the columns' keys.
    static func jsonObject(_ row: [ReportCell], _ columns: [ReportColumn]) -> String {
        func value(_ cell: ReportCell, _ kind: ColumnKind) -> String {
            switch (cell, kind) {
            case (.empty, _): return "null"
            case (_, .text), (_, .date): return quote(plain(cell))
            // Text in a number column (a figure another module formatted, e.g. a rate): a number when it reads as one.
            case (.text(let t), _): return CSVOutput.isPlainNumber(t) ? t : quote(t)
            default: return plain(cell)
            }
        }
        return "{" + columns.enumerated().map { i, column in
            quote(column.key) + ": " + value(i < row.count ? row[i] : .empty, column.kind)
        }.joined(separator: ", ") + "}"
    }

    /// `s` as a JSON string literal: quotes, backslashes and every C0 control escaped (RFC 8259 §7).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

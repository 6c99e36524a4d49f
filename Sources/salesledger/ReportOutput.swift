import LedgerCore
import LedgerReports

extension OutputFormat {
    /// The report layer's format of this command-line format.
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .table }
}

/// Prints a report table in the command's format through the one renderer (`ReportRenderer`); every title and
/// text cell is made terminal-safe first (`TerminalSafeOutput.cell`), line feeds included.
func printReport(_ table: ReportTable, _ format: OutputFormat, chinese: Bool = CLIChinese.isOn) {
    printReportText(renderReport(table, format, chinese: chinese))
}

/// Prints report text; the CSV byte-order mark is written as is (the terminal-safe `print` would show it as an
/// escape).
func printReportText(_ text: String) {
    var text = text
    if text.hasPrefix("\u{FEFF}") {
        Swift.print("\u{FEFF}", terminator: "")
        text.removeFirst()
    }
    print(text, terminator: "")
}

/// `printReport` of a table whose rows are streamed (`ReportStream`): `rows` calls its argument once per row and
/// must give the same rows when called again (the text table reads them twice). Text cells and titles are made
/// terminal-safe as `printReport` does. `whenEmpty`: what the text table prints instead when there are no rows.
func printStreamedReport(_ table: ReportTable, _ format: OutputFormat, whenEmpty: String? = nil,
                         chinese: Bool = CLIChinese.isOn,
                         rows: (@escaping ([ReportCell]) throws -> Void) throws -> Void) throws {
    try ReportStream(table: terminalSafe(table), format: format.report, chinese: chinese)
        .write(whenEmpty: whenEmpty, rows: { body in try rows { try body($0.map(terminalSafe)) } },
               output: printReportText)
}

/// `printReport`'s text.
func renderReport(_ table: ReportTable, _ format: OutputFormat, chinese: Bool = CLIChinese.isOn) -> String {
    ReportRenderer.render(terminalSafe(table), format.report, chinese: chinese)
}

/// `table` with its titles, text cells and given total rows made terminal-safe.
func terminalSafe(_ table: ReportTable) -> ReportTable {
    var safe = table
    safe.columns = table.columns.map { column in
        var c = column
        c.titleEN = TerminalSafeOutput.cell(c.titleEN)
        c.titleZH = TerminalSafeOutput.cell(c.titleZH)
        return c
    }
    safe.rows = table.rows.map { $0.map(terminalSafe) }
    if case .given(let totals) = table.totalRule { safe.totalRule = .given(totals.map { $0.map(terminalSafe) }) }
    return safe
}

func terminalSafe(_ cell: ReportCell) -> ReportCell {
    if case .text(let t) = cell { .text(TerminalSafeOutput.cell(t)) } else { cell }
}

/// A CLI list as a report table: each column keyed as printed in CSV/JSON, titled in Chinese from `CLIChinese`
/// when the CLI speaks Chinese; `total`: a total row the command states itself.
func listTable(_ name: String, _ columns: [(String, ColumnKind)], _ rows: [[ReportCell]],
               total: [ReportCell]? = nil) -> ReportTable {
    ReportTable(name: name, columns: columns.map { ReportColumn($0.0, $0.1, en: $0.0,
                                                                zh: CLIChinese.headers[$0.0] ?? $0.0) },
                rows: rows, totalRule: total.map { .given([$0]) } ?? .none)
}

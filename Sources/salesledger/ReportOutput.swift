import LedgerReports

extension OutputFormat {
    /// The report layer's format of this command-line format.
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .table }
}

/// Prints a report table in the command's format through the one renderer (`ReportRenderer`).
func printReport(_ table: ReportTable, _ format: OutputFormat, chinese: Bool = false) {
    print(ReportRenderer.render(table, format.report, chinese: chinese), terminator: "")
}

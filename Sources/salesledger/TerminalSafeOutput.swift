import LedgerCore

/// Every text the CLI prints goes through here: this module's `print` shadows the standard library's, so a
/// stored name or code can never send an escape sequence, a bell, a carriage return or a bidi control to the
/// terminal (issue 12). Line feeds and tabs between lines are kept; anything else `TextSafety` forbids is shown as
/// a visible `\uXXXX` escape. Table, CSV and JSON cells are escaped entirely (line feeds too) by `printReport`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator)
    Swift.print(CLIChinese.output(TerminalSafeOutput.lines(text)), terminator: TerminalSafeOutput.lines(terminator))
}

enum TerminalSafeOutput {
    /// `text` with forbidden characters escaped, keeping line feeds and tabs.
    static func lines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { TextSafety.isForbidden($0) && $0 != "\n" && $0 != "\t" })
        else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { TextSafety.terminalSafe(String($0)) }.joined(separator: "\t") }
            .joined(separator: "\n")
    }

    /// One cell of a table, CSV or JSON output: every forbidden character escaped, line feeds included.
    static func cell(_ text: String) -> String { TextSafety.terminalSafe(text) }
}

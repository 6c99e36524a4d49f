import TerminalUI

/// Terminal cell width of text for the CLI's aligned tables: the toolkit's Unicode-table width
/// (CJK and full-width = 2, combining marks = 0), independent of the machine's locale.
enum CellWidth {
    static func of(_ text: String) -> Int { DisplayWidth.of(text) }
}

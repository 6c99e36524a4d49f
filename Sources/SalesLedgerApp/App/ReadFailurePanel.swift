import TerminalUI

/// What a screen shows in place of its data when its ledger query failed (issue 9, tryout s34 defect 1: a damaged
/// ledger showed an empty customer list and `Total open: 0`): the screen's name, the cause and what to do (the
/// store's wording, `AppContext.describe`), wrapped to the width — never cut, at 80×24 too — and how to read again.
struct ReadFailurePanel {
    /// The screen's name (客户, Receivables, …).
    var screen: String
    /// The failure in the UI language: cause first, then what to do.
    var text: String

    /// Blanks `area` and draws the panel from its top; lines past its bottom are left out (the cause comes first).
    func render(into buffer: inout CellBuffer, in area: Rect, _ s: Strings) {
        buffer.fill(area, style: Style(.text))
        let width = max(1, area.width - 2)
        var lines: [(String, Style)] = TextFitting.wrap(
            s.t("\(screen): the ledger could not be read", "\(screen)：无法读取账套"), toWidth: width)
            .map { ($0, Style(.error, [.bold])) }
        lines.append(("", Style(.text)))
        lines += TextFitting.wrap(text, toWidth: width).map { ($0, Style(.error)) }
        lines.append(("", Style(.text)))
        lines += TextFitting.wrap(s.t("Nothing of the ledger is shown here until it can be read: Enter reads it again.",
                                      "在能读取账套之前，这里不显示账套数据：按回车重新读取。"), toWidth: width)
            .map { ($0, Style(.muted)) }
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.setString(line.0, x: area.x + 1, y: area.y + i, maxWidth: width, style: line.1)
        }
    }
}

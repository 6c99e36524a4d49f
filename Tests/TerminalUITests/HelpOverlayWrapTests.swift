import Testing
@testable import TerminalUI

/// Issue 12: the help overlay never cuts a help text at 80 columns; a long one wraps onto the next rows.
@Suite struct HelpOverlayWrapTests {
    @Test func longHelpWrapsInsteadOfBeingCut() {
        let long = "Sales entry / Customers / Receivables / Charts / Reports / Products / Documents / Audit"
        let overlay = HelpOverlay(bindings: [KeyBinding(.function(3), "Screens", help: long),
                                             KeyBinding(.function(1), "Help")])
        var buffer = CellBuffer(size: Size(width: 40, height: 12))
        overlay.render(into: &buffer, in: buffer.bounds, unicode: false)
        let text = buffer.lines.joined(separator: "\n")
        for word in long.split(separator: " ") where word != "/" { #expect(text.contains(word), "\(word)\n\(text)") }
        #expect(!text.contains("~"))
        // The next binding starts after the wrapped rows, and the footer is still inside the box.
        #expect(buffer.lines.contains { $0.contains("F1") && $0.contains("Help") })
        #expect(text.contains("Any key closes"))
    }
}

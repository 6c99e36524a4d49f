import Testing
@testable import TerminalUI

/// Tryout s31: F3's help at 80×24 dropped its last two keys with no sign. Keys that do not fit with their long help
/// show their labels only; keys that still do not fit are counted in the footer.
@Suite struct HelpOverlayFitTests {
    static let bindings = (1...12).map { i in
        KeyBinding(.function(i), "Action \(i)", help: "Action \(i) — a long explanation of what this key does here")
    }

    func rendered(height: Int) -> String {
        var buffer = CellBuffer(size: Size(width: 60, height: height))
        HelpOverlay(bindings: Self.bindings).render(into: &buffer, in: buffer.bounds)
        return (0..<height).map { buffer.line($0) }.joined(separator: "\n")
    }

    @Test func shortLabelsWhenTheLongHelpDoesNotFitThenACount() {
        let tall = rendered(height: 60)
        #expect(tall.contains("a long explanation") && tall.contains("F12") && tall.contains("Any key closes"))
        let short = rendered(height: 16)
        #expect(!short.contains("a long explanation"))
        #expect(short.contains("F12") && short.contains("Action 12") && short.contains("Any key closes"))
        let tiny = rendered(height: 10)
        #expect(tiny.contains("Action 7") && !tiny.contains("Action 8"))   // 10 rows: 2 borders, footer, 7 keys
        #expect(tiny.contains("5 more keys: enlarge the window"))
    }
}

import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s14: the statement at 80×24 said "另有2列" but ←/→ did nothing (receipts showed no amount, the balance
/// could not be reached), and its aging line was cut. Now → scrolls to the hidden columns and the aging line wraps.
@Suite struct StatementNarrowTests {
    @Test(arguments: [Language.zh, .en]) func hiddenColumnsScrollAndTheAgingLineIsWhole(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(4), .enter, .char("s"))
        let w = StatementWords(chinese: language == .zh)
        let before = h.screen()
        let heading = try #require(before.firstIndex { $0.contains(w.date) }, "\(h.text)")
        #expect(!before[heading].contains(w.balance), "the balance is hidden at 80 columns: \(before[heading])")
        for _ in 0..<4 { h.press(.right) }
        let after = h.screen()
        let title = try #require(after.firstIndex { $0.contains(w.balance) }, "→ shows the balance\n\(h.text)")
        #expect(title < after.count - 3, "\(h.text)")
        // Every aging bucket's figure is whole, on one or two lines.
        #expect(NothingCutTests.cutNumbers(in: after).isEmpty, "\(h.text)")
        let footer = after.suffix(4).joined(separator: " ")
        for label in ["91+"] { #expect(footer.contains(label), "\(footer)") }
        for _ in 0..<6 { h.press(.left) }
        #expect(h.screen()[heading] == before[heading], "← goes back to the first columns")
    }
}

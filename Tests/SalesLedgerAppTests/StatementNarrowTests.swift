import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s14: the statement at 80×24 said "另有2列" but ←/→ did nothing, and its aging line was cut. Tryout s15: the
/// amounts were still the hidden columns. Now the due date and the reference go first: every amount is on screen at
/// 80 columns, whole, and the aging line wraps.
@Suite struct StatementNarrowTests {
    @Test(arguments: [Language.zh, .en]) func theAmountsAreShownAt80AndTheAgingLineIsWhole(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(4), .enter, .char("s"))
        let w = StatementWords(chinese: language == .zh)
        let screen = h.screen()
        let heading = try #require(screen.firstIndex { $0.contains(w.date) }, "\(h.text)")
        for title in [w.document, w.debit, w.credit, w.balance] {
            #expect(screen[heading].contains(title), "\(title) at 80 columns: \(screen[heading])")
        }
        for title in [w.dueDate, w.reference] { #expect(!screen[heading].contains(title), "\(screen[heading])") }
        // s35-fix: the columns left out are counted as on other lists, and the CLI's activity line is shown.
        let marker = language == .zh ? "另有2列" : "+2 columns"
        #expect(screen[heading - 1 ... heading].contains { $0.contains(marker) }, "\(h.text)")
        let bottom = screen.suffix(7).joined(separator: " ")
        for word in [w.invoiced, w.credited, w.received, w.writtenOff] {
            #expect(bottom.contains(word + " "), "\(word) in \(bottom)")
        }
        #expect(screen[heading + 1 ..< screen.count - 3].contains { $0.contains(".") }, "amounts in the rows")
        #expect(NothingCutTests.cutNumbers(in: screen).isEmpty, "\(h.text)")
        let footer = screen.suffix(4).joined(separator: " ")
        #expect(footer.contains("91+"), "\(footer)")
        // At 200 columns every column of the one statement shape is drawn.
        h.size = Size(width: 200, height: 50)
        _ = h.send(.resize(h.size))
        let wide = h.screen()
        let wideHeading = try #require(wide.firstIndex { $0.contains(w.date) }, "\(h.text)")
        for title in [w.dueDate, w.reference, w.balance] { #expect(wide[wideHeading].contains(title)) }
    }
}

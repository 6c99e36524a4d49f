import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// The sales form at 80 columns never cuts a figure: the line grid widens its figure columns (the name column, then
/// the product code, give way) and the totals bar drops whole parts (subtotal, then tax) before the total.
@Suite struct SalesEntryWidthTests {
    @Test(arguments: [Language.en, .zh])
    func largeAmountIsShownWholeAt80Columns(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        h.type("C9002"); h.press(.enter)
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)          // → product of line 1
        h.type("*machine"); h.press(.tab)
        h.type("1"); h.press(.tab)
        h.type("8000000000000"); h.press(.tab, .tab)           // price; discount left empty
        h.type("13"); h.press(.tab)                            // tax; → a new line 2
        h.type("*bolts"); h.press(.tab)
        h.type("2.5"); h.press(.tab)
        h.type("12.80"); h.press(.tab, .tab)
        h.type("13")
        let lines = h.screen()
        #expect(NothingCutTests.cutNumbers(in: lines).isEmpty, "\(lines.joined(separator: "\n"))")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("9,040,000,000,000.00"))         // line 1's amount
        #expect(text.contains("9,040,000,000,036.16"))         // the total: + 32.00 + 4.16 tax
        #expect(text.contains("8000000000000"))                // the typed price, whole
        assertScreen(lines, named: "salesEntry.largeAmount.\(language.rawValue).80x24")
    }
}

import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s31: in F3 a quantity 10 entered again (S-Tab back) and typed 2 became 102 and would have posted; a date
/// re-entered and typed became `2026-06-292026-06-28`. A date, quantity or figure field entered again is replaced
/// by the first typed character, as in a spreadsheet cell; Backspace first keeps it to edit; text fields append.
@Suite struct SalesEntryReentryTests {
    @Test func aQuantityOrDateEnteredAgainIsReplacedByTheFirstKey() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.type("C9002"); h.press(.enter)
        #expect(h.app.salesEntry.focus == .date)
        h.type("2026-11-19")
        h.press(.tab, .backTab)
        #expect(h.app.salesEntry.focus == .date)
        h.type("2026-11-18")
        #expect(h.app.salesEntry.text(.date) == "2026-11-18")
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)
        #expect(h.app.salesEntry.focus == .product(0))
        h.type("P001"); h.press(.enter)
        #expect(h.app.salesEntry.focus == .quantity(0))
        h.type("10")
        h.press(.tab, .backTab)
        h.type("2")
        #expect(h.app.salesEntry.text(.quantity(0)) == "2")
        h.press(.tab, .backTab, .backspace)
        h.type("5")
        #expect(h.app.salesEntry.text(.quantity(0)) == "5")   // "2" less its digit, then 5: kept to edit
        h.press(.backTab)
        #expect(h.app.salesEntry.focus == .product(0))
        h.type("x")
        #expect(h.app.salesEntry.text(.product(0)).hasSuffix("x"))   // a text field is appended to
    }
}

import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s33 on F3 (--lang zh, 80×24): `2026-02-30` in 日期 was reported but the due date of `2026-02-3` (typed a
/// moment before) stayed; and a line error stayed on screen after its line was cleared with ^U. The due date is
/// empty while the date is wrong, and every error follows its field's current text.
@Suite struct SalesEntryLiveErrorTests {
    @Test func noDueDateWhileTheDateIsWrong() throws {
        var h = try AppHarness(language: .zh, seedLedger: SalesEntryTests.seed)
        h.type("C9002"); h.press(.enter)                    // → date, NET30
        for _ in 0..<10 { h.press(.backspace) }
        h.type("2026-02-28")
        #expect(h.app.salesEntry.text(.due) == "2026-03-30")
        h.press(.backspace, .backspace); h.type("30")      // 2026-02-3 on the way, then 2026-02-30
        #expect(h.text.contains("日期 2026-02-30 不存在"), "\(h.text)")
        #expect(h.app.salesEntry.text(.due).isEmpty, "\(h.text)")
        #expect(!h.text.contains("2026-03-"), "\(h.text)")
        // Posting names the date only, not an empty due date.
        h.press(.function(2))
        #expect(h.app.salesEntry.errors[.due] == nil, "\(h.app.salesEntry.errors)")
        // Corrected: the due date follows again.
        for _ in 0..<30 where h.app.salesEntry.focus != .date { h.press(.backTab) }
        for _ in 0..<12 { h.press(.backspace) }
        h.type("2026-03-01")
        #expect(h.app.salesEntry.text(.due) == "2026-03-31", "\(h.text)")
    }

    @Test func aLineErrorFollowsTheLinesText() throws {
        var h = try AppHarness(language: .zh, seedLedger: SalesEntryTests.seed)
        h.type("C9002"); h.press(.enter)
        for _ in 0..<30 where h.app.salesEntry.focus != .product(0) { h.press(.tab) }
        h.type("*螺丝"); h.press(.tab)
        h.type("abc"); h.press(.tab)                       // quantity: invalid characters
        #expect(h.text.contains("第 1行 数量"), "\(h.text)")
        // The quantity fixed: its error goes.
        h.press(.backTab)
        h.press(.ctrl("u"))
        h.type("2")
        #expect(h.app.salesEntry.errors[.quantity(0)] == nil)
        #expect(!h.text.contains("第 1行 数量"), "\(h.text)")
        // A quantity error, then the line cleared from its product field with ^U: no line error is left.
        h.press(.ctrl("u")); h.type("x"); h.press(.tab)
        #expect(h.text.contains("第 1行 数量"), "\(h.text)")
        for _ in 0..<30 where h.app.salesEntry.focus != .quantity(0) { h.press(.backTab) }
        h.press(.ctrl("u"))
        for _ in 0..<30 where h.app.salesEntry.focus != .product(0) { h.press(.backTab) }
        h.press(.ctrl("u"))
        #expect(h.app.salesEntry.text(.product(0)).isEmpty && h.app.salesEntry.text(.quantity(0)).isEmpty)
        #expect(!h.text.contains("第 1行"), "\(h.text)")
        #expect(h.app.salesEntry.errors.keys.allSatisfy { $0.line == nil }, "\(h.app.salesEntry.errors)")
    }
}

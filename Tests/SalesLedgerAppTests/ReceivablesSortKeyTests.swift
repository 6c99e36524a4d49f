import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s15: F5's `s` said "sorted by amount" on the reminders list and changed nothing there. It is offered (and
/// listed in the hint bar) only on the overdue list, which it sorts.
@Suite struct ReceivablesSortKeyTests {
    @Test func sortIsOfferedOnTheOverdueListOnly() throws {
        var h = try AppHarness(language: .en, size: Size(width: 200, height: 50), seedLedger: seedGenerated)
        h.press(.function(5))
        #expect(h.app.receivables.showsReminders)
        #expect(!h.screen().last!.contains("s Sort"), "\(h.screen().last!)")
        h.press(.char("s"))
        #expect(!h.app.receivables.sortByAmount)
        h.press(.char("t"))
        #expect(h.screen().last!.contains("s Sort"), "\(h.screen().last!)")
        h.press(.char("s"))
        #expect(h.app.receivables.sortByAmount)
        let rows = h.app.receivables.overdue.items.map(\.open)
        #expect(rows.count > 1 && rows == rows.sorted(by: >), "\(rows)")
    }
}

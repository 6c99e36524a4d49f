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

/// Tryout s15: domain messages the Chinese UI and CLI still showed in English.
@Suite struct DomainMessagesZHTests {
    @Test func voidWithAllocationsCreditsAndLoadSummariesAreChinese() {
        let s = Strings(.zh)
        #expect(s.core("INV-2026-000001 has allocations of 1,638.78; reverse them before voiding")
                == "INV-2026-000001 已核销 1,638.78，请先反核销再作废")
        #expect(s.core("5 is more than the 2 left uncredited on line 1") == "5 超过第 1 行尚未冲销的 2")
        #expect(s.core("INV-2026-000003 is already fully credited") == "INV-2026-000003 已全部红字冲销")
        #expect(s.core("loaded generated-zh: 200 customers, 20 products, 3000 invoices with 7442 lines, "
                       + "2673 receipts, 65 credit notes")
                == "已载入 generated-zh：客户 200 个，商品 20 个，销售单 3000 张（7442 行），收款单 2673 张，红字冲销 65 张")
        #expect(Strings(.en).core("INV-1 is already fully credited") == "INV-1 is already fully credited")
    }
}

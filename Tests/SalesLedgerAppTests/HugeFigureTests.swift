import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Session 13 tryout: a huge sale (quantity 99,999,999) at 80×24 — the credit banner, the "please check" dialog and
/// the credit-override dialog show every figure whole; pre-filled fields are replaced by typing.
@Suite struct HugeFigureTests {
    /// C9001 (limit 10,000.00), P004 at 99,999,999 × 80,000.00 (+13 % tax): total 9,039,999,909,600.00.
    func typeHugeSale(_ h: inout AppHarness) {
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type("99999999"); h.press(.tab)
        h.type("80000"); h.press(.tab)
    }

    @Test(arguments: [Language.en, .zh])
    func theCreditBannerAndBothDialogsShowWholeFigures(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        typeHugeSale(&h)
        let banner = h.screen()[3]
        #expect(banner.contains("9,039,999,909,600.00") && banner.contains("10,000.00"), "\(banner)")
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
        h.press(.function(2))
        #expect(h.text.contains(language == .en ? "Please check" : "请核对"))
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
        h.press(.char("y"))
        #expect(h.text.contains(language == .en ? "Credit check" : "信用检查"))
        #expect(h.text.contains("9,039,999,909,600.00") && h.text.contains("10,000.00 CNY"), "\(h.text)")
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
    }

    @Test func aLongBannerKeepsWholeReasonsAndCountsTheRest() {
        let s = Strings(.en)
        let reasons: [CreditHoldReason] = [
            .overLimit(balance: 999_999_962_430_542, limit: 29_000_000, currency: .cny),
            .stopCredit(invoice: "INV-2026-000042", daysOverdue: 185, fromDays: 45)]
        let line = CreditHoldText.banner(reasons, prefix: "⚠ credit hold: ", width: 78, strings: s)
        #expect(line == "⚠ credit hold: balance 9,999,999,624,305.42 > limit 290,000.00 CNY +1")
        let wide = CreditHoldText.banner(reasons, prefix: "⚠ credit hold: ", width: 200, strings: s)
        #expect(wide.hasSuffix("invoice INV-2026-000042 is 185 days overdue (stop further credit from 45 days)"))
    }

    @Test func typingReplacesTheListPriceAndOtherKeysEditIt() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type("2"); h.press(.tab)
        #expect(h.app.salesEntry.text(.price(0)) == "1454.00")
        h.type("1200.5")
        #expect(h.app.salesEntry.text(.price(0)) == "1200.5")
        h.press(.tab, .tab)                                  // discount → tax, pre-filled with the product's 13
        #expect(h.app.salesEntry.text(.tax(0)) == "13")
        h.press(.backspace)                                  // another key first edits the value
        h.type("0")
        #expect(h.app.salesEntry.text(.tax(0)) == "10")
    }

    @Test func aSearchTypedAgainReplacesTheLastOne() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.press(.function(4), .char("/"))
        h.type("北京"); h.press(.enter)
        #expect(h.app.customers.table.filter.text == "北京")
        h.press(.char("/"))
        h.type("上海")
        #expect(h.app.customers.table.filter.text == "上海")
        h.press(.enter, .char("/"), .backspace)
        #expect(h.app.customers.table.filter.text == "上")
    }
}

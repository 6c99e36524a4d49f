import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s14-fix: findings of the new-user tryout on sales entry (F3), driven by keys as a clerk types.
@Suite struct SalesEntryTryoutTests {
    static func seed(_ service: LedgerService) throws {
        var star = CustomerFields(code: "C9001", name: "北京星河科技有限公司")
        star.paymentTerms = .endOfMonthPlusDays(30)
        star.channel = "DIRECT"
        try service.run(CreateCustomer(star))
        for n in 1...9 {
            try service.run(CreateProduct(sku: "P00\(n)", name: "商品\(n)",
                                          unitPrice: Money(minorUnits: 14_600, currency: .cny),
                                          taxRate: Rate(basisPoints: 1300)))
        }
    }

    /// Customer picked, focus on the first line's product.
    static func atFirstLine(_ language: Language = .en) throws -> AppHarness {
        var h = try AppHarness(language: language, seedLedger: seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        return h
    }

    @Test func pickingAProductGoesToTheQuantity() throws {
        var h = try Self.atFirstLine()
        h.type("P004"); h.press(.enter)
        #expect(h.app.salesEntry.focus == .quantity(0))
        h.press(.ctrl("n"))
        h.type("P00"); h.press(.down, .enter)            // picked from the list with ↓ and Enter on a new line
        #expect(h.app.salesEntry.text(.product(1)) == "P002")
        #expect(h.app.salesEntry.focus == .quantity(1))
    }

    @Test func aTypedPriceIsShownWithTheCurrencysDecimals() throws {
        var h = try Self.atFirstLine()
        h.type("P004"); h.press(.enter)
        h.type("2"); h.press(.tab)
        #expect(h.app.salesEntry.text(.price(0)) == "146.00")
        h.type("22"); h.press(.tab)
        #expect(h.app.salesEntry.text(.price(0)) == "22.00")
        #expect(h.text.contains("22.00"))
        h.press(.backTab)
        for _ in 0..<5 { h.press(.backspace) }
        h.type("22.5"); h.press(.tab)
        #expect(h.app.salesEntry.text(.price(0)) == "22.50")
    }

    @Test func clearingAManualDueDateGoesBackToTheTerms() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab)   // date → salesperson → terms → due
        #expect(h.app.salesEntry.focus == .due)
        #expect(h.app.salesEntry.text(.due) == "2026-12-30")
        h.type("2027-01-15")
        #expect(h.app.salesEntry.draft.isDueEdited)
        #expect(h.text.contains("Due (manual)"))
        for _ in 0..<10 { h.press(.backspace) }
        #expect(!h.app.salesEntry.draft.isDueEdited)
        #expect(h.app.salesEntry.text(.due) == "2026-12-30")
        #expect(!h.text.contains("Due (manual)"))
        // The terms rule again: a new date moves the due date.
        h.press(.backTab, .backTab, .backTab)
        #expect(h.app.salesEntry.focus == .date)
        h.type("2026-12-05"); h.press(.tab)
        #expect(h.app.salesEntry.text(.due) == "2027-01-30")
    }

    @Test func aClearedChannelFallsBackToTheCustomers() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab)
        #expect(h.app.salesEntry.focus == .channel)
        #expect(h.app.salesEntry.text(.channel) == "DIRECT")
        for _ in 0..<6 { h.press(.backspace) }
        #expect(h.app.salesEntry.text(.channel).isEmpty)
        h.press(.tab)                                          // left empty: the customer's channel again
        #expect(h.app.salesEntry.text(.channel) == "DIRECT")
        // Cleared and posted at once (F2 in the channel field): the sale gets the customer's channel, never none.
        h.press(.tab); h.type("P001"); h.press(.enter); h.type("1")
        h.press(.backTab, .backTab, .backTab)
        #expect(h.app.salesEntry.focus == .channel)
        for _ in 0..<6 { h.press(.backspace) }
        #expect(h.app.salesEntry.text(.channel).isEmpty)
        h.press(.function(2))
        let invoice = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"))
        #expect(invoice.channel == "DIRECT")
    }

    @Test func theProductPickerLeavesTheTotalsReadable() throws {
        for language in [Language.en, .zh] {
            var h = try Self.atFirstLine(language)
            for _ in 0..<6 { h.press(.ctrl("n")) }            // the 7th line: the list would reach the totals
            #expect(h.app.salesEntry.focus == .product(6))
            h.type("P00")
            #expect(h.app.salesEntry.suggestions.count == 8)
            let lines = h.screen()
            let total = Strings(language).total
            let totals = try #require(lines.lastIndex { $0.contains(total) && $0.contains("CNY") },
                                      "totals line covered in \(language)")
            #expect(!lines[totals].contains("P00"))
            #expect(lines.contains { $0.contains("P001  商品1") })
            #expect(lines.contains { $0.contains("P008  商品8") })
        }
    }
}

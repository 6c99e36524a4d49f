import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 12: the sales form never traps on huge numbers, and a bad autosaved draft is cleaned before restore.
@Suite struct HardeningAppTests {
    /// Goes to line 1's product field of a sale for C9001 and types a product and a quantity.
    func typeLine(_ h: inout AppHarness, quantity: String, price: String? = nil) {
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type(quantity)
        if let price {
            h.press(.tab)
            for _ in 0..<12 { h.press(.backspace) }
            h.type(price)
        }
    }

    @Test(arguments: ["99999999999999", "6222021234567890", "9223372036854775807", "1000000001"])
    func hugeQuantitiesShowAFieldErrorInsteadOfTrapping(_ quantity: String) throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        typeLine(&h, quantity: quantity)
        _ = h.text                                              // live totals and credit warning are drawn
        h.press(.tab)
        h.press(.function(2))
        #expect(h.text.contains("Fix these fields: Qty (line 1)"), "\(h.text)")
        let error = h.app.salesEntry.errors[.quantity(0)] ?? ""
        #expect(error.contains("too large"), "\(error)")
        #expect(try h.store.summary().invoices == 0)
    }

    @Test func hugePriceTimesQuantityIsALineErrorInChinese() throws {
        var h = try AppHarness(language: .zh, seedLedger: SalesEntryTests.seed)
        typeLine(&h, quantity: "999999999", price: "9999999999999")
        #expect(h.text.contains("过大"))
        h.press(.function(2))
        #expect(h.app.salesEntry.errors[.quantity(0)]?.hasPrefix("行价税合计过大") == true)
        #expect(try h.store.summary().invoices == 0)
    }

    /// Tryout s30 (fix2): at 80 columns the line error dropped its place words, not the end of its figure
    /// ("line 1 Unit price: line total with tax is too large (at most 10,000,000,000,0~").
    @Test(arguments: [Language.en, .zh])
    func theTooLargeFigureIsWholeAtEightyColumns(_ language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        typeLine(&h, quantity: "1000000", price: "100000000000")
        h.press(.tab)
        let whole = language == .en ? "line total with tax is too large (at most 10,000,000,000,000.00)"
                                    : "行价税合计过大（最多 10,000,000,000,000.00）"
        let errorLine = h.screen().first { $0.contains(language == .en ? "too large (" : "过大（") } ?? ""
        #expect(errorLine.contains(whole) && !errorLine.contains("~"), "\(h.text)")
        h.size = Size(width: 200, height: 50)                   // wide: the place words stay
        let place = language == .en ? "line 1 Unit price: " : "第 1行 单价: "
        #expect(h.text.contains(place + whole), "\(h.text)")
    }

    @Test func aBadDraftLineIsDroppedAndTheGoodOnesKept() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.draft.json").path
        var draft = SaleDraft()
        draft.customer = "北京星河科技有限公司\u{1B}[2J"
        draft.customerCode = "C9001"
        draft.date = "2026-11-29"
        draft.lines = [SaleDraft.Line(product: "P001", quantity: "2", unitPrice: "146.00"),
                       SaleDraft.Line(product: "P004", quantity: "99999999999999", unitPrice: "1454.00"),
                       SaleDraft.Line(product: "P004", quantity: "1000000", unitPrice: "9999999999999"),
                       SaleDraft.Line(product: "P004", quantity: "1", unitPrice: "1454.00")]
        draft.save(to: path)
        var h = try AppHarness(language: .en, draftPath: path, seedLedger: SalesEntryTests.seed)
        #expect(h.text.contains("Restore draft?"))
        _ = h.send(.key(.char("y")))
        #expect(h.app.salesEntry.text(.customer) == "北京星河科技有限公司[2J")
        #expect(h.app.salesEntry.text(.quantity(0)) == "2")
        #expect(h.app.salesEntry.text(.quantity(1)) == "1")
        #expect(h.app.salesEntry.lineCount == 2)
        let screen = h.text
        #expect(screen.contains("line 2 dropped"), "\(screen)")
        h.press(.function(2))
        #expect(try h.store.summary().invoices == 1)
    }
}

import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// The allocation (核销) screen: unapplied credit on one side, open invoices on the other; auto and by-hand
/// plans, preview, save and reverse — all through the command layer, audited.
@Suite struct AllocationScreenTests {
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    /// C1 with INV-1 (100.00, settled by the overpayment), INV-2 (50.00) and INV-3 (80.00) open, and RCT-1 300.00
    /// recorded before INV-2 and INV-3 existed, so 200.00 of it is unapplied.
    static func seed(_ service: LedgerService) throws {
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
        func post(_ date: String, _ amount: Int64) throws {
            try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: date)!,
                                        lines: [LineInput(description: "goods", quantity: Quantity(1), unitPrice: money(amount))]))
        }
        try post("2026-11-01", 10_000)
        try service.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-11-05")!, amount: money(30_000)))
        try post("2026-11-10", 5_000)
        try post("2026-11-12", 8_000)
    }

    static func open(_ language: Language) throws -> AppHarness {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30), seedLedger: seed)
        h.press(.function(4), .enter)     // the only customer's detail
        h.press(.char("k"))
        return h
    }

    func open(_ h: AppHarness, _ number: String) throws -> Int64 {
        try #require(h.store.invoices(filter: InvoiceFilter(customerCode: "C1"), page: PageRequest(limit: 10))
            .first { $0.number == number }).open
    }

    /// Tryout s14: with unapplied credit and no open invoice, `a` said "No unapplied credit to allocate" beside a
    /// list of two credits; it names the real reason.
    @Test(arguments: [Language.en, .zh]) func creditWithoutOpenInvoicesSaysSo(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
            try service.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-11-05")!,
                                          amount: Self.money(30_000)))
        }
        h.press(.function(4), .enter, .char("k"))
        #expect(h.text.contains("RCT-2026-000001"), "\(h.text)")
        h.press(.char("a"))
        let s = Strings(language)
        #expect(h.text.contains(s.t("No open invoice to allocate to", "没有可核销的未核销销售单")), "\(h.text)")
        #expect(!h.text.contains(s.t("No unapplied credit", "没有可核销的未核销预收")), "\(h.text)")
    }

    /// Tryout s15: at 80 columns the planned amount was cut ("→ 5,000.~"). Every open and planned figure is whole,
    /// with large amounts, in both languages.
    @Test(arguments: [Language.en, .zh]) func plannedFiguresAreWholeAt80Columns(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
            try service.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-11-01")!,
                                          amount: Self.money(1_500_000_00)))
            for (date, amount) in [("2026-11-10", Int64(974_286_00)), ("2026-11-12", 808_000_00)] {
                try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: date)!,
                                            lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                              unitPrice: Self.money(amount))]))
            }
        }
        h.press(.function(4), .enter, .char("k"), .char("a"))
        let text = h.text
        for figure in ["974,286.00", "808,000.00", "→ 974,286.00", "→ 525,714.00"] {
            #expect(text.contains(figure), "\(figure)\n\(text)")
        }
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.screen().joined(separator: "\n"))")
    }

    @Test func autoPlanPreviewsThenSavesOldestDueFirst() throws {
        var h = try Self.open(.en)
        #expect(h.text.contains("Allocation (核销): C1 重庆山城贸易"))
        #expect(h.text.contains("RCT-2026-000001"))
        #expect(h.text.contains("200.00"))                 // unapplied of the 300.00 receipt
        #expect(h.text.contains("INV-2026-000002") && h.text.contains("INV-2026-000003"))
        h.press(.char("a"))
        #expect(h.text.contains("Preview RCT-2026-000001: INV-2026-000002 50.00, INV-2026-000003 80.00; leaves 70.00 unapplied"))
        // Nothing is written by the preview.
        #expect(try open(h, "INV-2026-000002") == 5_000)
        h.press(.ctrl("s"))
        #expect(try open(h, "INV-2026-000002") == 0)
        #expect(try open(h, "INV-2026-000003") == 0)
        #expect(h.text.contains("Allocated RCT-2026-000001: INV-2026-000002 50.00, INV-2026-000003 80.00; 70.00 left unapplied"))
        let credits = try h.store.unappliedCredits(asOf: CivilDate(iso: "2026-11-29")!)
        #expect(credits.map(\.amount) == [7_000])
        #expect(try h.store.auditLog(filter: AuditLogFilter(command: "allocation.create")).count == 1)
    }

    @Test func partialAmountByHandThenReverseWithReason() throws {
        var h = try Self.open(.zh)
        h.press(.tab, .down)                          // invoices side, INV-3
        h.press(.enter)                               // amount prompt, prefilled with what fits (80.00)
        #expect(h.text.contains("核销 INV-2026-000003 金额：80.00"))
        for _ in 0..<5 { h.press(.backspace) }
        h.type("30"); h.press(.enter)
        #expect(h.text.contains("预览 RCT-2026-000001：INV-2026-000003 30.00；剩余未核销预收 170.00"))
        h.press(.ctrl("s"))
        #expect(try open(h, "INV-2026-000003") == 5_000)
        #expect(try open(h, "INV-2026-000002") == 5_000)
        // More than the invoice's open amount is refused on the prompt, nothing written.
        h.press(.enter)
        for _ in 0..<8 { h.press(.backspace) }
        h.type("60"); h.press(.enter)
        #expect(h.text.contains("超过 INV-2026-000003 的未核销金额"))
        h.press(.escape)
        // Reverse the 30.00 allocation (the newest) with a reason.
        h.press(.tab)
        #expect(h.text.contains("核销记录 (2)"))      // INV-1 100.00 from the receipt, and the 30.00
        h.press(.char("x"))
        h.press(.enter)
        #expect(h.text.contains("必须填写原因"))
        h.type("录错单据"); h.press(.enter)
        #expect(h.text.contains("已反核销：30.00"))
        #expect(try open(h, "INV-2026-000003") == 8_000)
        let reversals = try h.store.auditLog(filter: AuditLogFilter(command: "allocation.reverse"))
        #expect(reversals.count == 1)
        #expect(h.text.contains("核销记录 (1)"))
    }

    @Test func hintsOfferOnlyWorkingKeys() throws {
        var h = try Self.open(.en)
        let hints = { h.screen().last ?? "" }
        #expect(!hints().contains("Save"))            // nothing planned yet
        #expect(hints().contains("a Auto"))
        h.press(.char("a"))
        #expect(hints().contains("^S Save"))
        h.press(.tab, .tab)
        #expect(hints().contains("x Reverse"))
    }
}

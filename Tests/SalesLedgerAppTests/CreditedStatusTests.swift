import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s33: an invoice whose credit notes covered all of it showed `paid` in F4's customer detail and F9 (while F4
/// counted "(0 paid invoices)"), and `fapiao sales` listed it `0.00 not_invoiced`. One status rule now
/// (`InvoiceSettlement`): credited / 已红冲, on both screens, in the F9 filter and in the fapiao status.
@Suite struct CreditedStatusTests {
    /// INV-2026-000001 (1,000.00) credited in full, INV-2026-000002 (200.00) paid by a receipt, INV-2026-000003
    /// (300.00) open and due after today.
    static func seed(_ service: LedgerService) throws {
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Jianghan Tools")))
        let sales: [(String, Int64)] = [("2026-11-01", 100_000), ("2026-11-02", 20_000), ("2026-11-25", 30_000)]
        for (day, amount) in sales {
            var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: day)!, lines: [
                LineInput(description: "Valve", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: amount, currency: .cny))])
            post.creditOverrideReason = "test"
            try service.run(post)
        }
        try service.run(IssueCreditNote(customerCode: "C1", date: CivilDate(iso: "2026-11-05")!,
                                        appliesToNumber: "INV-2026-000001",
                                        amount: Money(minorUnits: 100_000, currency: .cny), reason: "returned"))
        try service.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-11-10")!,
                                      amount: Money(minorUnits: 20_000, currency: .cny),
                                      allocation: .auto))   // INV-2026-000001 is no longer open
    }

    static func line(_ screen: [String], _ number: String) -> String { screen.first { $0.contains(number) } ?? "" }

    @Test(arguments: [Language.en, .zh]) func aFullyCreditedInvoiceIsCreditedEverywhere(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 200, height: 50), seedLedger: Self.seed)
        let s = Strings(language)
        let credited = language == .en ? "credited" : "已红冲", paid = language == .en ? "paid" : "已核销"
        #expect(s.settlementName(.credited) == credited)
        // The rule.
        let today = h.context.today
        let search = { (status: DocumentSearch.Status) in
            try h.store.documents(DocumentSearch(status: status, asOf: today), page: PageRequest(limit: 20))
                .map(\.number)
        }
        #expect(try search(.credited) == ["INV-2026-000001"])
        #expect(try search(.paid) == ["INV-2026-000002"])
        #expect(try search(.open) == ["INV-2026-000003"])
        // F9.
        h.press(.function(9))
        #expect(Self.line(h.screen(), "INV-2026-000001").contains(credited), "\(h.text)")
        #expect(Self.line(h.screen(), "INV-2026-000002").contains(paid), "\(h.text)")
        // F4's customer detail.
        h.press(.function(4), .enter)
        #expect(Self.line(h.screen(), "INV-2026-000001").contains(credited), "\(h.text)")
        #expect(!Self.line(h.screen(), "INV-2026-000001").contains(paid), "\(h.text)")
        #expect(Self.line(h.screen(), "INV-2026-000002").contains(paid), "\(h.text)")
        // The fapiao status: credited, nothing left to invoice (no to-invoice row).
        let positions = try h.store.saleFapiaoPositions(asOf: today, customerCode: "C1")
        let first = try #require(positions.first { $0.number == "INV-2026-000001" })
        #expect(first.status == .credited && first.leftToInvoice == 0)
        #expect(FapiaoStatus.credited.chinese == "已红冲")
        #expect(positions.first { $0.number == "INV-2026-000002" }?.status == .notInvoiced)
    }
}

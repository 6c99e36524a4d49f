import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s15: a fully applied credit note's open amount read "-0.00" on the customer view, and today's sales showed
/// credit notes positive where the customer view showed them negative. One rule (`AppContext.documentMoney`) now.
@Suite struct CreditNoteSignTests {
    @Test func creditNotesAreNegativeAndNeverMinusZero() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Alpha")))
            let invoice = try service.run(PostInvoice(
                customerCode: "C1", date: service.clock.today(),
                lines: [LineInput(description: "goods", quantity: Quantity(1),
                                  unitPrice: Money(minorUnits: 163_878, currency: .cny))]))
            try service.run(IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: service.clock.today(),
                                                reason: "return"))
        }
        #expect(h.context.documentMoney(.creditNote, 0, .cny) == "0.00")
        #expect(h.context.documentMoney(.creditNote, 163_878, .cny) == "-1,638.78")
        h.press(.function(4), .enter)
        let detail = try #require(h.screen().first { $0.contains("CN-") }, "\(h.text)")
        #expect(detail.contains("-1,638.78") && !detail.contains("-0.00"), "\(detail)")
        h.app.show(.salesEntry)
        h.press(.ctrl("l"))
        let today = try #require(h.screen().first { $0.contains("CN-") }, "\(h.text)")
        #expect(today.contains("-1,638.78"), "\(today)")
        // Tryout s30: F9's document list too, at both widths; the applied note's open amount is 0.00.
        for width in [80, 120] {
            h.size = Size(width: width, height: 30)
            h.send(.resize(h.size))
            h.app.show(.documents)
            let row = try #require(h.screen().first { $0.contains("CN-") }, "\(h.text)")
            #expect(row.contains("-1,638.78") && row.contains(" 0.00") && !row.contains("-0.00"), "\(row)")
            let invoice = try #require(h.screen().first { $0.contains("INV-") }, "\(h.text)")
            #expect(invoice.contains(" 1,638.78") && !invoice.contains("-1,638.78"), "\(invoice)")
        }
    }
}

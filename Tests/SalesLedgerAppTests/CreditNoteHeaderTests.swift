import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s35-fix: a credit note has no due date and no payment terms, but its document view and print showed the
/// customer's (到期日, 收款条件): left out now; an invoice keeps both.
@Suite struct CreditNoteHeaderTests {
    @Test(arguments: [Language.en, .zh]) func aCreditNoteShowsNoDueDateOrTerms(language: Language) throws {
        let h = try AppHarness(language: language, size: Size(width: 80, height: 24)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Alpha")))
            let invoice = try service.run(PostInvoice(
                customerCode: "C1", date: service.clock.today(),
                lines: [LineInput(description: "goods", quantity: Quantity(1),
                                  unitPrice: Money(minorUnits: 10_000, currency: .cny))]))
            try service.run(IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: service.clock.today(),
                                                reason: "return"))
        }
        let zh = language == .zh
        let due = zh ? "到期日" : "Due", terms = zh ? "收款条件" : "Terms"
        for (id, isNote) in [(Int64(1), false), (Int64(2), true)] {
            let view = DocumentView(id: id, context: h.context)
            #expect(view.detail?.document.kind == (isNote ? .creditNote : .invoice))
            var buffer = CellBuffer(size: Size(width: 80, height: 24))
            _ = view.render(into: &buffer, in: buffer.bounds, context: h.context, unicode: true)
            let top = buffer.lines.prefix(4).joined(separator: "\n")
            #expect(top.contains(due) != isNote && top.contains(terms) != isNote, "\(top)")
            let detail = try #require(view.detail)
            let printed = DocumentPrint.text(detail, company: "", chinese: zh)
            #expect(printed.contains(due + ":") != isNote && printed.contains(terms + ":") != isNote, "\(printed)")
        }
    }
}

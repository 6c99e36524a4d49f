import Foundation
import Testing
@testable import LedgerCore
import LedgerStore

/// Tryout s31: `credit-note add --applies-to INV --amount 50` was refused with "--customer is required", though the
/// help says the customer is optional with --applies-to. Against an invoice an empty customer code is the invoice's
/// customer (in its currency); a code naming another customer is still refused; without an invoice it is required.
@Suite struct CreditNoteCustomerTests {
    @Test func anEmptyCustomerCodeAgainstAnInvoiceIsTheInvoicesCustomer() throws {
        let store = try SQLiteLedgerStore()
        let today = try #require(CivilDate(iso: "2026-03-10"))
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "t", role: .admin)
        for (code, currency) in [("C1", Currency.cny), ("U1", .usd)] {
            var fields = CustomerFields(code: code, name: code)
            fields.currency = currency
            _ = try service.run(CreateCustomer(fields))
        }
        var post = PostInvoice(customerCode: "U1", date: today, lines: [
            LineInput(description: "x", quantity: Quantity(1), unitPrice: try MoneyParser.parse("80.00", currency: .usd),
                      taxRate: .zero)])
        post.creditOverrideReason = "test"
        let invoice = try service.run(post)
        let fifty = try MoneyParser.parse("50.00", currency: .usd)
        let note = try service.run(IssueCreditNote(customerCode: "", date: today, appliesToNumber: invoice.displayNumber,
                                                   amount: fifty, reason: "price"))
        #expect(note.creditNote.customerID == invoice.customerID)
        #expect(note.creditNote.total == fifty)
        #expect(try store.invoiceDocument(number: invoice.displayNumber).map { $0.total.minorUnits } == 8_000)
        #expect(throws: (any Error).self) {
            try service.run(IssueCreditNote(customerCode: "C1", date: today, appliesToNumber: invoice.displayNumber,
                                            amount: fifty, reason: "price"))
        }
        do {
            _ = try service.run(IssueCreditNote(customerCode: "", date: today, amount: fifty, reason: "price"))
            Issue.record("a standalone credit note without a customer was issued")
        } catch {
            #expect(String(describing: error).contains("a customer is required"))
        }
    }
}

import Testing
import LedgerCore
import LedgerStore

/// s32-fixa (tryout s32, wrong figure): a credit note by line named a line twice and each entry was checked alone
/// against what was left, so `1:3,1:3` on 5 sold credited 6. The posting's rule now refuses a repeated line, and
/// the amount left per line is what earlier notes left.
@Suite struct CreditNoteLineOnceTests {
    // The sale of `DailyWorkTests.ledgerWithSale`: line 1 3 × 100.00 @ 13 % = 300.00 + 39.00, line 2 3 × 33.33
    // @ 6 % = 99.99 + 6.00, line 3 1 × 10.00 @ 13 % = 10.00 + 1.30.
    func sale() throws -> (TestLedger, Invoice) { try DailyWorkTests().ledgerWithSale() }

    func issue(_ ledger: TestLedger, _ invoice: Invoice, _ lines: [CreditLineRequest]) throws -> Invoice {
        try ledger.service.run(IssueLineCreditNote(invoiceNumber: invoice.displayNumber, date: date("2026-11-29"),
                                                   lines: lines, reason: "return")).creditNote
    }

    func refused(_ ledger: TestLedger, _ invoice: Invoice, _ lines: [CreditLineRequest]) -> [FieldIssue] {
        let error = #expect(throws: LedgerError.self) { _ = try issue(ledger, invoice, lines) }
        return error?.fieldIssues ?? []
    }

    static func twice(_ line: Int, _ first: Int, _ second: Int) -> String {
        "line \(line) is named twice (entries \(first) and \(second)): give it once"
    }

    @Test func aLineRepeatedByQuantityIsRefusedAndNothingPosts() throws {
        let (ledger, invoice) = try sale()
        let issues = refused(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(2)),
                                               CreditLineRequest(line: 1, quantity: Quantity(2))])
        #expect(issues == [FieldIssue("lines[2].line", Self.twice(1, 1, 2))])
        #expect(try ledger.store.summary().creditNotes == 0)
    }

    @Test func aLineRepeatedByAmountOrMixedIsRefused() throws {
        let (ledger, invoice) = try sale()
        #expect(refused(ledger, invoice, [CreditLineRequest(line: 3, allowance: cny("6.00")),
                                          CreditLineRequest(line: 2, quantity: Quantity(1)),
                                          CreditLineRequest(line: 3, allowance: cny("6.00"))])
                == [FieldIssue("lines[3].line", Self.twice(3, 1, 3))])
        #expect(refused(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(1)),
                                          CreditLineRequest(line: 1, allowance: cny("50.00"))])
                == [FieldIssue("lines[2].line", Self.twice(1, 1, 2))])
        #expect(try ledger.store.summary().creditNotes == 0)
    }

    @Test func twoNotesOnOneLineShareWhatIsLeft() throws {
        let (ledger, invoice) = try sale()
        let first = try issue(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(2)),
                                                CreditLineRequest(line: 3, allowance: cny("6.00"))])
        #expect(first.subtotal == cny("206.00") && first.taxTotal == cny("26.78"))
        #expect(refused(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(2))])
                == [FieldIssue("lines[1].quantity", "line 1: 2 is more than the 1 left to credit")])
        #expect(refused(ledger, invoice, [CreditLineRequest(line: 3, allowance: cny("6.00"))])
                == [FieldIssue("lines[1].allowance", "line 3: 6.00 is more than the 4.00 left to credit")])
        let rest = try issue(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(1)),
                                               CreditLineRequest(line: 3, allowance: cny("4.00"))])
        // The last chair and the last 4.00 of line 3 take exactly what is left: 100.00 + 13.00, 4.00 + 0.52.
        #expect(rest.subtotal == cny("104.00") && rest.taxTotal == cny("13.52"))
        #expect(first.subtotal.minorUnits + rest.subtotal.minorUnits == 31_000)
        #expect(first.taxTotal.minorUnits + rest.taxTotal.minorUnits == 3_900 + 130)
    }

    @Test func allAfterARefusedOverCreditCreditsExactlyTheInvoice() throws {
        let (ledger, invoice) = try sale()
        _ = refused(ledger, invoice, [CreditLineRequest(line: 1, quantity: Quantity(3)),
                                      CreditLineRequest(line: 1, quantity: Quantity(3))])
        let all = try issue(ledger, invoice, [])
        #expect(all.subtotal == invoice.subtotal && all.taxTotal == invoice.taxTotal)
        #expect(all.subtotal == cny("409.99") && all.taxTotal == cny("46.30"))
        let again = refused(ledger, invoice, [])
        #expect(again == [FieldIssue("appliesTo", "\(invoice.displayNumber) is already fully credited")])
    }
}

import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// s32-fixa: a ledger over-credited before the fix (tryout s32: `1:3,1:3` on 5 sold credited 6) is a finding of
/// `audit check` naming the invoice, the line and the notes; a credit by line with nothing named ("all") leaves
/// that line alone.
@Suite struct OverCreditAuditTests {
    /// Line 1: 5 × 87.60 @ 13 % = 438.00 + 56.94; line 2: 1 × 100.00 @ 6 % = 100.00 + 6.00. Notes of 3 and 2 of
    /// line 1, the second planted to 3 (262.80 + 34.16, as `1:3` twice gave).
    static func overCredited() throws -> (AuditTestLedger, Invoice, [Invoice]) {
        let l = try AuditTestLedger()
        try l.customer("A")
        var post = PostInvoice(customerCode: "A", date: day("2026-09-10"), lines: [
            LineInput(description: "chair", quantity: Quantity(5), unitPrice: cny("87.60"),
                      taxRate: Rate(basisPoints: 1300)),
            LineInput(description: "install", quantity: Quantity(1), unitPrice: cny("100.00"),
                      taxRate: Rate(basisPoints: 600)),
        ])
        post.creditOverrideReason = "test"
        let invoice = try l.service("2026-09-10").run(post)
        let notes = try [3, 2].map { quantity in
            try l.service("2026-09-20", actor: "manager1").run(IssueLineCreditNote(
                invoiceNumber: invoice.displayNumber, date: day("2026-09-20"),
                lines: [CreditLineRequest(line: 1, quantity: Quantity(quantity))], reason: "return")).creditNote
        }
        try l.corrupt("""
            DROP TRIGGER document_posted_frozen;
            UPDATE document_line SET quantity_milli = 3000, net_amount = 26280, tax_amount = 3416
                WHERE document_id = \(notes[1].id);
            UPDATE document SET subtotal = 26280, tax_total = 3416, total = 29696 WHERE id = \(notes[1].id);
            """)
        return (l, invoice, notes)
    }

    @Test(arguments: AuditLanguage.allCases) func anOverCreditedLineIsAFinding(language: AuditLanguage) throws {
        let (l, invoice, notes) = try Self.overCredited()
        let run = try l.audit(from: "2026-08-01", to: "2026-10-31", language: language)
        let check = try #require(run.checks.first { $0.id == "consistency.credits" })
        let numbers = notes.map(\.displayNumber)
        #expect(check.findings.map(\.documents) == [[invoice.displayNumber] + numbers])
        #expect(check.findings.map(\.customer) == ["A"])
        #expect(check.findings.map(\.amount) == ["593.92 CNY"])       // 525.60 + 68.32
        #expect(check.findings.map(\.message) == [language == .zh
            ? "第 1 行红字冲销数量 6，销售仅 5；不含税金额 525.60，销售仅 438.00；税额 68.32，销售仅 56.94"
                + "（\(numbers.joined(separator: ", "))）"
            : "line 1 credited quantity 6 of 5 sold, net 525.60 of 438.00, tax 68.32 of 56.94 by "
                + numbers.joined(separator: ", ")])
    }

    @Test func allCreditsTheOtherLinesOnly() throws {
        let (l, invoice, _) = try Self.overCredited()
        let all = try l.service("2026-09-25", actor: "manager1").run(IssueLineCreditNote(
            invoiceNumber: invoice.displayNumber, date: day("2026-09-25"), reason: "all")).creditNote
        #expect(all.lines.map(\.creditsLine) == [2])
        #expect(all.subtotal == cny("100.00") && all.taxTotal == cny("6.00"))
    }

    @Test func aLedgerCreditedWithinItsLinesHasNoFinding() throws {
        let l = try AuditTestLedger()
        try l.customer("A")
        let invoice = try l.invoice("A", "2026-09-10", "606.26")
        try l.service("2026-09-20", actor: "manager1").run(IssueLineCreditNote(
            invoiceNumber: invoice.displayNumber, date: day("2026-09-20"), reason: "all"))
        let run = try l.audit(from: "2026-08-01", to: "2026-10-31")
        #expect(run.checks.first { $0.id == "consistency.credits" }?.findings == [])
    }
}

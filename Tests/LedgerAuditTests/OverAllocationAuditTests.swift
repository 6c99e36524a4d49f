import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// s31-conc (issue 9): an allocation planted outside the commands that over-applies an invoice and its receipt is a
/// finding of `audit check` naming the invoice, the receipt and the amounts — not a storage error that stops the
/// run — while an ordinary report (aging) still refuses, naming table, row and column.
@Suite struct OverAllocationAuditTests {
    @Test func aPlantedOverAllocationIsReportedNotAStop() throws {
        let l = try AuditTestLedger()
        try l.customer("A")
        let invoice = try l.invoice("A", "2026-09-10", "606.26")
        let receipt = try l.receipt("A", "2026-09-20", "100.00")  // applied in full to the invoice
        try l.corrupt("""
            INSERT INTO allocation (invoice_id, source, source_id, date, amount, currency, note)
                VALUES (\(invoice.id), 'receipt', \(receipt.receipt.id), '2026-09-25', 70000, 'CNY', 'planted');
            """)
        let run = try l.audit(from: "2026-08-01", to: "2026-10-31")
        let allocations = try #require(run.checks.first { $0.id == "consistency.allocations" })
        let messages = allocations.findings.map { "\($0.documents): \($0.message)" }
        #expect(messages == [
            "[\"\(invoice.displayNumber)\"]: allocated 800.00 to an invoice of 606.26",
            "[\"\(receipt.receipt.displayNumber)\"]: allocated 800.00 from a receipt of 100.00",
        ], "\(messages)")
        let readable = try #require(run.checks.first { $0.id == "consistency.readable" })
        #expect(readable.findings.map(\.key) == ["consistency.readable:consistency.tie-out"])
        #expect(readable.findings.first?.message == "check consistency.tie-out could not be completed: table receipt, "
                + "row \(receipt.receipt.id), column amount: over-allocated, unapplied -70000")
        #expect(run.checks.contains { $0.id == "dates.backdated" }, "the checks after the stopped one ran")
        // Ordinary reads stay truthful: the unapplied credits refuse, naming table, row and column.
        #expect {
            _ = try l.store.unappliedCredits(asOf: day("2026-10-31"), customerID: nil)
        } throws: { error in
            "\(error)" == "storage error: table receipt, row \(receipt.receipt.id), column amount: over-allocated, "
                + "unapplied -70000"
        }
    }

    @Test func aStorageErrorThatIsNotARefusedValueStillStops() {
        #expect(!RefusedReads.isRefusedValue("the disk is full; nothing was written (ledger)"))
        #expect(RefusedReads.isRefusedValue("table receipt, row 2, column amount: over-allocated, unapplied -1"))
    }
}

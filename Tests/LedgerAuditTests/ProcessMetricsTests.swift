import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore
import Testing

/// Process metrics against values computed by hand on a small fixed ledger (September 2026).
@Suite struct ProcessMetricsTests {
    static func ledger() throws -> AuditTestLedger {
        let l = try AuditTestLedger()
        try l.customer("A")
        try l.customer("B")
        try l.customer("C", limit: "100.00")
        let i1 = try l.invoice("A", "2026-09-01", "100.00")
        _ = i1
        try l.invoice("A", "2026-09-02", "200.00")
        try l.invoice("B", "2026-09-03", "300.00", actor: "clerk2")
        let i4 = try l.invoice("B", "2026-09-03", "40.00", actor: "clerk2")
        // A promises on 09-04 to pay by 09-06 and pays 50 on 09-05 (left unapplied until 09-09).
        try l.service("2026-09-04").run(
            LogContact(
                customerCode: "A", date: day("2026-09-04"), who: "clerk1", channel: .phone,
                note: "call", promisedDate: day("2026-09-06")))
        var r2 = RecordReceipt(customerCode: "A", date: day("2026-09-05"), amount: cny("50.00"), allocation: .none)
        r2.method = .bankTransfer
        let receipt2 = try l.service("2026-09-05", actor: "clerk2").run(r2)
        try l.service("2026-09-09", actor: "clerk2").run(AllocateCredit(number: receipt2.receipt.displayNumber))
        // B promises on 09-10 to pay by 09-20 and does not.
        try l.service("2026-09-10").run(
            LogContact(
                customerCode: "B", date: day("2026-09-10"), who: "clerk2", channel: .email,
                note: "mail", promisedDate: day("2026-09-20")))
        // Receipt for the rest of A's invoices on 09-11, allocated at once (oldest first: I1 100, I2 100).
        try l.service("2026-09-11", actor: "clerk2").run(
            RecordReceipt(customerCode: "A", date: day("2026-09-11"), amount: cny("200.00")))
        try l.service("2026-09-15", actor: "clerk1").run(
            IssueCreditNote(
                customerCode: "A", date: day("2026-09-15"),
                amount: cny("10.00"), reason: "discount"))
        try l.service("2026-09-16", actor: "boss").run(VoidInvoice(number: i4.displayNumber, reason: "duplicate"))
        try l.invoice("C", "2026-09-17", "150.00", override: "approved by phone")
        try l.invoice("A", "2026-09-18", "12.00", draft: true)
        return l
    }

    func values(_ metrics: [ProcessMetric]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: metrics.map { ($0.id, $0.value == nil ? "n/a" : $0.text) })
    }

    @Test func wholePeriodMatchesHandComputedValues() throws {
        let l = try Self.ledger()
        let m = values(try ProcessMetrics.compute(l.store, from: day("2026-09-01"), to: day("2026-09-30")))
        // I1: first receipt 09-11 (10 days); I2: 09-05 (3 days) → 6.5.
        #expect(m["invoice-to-first-receipt"] == "6.5")
        // R2 (09-05) allocated on 09-09: 4 days; R1 (09-11) two allocations at once: 0, 0 → 4 / 3 = 1.3.
        #expect(m["receipt-to-allocation"] == "1.3")
        #expect(m["promises-kept"] == "50.0")
        #expect(m["reminders-paid-14d"] == "50.0")
        // 5 invoices dated in September (the void one included); 1 void + 1 credit note → 40 per 100.
        #expect(m["voids-credits-per-100"] == "40.0")
        #expect(m["credit-overrides"] == "1")
        // 8 documents over 7 (clerk, day) pairs (clerk2 entered two on 09-03) → 1.1.
        #expect(m["documents-per-clerk-day"] == "1.1")
        #expect(m["drafts-abandoned"] == "1")
    }

    @Test func byUserAndBeforeAfterAChange() throws {
        let l = try Self.ledger()
        #expect(
            try ProcessMetrics.users(l.store, from: day("2026-09-01"), to: day("2026-09-30"))
                == ["boss", "clerk1", "clerk2"])
        let clerk1 = values(
            try ProcessMetrics.compute(l.store, from: day("2026-09-01"), to: day("2026-09-30"), user: "clerk1"))
        #expect(clerk1["invoice-to-first-receipt"] == "6.5")
        #expect(clerk1["receipt-to-allocation"] == "n/a")
        #expect(clerk1["voids-credits-per-100"] == "33.3")
        #expect(clerk1["documents-per-clerk-day"] == "1.0")
        #expect(clerk1["promises-kept"] == "100.0")
        let before = values(try ProcessMetrics.compute(l.store, from: day("2026-09-01"), to: day("2026-09-09")))
        let after = values(try ProcessMetrics.compute(l.store, from: day("2026-09-10"), to: day("2026-09-30")))
        #expect(before["voids-credits-per-100"] == "25.0")
        #expect(after["voids-credits-per-100"] == "100.0")
        #expect(before["credit-overrides"] == "0" && after["credit-overrides"] == "1")
    }
}

import Foundation
import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Issue 14's done-when: a ledger seeded with exactly one instance of each problem is reported once per check;
/// a clean generated ledger has no findings; genuine identical sales are not flagged.
@Suite struct AuditCheckTests {
    /// The period audited: 2026-08-01 … 2026-10-31, today 2026-11-27.
    static func seededLedger() throws -> AuditTestLedger {
        let l = try AuditTestLedger()
        for code in ["A", "B", "C", "D", "F", "G", "J", "K", "L", "O", "P", "Q", "Q2", "R", "S", "T", "V", "W", "X"] {
            try l.customer(code, limit: code == "B" ? "1000.00" : nil)
        }
        // Prior period: fast payer (DSO rises against it), and G's opening balance (grows > 50 %).
        try l.invoice("P", "2026-06-01", "10000.13")
        try l.receipt("P", "2026-06-05", "9000.00")
        try l.invoice("G", "2026-07-15", "1000.19")
        try l.invoice("G", "2026-09-15", "2000.23")
        // Ordinary sales.
        try l.invoice("A", "2026-08-03", "1234.56")
        try l.invoice("A", "2026-09-16", "2345.67")
        // Weekend posting (Saturday 2026-08-01).
        try l.invoice("S", "2026-08-01", "321.45")
        // Round number.
        try l.invoice("O", "2026-09-17", "5000.00")
        // Backdated: dated 09-01, posted 09-21.
        try l.invoice("A", "2026-09-01", "876.54", postedOn: "2026-09-21")
        // Future-dated: dated 10-09, posted 10-05.
        try l.invoice("F", "2026-10-09", "765.43", postedOn: "2026-10-05")
        // Possible duplicate; and genuine identical sales with their own delivery notes.
        try l.invoice("Q", "2026-09-08", "456.78")
        try l.invoice("Q", "2026-09-08", "456.78")
        try l.invoice("Q2", "2026-09-09", "321.09", reference: "DN-1")
        try l.invoice("Q2", "2026-09-09", "321.09", reference: "DN-2")
        // Receipts with the same bank reference.
        try l.invoice("R", "2026-08-05", "400.67")
        try l.receipt("R", "2026-08-20", "150.00", reference: "TX-001")
        try l.receipt("R", "2026-08-25", "150.00", reference: "TX-001")
        // Credit balance.
        try l.invoice("C", "2026-08-20", "100.53")
        try l.receipt("C", "2026-08-25", "150.00")
        // Credit-hold override (manager) and a customer over the limit.
        try l.invoice("B", "2026-09-02", "800.41")
        try l.invoice("B", "2026-09-03", "500.47", actor: "manager1", override: "big order, approved")
        // Void (info), write-off (review).
        let void = try l.invoice("V", "2026-08-10", "99.99")
        try l.service("2026-08-11", actor: "manager1").run(
            VoidInvoice(number: void.displayNumber, reason: "wrong customer"))
        let bad = try l.invoice("W", "2026-08-05", "700.13")
        try l.service("2026-09-30", actor: "manager1").run(
            WriteOffInvoice(
                number: bad.displayNumber, reason: "bankrupt",
                date: day("2026-09-30")))
        // A dispute open since 09-10 (51 days at period end); a draft from 09-15.
        let disputed = try l.invoice("D", "2026-09-10", "600.59")
        try l.service("2026-09-10").run(
            SetDispute(number: disputed.displayNumber, isDisputed: true, reason: "short delivery"))
        try l.invoice("X", "2026-09-15", "210.71", draft: true)
        // Cut-off: a credit note after the period end for a sale before it.
        let late = try l.invoice("L", "2026-10-15", "400.61")
        let lateNote = try l.service("2026-11-03", actor: "manager1").run(
            IssueCreditNote(
                customerCode: "L", date: day("2026-11-03"), appliesToNumber: late.displayNumber, amount: cny("40.00"),
                reason: "return"))
        // Corruption the ledger refuses, by raw SQL: a line that no longer sums, an allocation beyond its invoice
        // (dated after the period end), a credit note crediting 2 of a line that sold 1 (L's), an allocation from a
        // receipt that does not exist (breaks the tie-out), a skipped receipt number, a duplicated invoice number, an
        // edited audit entry.
        let totals = try l.invoice("T", "2026-08-10", "1111.11")
        let over = try l.invoice("J", "2026-08-10", "500.29")
        let tie = try l.invoice("K", "2026-08-10", "1000.37")
        try l.corrupt(
            """
            UPDATE document_line SET net_amount = net_amount + 1 WHERE document_id = \(totals.id);
            UPDATE document_line SET credits_line_no = 1, quantity_milli = 2000
                WHERE document_id = \(lateNote.creditNote.id);
            INSERT INTO allocation (invoice_id, source, source_id, date, amount, currency, note)
                VALUES (\(over.id), 'write_off', NULL, '2026-11-20', 60000, 'CNY', 'seeded');
            INSERT INTO allocation (invoice_id, source, source_id, date, amount, currency, note)
                VALUES (\(tie.id), 'receipt', 999, '2026-10-20', 1000, 'CNY', 'seeded');
            UPDATE number_series SET last_number = last_number + 1 WHERE series = 'RCT' AND year = 2026;
            DROP INDEX document_number; DROP INDEX document_display_number;
            INSERT INTO document (kind, series, number_year, number, display_number, date, due_date, customer_id,
                channel, region, currency, payment_terms, status, subtotal, tax_total, total)
                SELECT kind, series, number_year, number, display_number, '2026-10-31', due_date, customer_id, channel,
                       region, currency, payment_terms, 'draft', 0, 0, 0 FROM document WHERE id = \(tie.id);
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET outcome = 'edited' WHERE seq = 3;
            UPDATE customer_balance SET unapplied_credits = unapplied_credits + 1
                WHERE customer_id = (SELECT MIN(customer_id) FROM customer_balance);
            """)
        return l
    }

    static let expected: [String: Int] = [
        "consistency.totals": 1, "consistency.allocations": 1, "consistency.credits": 1, "consistency.tie-out": 1,
        "consistency.chain": 1,
        "consistency.maintained-balances": 1,
        "numbering.gaps": 1, "numbering.duplicates": 1, "numbering.voids": 1,
        "duplicates.invoices": 1, "duplicates.receipts": 1,
        "dates.backdated": 1, "dates.future": 1, "dates.cutoff-window": 1, "dates.cutoff-credit-notes": 1,
        "balances.credit": 1,
        "control.credit-overrides": 1, "control.voids-credits-per-user": 1, "control.write-offs": 1,
        "control.disputes": 1, "control.drafts": 1, "control.over-limit": 1,
        "analytical.dso": 1, "analytical.balance-growth": 1, "analytical.round-numbers": 1, "analytical.weekend": 1,
    ]

    @Test func eachSeededProblemIsReportedExactlyOnce() throws {
        let run = try Self.seededLedger().audit(from: "2026-08-01", to: "2026-10-31")
        var counts: [String: Int] = [:]
        for check in run.checks { counts[check.id] = check.findings.count }
        #expect(
            counts == Self.expected,
            "\(run.checks.filter { !$0.findings.isEmpty }.map { "\($0.id): \($0.findings.map(\.message))" })")
        func only(_ id: String) -> AuditFinding? { run.checks.first { $0.id == id }?.findings.first }
        #expect(only("numbering.gaps")?.documents == ["RCT-2026-000005"])
        #expect(only("duplicates.invoices")?.documents.count == 2)
        #expect(only("duplicates.invoices")?.customer == "Q")
        #expect(only("duplicates.receipts")?.customer == "R")
        #expect(only("balances.credit")?.amount == "49.47 CNY")
        #expect(only("control.over-limit")?.amount == "1300.88 CNY")
        #expect(only("consistency.tie-out")?.amount == "-10.00 CNY")
        #expect(only("consistency.maintained-balances")?.message == "A CNY: unapplied_credits stored 1, recomputed 0")
        #expect(only("dates.backdated")?.message.contains("20 days later") == true)
        #expect(only("control.disputes")?.message.contains("51 days") == true)
        #expect(only("analytical.round-numbers")?.customer == "O")
        #expect(only("analytical.weekend")?.message.contains("2026-08-01") == true)
        #expect(only("consistency.credits")?.message == "line 1 credited quantity 2 of 1 sold by CN-2026-000001")
        #expect(run.findings.count == 19, "the 7 info observations are not findings")
    }

    @Test func genuineIdenticalSalesAreNotFlagged() throws {
        let run = try Self.seededLedger().audit(from: "2026-08-01", to: "2026-10-31")
        let flagged = run.allFindings.filter { $0.customer == "Q2" }
        #expect(flagged.isEmpty, "\(flagged)")
    }

    @Test func cleanGeneratedLedgerHasNoFindings() throws {
        let l = try AuditTestLedger()
        let today = day("2026-11-27")
        let generator = SampleGenerator(language: .zh, customers: 40, invoices: 600, seed: 3, today: today, cities: [])
        _ = try l.service("2026-11-27", actor: "loader").runBatch { try generator.load(into: $0) }
        let (from, to) = AuditParameters.defaultPeriod(today: today)
        let run = try l.audit(from: from.description, to: to.description)
        #expect(run.findings.isEmpty, "\(run.findings.map { "\($0.check): \($0.message)" })")
        #expect(run.sample.count == 10)
    }

    @Test func vouchingSampleIsReproducibleFromItsSeed() {
        let population = (1...50).map { "INV-2026-\($0)" }
        let a = VouchingSample.draw(population: population, size: 5, seed: 42)
        #expect(a == VouchingSample.draw(population: population, size: 5, seed: 42))
        #expect(a != VouchingSample.draw(population: population, size: 5, seed: 43))
        #expect(Set(a).count == 5)
    }
}

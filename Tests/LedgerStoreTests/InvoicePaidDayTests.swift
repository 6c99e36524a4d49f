import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerStore

/// s17-pay (issue 10): `invoice_settled.paid_day` — the day of the allocation that settled an invoice, when a
/// receipt — with its customer and due day, maintained by every command, checked by the maintained-balances check,
/// back-filled by the migration, and read by `report payment-days` (as of any date) with the figures of the
/// in-memory settlement rule (`ReceivablesSnapshot.settlement(of:asOf:)`).
@Suite struct InvoicePaidDayTests {
    /// (number, paid day, settled day, due day) of every row of `invoice_settled`, by id.
    static func rows(_ path: String) throws -> [String] {
        let db = try DatabaseQueue(path: path)
        defer { try? db.close() }
        return try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.display_number, s.paid_day, s.settled_day, s.due_day, s.customer_id = d.customer_id AS same
                FROM invoice_settled s JOIN document d ON d.id = s.id ORDER BY s.id
                """).map { row in
                let paid = (row[1] as Int?).map(String.init) ?? "nil"
                let settled = (row[2] as Int?).map(String.init) ?? "nil"
                return "\(row[0] as String) paid \(paid) settled \(settled) due \(row[3] as Int) \(row[4] as Bool)"
            }
        }
    }

    static func julian(_ text: String) throws -> Int { try day(text).daysSinceEpoch + 2_440_587 }

    @Test func paidDayFollowsReceiptsCreditsReversalsAndWriteOffs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paid-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        var store = try SQLiteLedgerStore(path: path)
        func service(_ today: String) throws -> LedgerService {
            LedgerService(store: store, clock: FixedClock(try day(today)), actor: "t", role: .admin)
        }
        func invoice(_ date: String, _ amount: String) throws -> Invoice {
            var post = PostInvoice(customerCode: "P1", date: try day(date), lines: [
                LineInput(description: "x", quantity: Quantity(1), unitPrice: try money(amount)),
            ])
            post.creditOverrideReason = "test"
            return try service(date).run(post)
        }
        func receipt(_ date: String, _ amount: String, _ number: String) throws -> [Int64] {
            try service(date).run(RecordReceipt(
                customerCode: "P1", date: try day(date), amount: try money(amount),
                allocation: .manual([ManualAllocation(invoiceNumber: number, amount: try money(amount))])))
                .allocation.allocations.map(\.id)
        }
        try service("2026-01-01").run(CreateCustomer(CustomerFields(code: "P1", name: "Paid Co")))
        let a = try invoice("2026-01-05", "100.00"), b = try invoice("2026-01-10", "200.00")
        let c = try invoice("2026-01-15", "300.00"), d = try invoice("2026-01-20", "80.00")
        _ = try invoice("2026-01-25", "90.00")
        _ = try receipt("2026-01-20", "100.00", a.displayNumber)
        _ = try receipt("2026-02-01", "50.00", b.displayNumber)
        _ = try service("2026-02-05").run(IssueCreditNote(customerCode: "P1", date: try day("2026-02-05"),
                                                          appliesToNumber: b.displayNumber,
                                                          amount: try money("150.00"), reason: "return"))
        let first = try receipt("2026-02-10", "300.00", c.displayNumber)
        _ = try service("2026-02-20").run(ReverseAllocation(allocationID: try #require(first.first), reason: "bounced"))
        _ = try receipt("2026-03-01", "300.00", c.displayNumber)
        _ = try service("2026-03-05").run(WriteOffInvoice(number: d.displayNumber, reason: "gone"))
        // a: by receipt on 01-20; b: by the credit note (no paid day); c: its second receipt, 03-01 (the first was
        // reversed); d: written off; the last invoice is open.
        func row(_ invoice: Invoice, paid: String?, settled: String) throws -> String {
            let due = try Self.julian(invoice.dueDate.description)
            return "\(invoice.displayNumber) paid \(try paid.map(Self.julian).map(String.init) ?? "nil") "
                + "settled \(try Self.julian(settled)) due \(due) true"
        }
        let expected = [try row(a, paid: "2026-01-20", settled: "2026-01-20"),
                        try row(b, paid: nil, settled: "2026-02-05"),
                        try row(c, paid: "2026-03-01", settled: "2026-03-01"),
                        try row(d, paid: nil, settled: "2026-03-05")]
        let maintained = try Self.rows(path)
        #expect(Array(maintained.prefix(4)) == expected)
        #expect(maintained.last?.contains("paid nil settled nil") == true)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        try Self.expectReportEqualsReference(store)

        // A wrong stored value is named by the check.
        let raw = try DatabaseQueue(path: path)
        let shift = "UPDATE invoice_settled SET paid_day = paid_day + ? WHERE id = ?"
        try raw.write { try $0.execute(sql: shift, arguments: [1, a.id]) }
        #expect(try store.recomputeMaintainedBalances().map(\.field) == ["invoice_paid_day"])
        try raw.write { try $0.execute(sql: shift, arguments: [-1, a.id]) }

        // A ledger from before the columns: the migration back-fills the same values (and the triggers go on).
        try raw.write { db in
            for name in ["insert", "delete", "update", "document_date", "allocation_moved"] {
                try db.execute(sql: "DROP TRIGGER invoice_settled_\(name)")
            }
            try db.execute(sql: """
                ALTER TABLE invoice_settled DROP COLUMN paid_day; ALTER TABLE invoice_settled DROP COLUMN due_day;
                ALTER TABLE invoice_settled DROP COLUMN customer_id;
                DELETE FROM grdb_migrations WHERE identifier = 's17-invoice-paid';
                """)
        }
        try raw.close()
        store = try SQLiteLedgerStore(path: path)
        #expect(try Self.rows(path) == maintained)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let open = try #require(maintained.last?.split(separator: " ").first.map(String.init))
        _ = try receipt("2026-03-10", "90.00", open)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        try Self.expectReportEqualsReference(store)
    }

    /// Payment days as of every day of the ledger's span (and all) equal the in-memory rule, all customers and one.
    static func expectReportEqualsReference(_ store: SQLiteLedgerStore) throws {
        let snapshot = try store.receivablesSnapshot(customerID: nil)
        let start = try day("2026-01-01")
        for asOf in [nil] + (0...80).map({ start.adding(days: $0) }) {
            let expected = ReceivablesFigures.paymentBehaviour(snapshot: snapshot, asOf: asOf)
            #expect(try store.paymentBehaviour(asOf: asOf, customerID: nil) == expected,
                    "as of \(String(describing: asOf))")
            for row in expected {
                #expect(try store.paymentBehaviour(asOf: asOf, customerID: row.customerID) == [row])
            }
        }
    }
}

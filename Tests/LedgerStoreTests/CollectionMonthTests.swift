import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerStore

/// s19-coll (issue 10): `collection_month`, the collections report's maintained rows — kept by every command
/// (partial receipts, credit notes, write-offs, reversals, voids, two currencies), checked by the maintained-balances
/// check, back-filled by the migration — read by `collectionMonths` with the figures of the in-memory rule.
@Suite struct CollectionMonthTests {
    @Test func maintainedRowsFollowCommandsAndEqualTheReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coll-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        var store = try SQLiteLedgerStore(path: path)
        var today = try day("2026-01-01")
        func run<C: LedgerCommand>(_ date: String, _ command: C) throws -> C.Outcome {
            today = try day(date)
            return try LedgerService(store: store, clock: FixedClock(today), actor: "t", role: .admin).run(command)
        }
        func customer(_ code: String, _ currency: Currency) throws {
            var fields = CustomerFields(code: code, name: code)
            fields.currency = currency
            _ = try run("2026-01-01", CreateCustomer(fields))
        }
        func invoice(_ code: String, _ date: String, _ due: String, _ amount: String,
                     _ currency: Currency = .cny) throws -> Invoice {
            var post = PostInvoice(customerCode: code, date: try day(date), lines: [
                LineInput(description: "x", quantity: Quantity(1), unitPrice: try money(amount, currency)),
            ])
            post.dueDate = try day(due)
            post.creditOverrideReason = "test"
            return try run(date, post)
        }
        func receipt(_ code: String, _ date: String, _ amount: String, _ parts: [(String, String)],
                     _ currency: Currency = .cny) throws -> [Int64] {
            try run(date, RecordReceipt(customerCode: code, date: try day(date), amount: try money(amount, currency),
                                        allocation: try plan(parts, currency))).allocation.allocations.map(\.id)
        }
        try customer("C1", .cny)
        try customer("U1", .usd)
        let a = try invoice("C1", "2026-01-05", "2026-01-31", "100.00")
        let b = try invoice("C1", "2026-01-10", "2026-02-09", "200.00")
        let c = try invoice("C1", "2026-01-15", "2026-02-14", "300.00")
        let d = try invoice("C1", "2026-01-20", "2026-02-19", "80.00")
        let v = try invoice("C1", "2026-01-21", "2026-02-20", "55.00")
        let u = try invoice("U1", "2026-01-12", "2026-02-11", "40.00", .usd)
        // a: 60 in its due month, 40 after it; b: 50 by receipt and 150 by credit note, both in February.
        _ = try receipt("C1", "2026-01-20", "60.00", [(a.displayNumber, "60.00")])
        _ = try receipt("C1", "2026-02-03", "40.00", [(a.displayNumber, "40.00")])
        _ = try receipt("C1", "2026-02-05", "50.00", [(b.displayNumber, "50.00")])
        _ = try run("2026-02-06", IssueCreditNote(customerCode: "C1", date: try day("2026-02-06"),
                                                  appliesToNumber: b.displayNumber, amount: try money("150.00"),
                                                  reason: "return"))
        // c: 300 received, reversed (bounced), received again in March; d written off in February.
        let first = try receipt("C1", "2026-02-10", "300.00", [(c.displayNumber, "300.00")])
        _ = try run("2026-02-12", ReverseAllocation(allocationID: try #require(first.first), reason: "bounced"))
        _ = try receipt("C1", "2026-03-01", "300.00", [(c.displayNumber, "300.00")])
        _ = try run("2026-02-25", WriteOffInvoice(number: d.displayNumber, reason: "gone"))
        // v: paid, reversed and voided — it leaves every figure but its receipt.
        let paid = try receipt("C1", "2026-02-15", "55.00", [(v.displayNumber, "55.00")])
        _ = try run("2026-02-16", ReverseAllocation(allocationID: try #require(paid.first), reason: "wrong"))
        _ = try run("2026-02-17", VoidInvoice(number: v.displayNumber, reason: "duplicate"))
        _ = try receipt("U1", "2026-02-11", "15.00", [(u.displayNumber, "15.00")], .usd)

        // Written out by hand: January's due is a (100, 60 of it by the 31st); February's CNY due is b, c, d
        // (580): b's 200, c's 300 − 300 reversed, d's write-off not counted; receipts 40 + 50 + 300 + 55.
        let jan = try day("2026-01-01"), mar = try day("2026-03-31")
        let expected = [
            CollectionMonth(month: "2026-01", currency: .cny, due: 10_000, collected: 6_000, settledOfDue: 6_000),
            CollectionMonth(month: "2026-02", currency: .cny, due: 58_000, collected: 44_500, settledOfDue: 20_000),
            CollectionMonth(month: "2026-02", currency: .usd, due: 4_000, collected: 1_500, settledOfDue: 1_500),
            CollectionMonth(month: "2026-03", currency: .cny, due: 0, collected: 30_000, settledOfDue: 0),
        ]
        #expect(try store.collectionMonths(from: jan, to: mar) == expected)
        try Self.expectEqualsReference(store)
        #expect(try store.recomputeMaintainedBalances().isEmpty)

        // A wrong stored value is named by the check.
        let raw = try DatabaseQueue(path: path)
        let shift = "UPDATE collection_month SET settled = settled + ? WHERE month = '2026-02' AND currency = 'USD'"
        try raw.write { try $0.execute(sql: shift, arguments: [1]) }
        #expect(try store.recomputeMaintainedBalances().map(\.field) == ["collection_month_settled"])
        try raw.write { try $0.execute(sql: shift, arguments: [-1]) }

        // A ledger from before the table: the migration back-fills the same rows, and the triggers go on.
        let before = try Self.rows(raw)
        try raw.write { db in
            try db.execute(sql: "DROP TABLE collection_month; "
                           + "DELETE FROM grdb_migrations WHERE identifier = 's19-collection-month'")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                + "AND name LIKE 'collection_month_%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
        }
        store = try SQLiteLedgerStore(path: path)
        #expect(try Self.rows(raw) == before)
        _ = try receipt("U1", "2026-02-28", "25.00", [(u.displayNumber, "25.00")], .usd)
        #expect(try store.collectionMonths(from: jan, to: mar)[2].settledOfDue == 4_000)
        try Self.expectEqualsReference(store)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        try raw.close()
    }

    static func rows(_ db: DatabaseQueue) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM collection_month ORDER BY month, currency").map { "\($0)" }
        }
    }

    /// Every range of months over the ledger's span equals the in-memory rule.
    static func expectEqualsReference(_ store: SQLiteLedgerStore) throws {
        let snapshot = try store.receivablesSnapshot(customerID: nil)
        let start = try day("2025-12-01")
        for from in (0...5).map({ start.adding(months: $0) }) {
            for to in (0...5).map({ start.adding(months: $0).adding(days: 9) }) where to >= from {
                #expect(try store.collectionMonths(from: from, to: to)
                        == ReceivablesFigures.collections(from: from, to: to, snapshot: snapshot), "\(from)…\(to)")
            }
        }
    }
}

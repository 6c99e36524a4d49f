import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerStore

/// Issue 9: reads never invent a value. A bad stored value is an error naming the table, the row id and the
/// column (it used to become 1970-01-01, CNY-like defaults or "posted"); a report reads one snapshot.
@Suite struct TruthfulReadTests {
    /// A ledger file with one customer and one posted invoice of 100.00, plus a raw GRDB connection to damage it.
    static func ledger() throws -> (SQLiteLedgerStore, DatabaseQueue, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("truthful-\(UUID().uuidString)").path
        let path = folder + "/ledger.sqlite"
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin)
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Test Co")))
        var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-01")!,
                               lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: Money(minorUnits: 10_000, currency: .cny))])
        post.creditOverrideReason = "test"
        try service.run(post)
        return (store, try DatabaseQueue(path: path), folder)
    }

    func message(_ body: () throws -> Void) -> String {
        do { try body(); return "no error" } catch { return "\(error)" }
    }

    @Test func badStoredDateNamesTableRowAndColumn() throws {
        let (store, raw, folder) = try Self.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try raw.write { db in
            try db.execute(sql: "INSERT INTO contact_log (customer_id, date, who, channel, note) VALUES (1, '2026-02-30', 'Li', 'phone', '')")
        }
        let text = message { _ = try store.receivablesSnapshot(customerID: nil) }
        #expect(text.contains("table contact_log, row 1, column date: '2026-02-30' is not a date"), "\(text)")
    }

    @Test func unknownCurrencyAndTermsAreErrorsNotDefaults() throws {
        let (store, raw, folder) = try Self.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try raw.write { db in try db.execute(sql: "UPDATE customer SET currency = 'ZZZ' WHERE id = 1") }
        let text = message { _ = try store.customer(code: "C1") }
        #expect(text.contains("table customer, row 1, column currency: 'ZZZ' is not a known ISO 4217 currency"), "\(text)")
        try raw.write { db in
            try db.execute(sql: "UPDATE customer SET currency = 'CNY' WHERE id = 1")
            try db.execute(sql: "UPDATE customer SET payment_terms = 'NET-SOON' WHERE id = 1")
        }
        let terms = message { _ = try store.customer(code: "C1") }
        #expect(terms.contains("table customer, row 1, column payment_terms: 'NET-SOON' is not a payment-terms code"), "\(terms)")
    }

    @Test func negativeOpenBalanceIsAnError() throws {
        let (store, raw, folder) = try Self.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try raw.write { db in
            try db.execute(sql: "INSERT INTO allocation (invoice_id, source, date, amount, currency) VALUES (1, 'write_off', '2026-11-02', 15000, 'CNY')")
        }
        let text = message { _ = try store.openItems(asOf: CivilDate(iso: "2026-11-29")!) }
        #expect(text.contains("table document, row 1, column open: negative open balance -5000"), "\(text)")
    }

    /// One snapshot: inside `readSnapshot` a second connection's commit is not seen; after it, it is.
    @Test func readSnapshotSeesOneMomentWhileOthersWrite() throws {
        let (store, _, folder) = try Self.ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let other = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let writer = LedgerService(store: other, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin)
        let (before, during) = try store.readSnapshot { () throws -> (Int, Int) in
            let before = try store.summary().customers
            try writer.run(CreateCustomer(CustomerFields(code: "C2", name: "Other Co")))
            return (before, try store.summary().customers)
        }
        #expect(before == 1)
        #expect(during == 1)
        #expect(try store.summary().customers == 2)
    }
}

import Foundation
import Testing
@testable import LedgerCore
@testable import LedgerStore
import GRDB

/// Issue 10: a one-transaction bulk batch (`import sales`) large against the ledger drops the indexes a load never
/// reads and builds them again in the same transaction; a rollback leaves them as they were.
@Suite struct BatchLoadIndexesTests {
    func store() throws -> (folder: String, store: SQLiteLedgerStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bli-\(UUID().uuidString)").path
        return (folder, try SQLiteLedgerStore(path: folder + "/ledger.sqlite"))
    }

    let openIndexes = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
        + "AND tbl_name = 'open_item' ORDER BY name)"
    let indexes = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
        + "AND name IN ('document_customer', 'document_date', 'receipt_date') ORDER BY name)"

    @Test func aLargeBatchBuildsTheIndexesAgainInItsTransaction() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try store.scalar(indexes)
        #expect(before == "document_customer,document_date,receipt_date")
        #expect(try store.write { tx in try tx.deferLoadIndexes(rows: 60_000, invoicesOnly: false) })
        #expect(try store.scalar(indexes) == nil)
        // Dropped and not built again: the next opening builds them (as after a crash of a chunked load).
        // The load's seven and the open items' by due date; the one by customer is kept (not invoices only).
        #expect(try store.scalar("SELECT COUNT(*) FROM load_dropped_index") == "8")
        #expect(try store.scalar(openIndexes) == "open_item_customer_open")
        try store.write { tx in try tx.rebuildLoadIndexes() }
        #expect(try store.scalar(indexes) == before)
        #expect(try store.scalar("SELECT COUNT(*) FROM load_dropped_index") == "0")
    }

    @Test func aRolledBackBatchKeepsTheIndexesAndASmallOneDropsNone() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try store.scalar(indexes)
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.write { tx in
                #expect(try tx.deferLoadIndexes(rows: 60_000, invoicesOnly: true))
                throw Stop()
            }
        }
        #expect(try store.scalar(indexes) == before)
        #expect(try store.scalar("SELECT COUNT(*) FROM load_dropped_index") == "0")
        #expect(try store.scalar(openIndexes) == "open_item_customer_open,open_item_due_open")
        #expect(try store.write { tx in try tx.deferLoadIndexes(rows: 1_000, invoicesOnly: true) } == false)
        #expect(try store.scalar(indexes) == before)
    }

    /// s35-import: a batch of invoices only drops both open-item indexes; statistics asked for meanwhile are taken
    /// after the build (so `sqlite_stat1` has the indexes' rows).
    @Test func invoicesOnlyDropsTheOpenItemIndexesAndStatisticsWaitForTheirBuild() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try store.write { tx in
            let db = (tx as! SQLiteTransaction).db
            // One open item, so that the statistics have rows (an empty table gets none).
            try db.execute(sql: "INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount) "
                           + "VALUES ('receipt', 1, 1, 'CNY', '2026-01-31', 100)")
            #expect(try tx.deferLoadIndexes(rows: 60_000, invoicesOnly: true))
            #expect(try String.fetchOne(db, sql: openIndexes) == nil)
            try tx.refreshPlannerStatistics()
            try tx.rebuildLoadIndexes()
            #expect(try String.fetchOne(db, sql: openIndexes) == "open_item_customer_open,open_item_due_open")
        }
        let statistics = "SELECT group_concat(idx) FROM (SELECT idx FROM sqlite_stat1 WHERE tbl = 'open_item' "
            + "ORDER BY idx)"
        #expect(try store.scalar(statistics) == "open_item,open_item_customer_open,open_item_due_open")
    }
}

import Foundation
import Testing
@testable import LedgerCore
import LedgerStore

/// Issue 10: a one-transaction bulk batch (`import sales`) large against the ledger drops the indexes a load never
/// reads and builds them again in the same transaction; a rollback leaves them as they were.
@Suite struct BatchLoadIndexesTests {
    func store() throws -> (folder: String, store: SQLiteLedgerStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bli-\(UUID().uuidString)").path
        return (folder, try SQLiteLedgerStore(path: folder + "/ledger.sqlite"))
    }

    let indexes = "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' "
        + "AND name IN ('document_customer', 'document_date', 'receipt_date') ORDER BY name)"

    @Test func aLargeBatchBuildsTheIndexesAgainInItsTransaction() throws {
        let (folder, store) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = try store.scalar(indexes)
        #expect(before == "document_customer,document_date,receipt_date")
        #expect(try store.write { tx in try tx.deferLoadIndexes(rows: 60_000) })
        #expect(try store.scalar(indexes) == nil)
        // Dropped and not built again: the next opening builds them (as after a crash of a chunked load).
        #expect(try store.scalar("SELECT COUNT(*) FROM load_dropped_index") == "7")
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
                #expect(try tx.deferLoadIndexes(rows: 60_000))
                throw Stop()
            }
        }
        #expect(try store.scalar(indexes) == before)
        #expect(try store.scalar("SELECT COUNT(*) FROM load_dropped_index") == "0")
        #expect(try store.write { tx in try tx.deferLoadIndexes(rows: 1_000) } == false)
        #expect(try store.scalar(indexes) == before)
    }
}

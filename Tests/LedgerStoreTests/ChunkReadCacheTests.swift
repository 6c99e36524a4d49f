import Foundation
import GRDB
import Testing
@testable import LedgerStore

/// s33-gen: a chunked load keeps what it read (customers, products, numbers) across its commits unless another
/// connection committed in between, which `PRAGMA data_version` tells (`SQLiteLedgerStore.dataVersion`): it stays
/// the same over the connection's own commits and changes with another connection's.
@Suite struct ChunkReadCacheTests {
    @Test func dataVersionChangesWithAnotherConnectionsCommitOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loader = try DatabaseQueue(path: folder + "/ledger.sqlite")
        let other = try DatabaseQueue(path: folder + "/ledger.sqlite")
        try loader.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)")
            let start = try SQLiteLedgerStore.dataVersion(db)
            // The loader's own chunks: begin, write, commit, begin again.
            for x in 1...3 {
                try db.beginTransaction(.immediate)
                try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [x])
                try db.commit()
            }
            try db.beginTransaction(.immediate)
            #expect(try SQLiteLedgerStore.dataVersion(db) == start)
            try db.commit()
            // Another connection commits between two chunks.
            try other.write { try $0.execute(sql: "INSERT INTO t VALUES (9)") }
            try db.beginTransaction(.immediate)
            #expect(try SQLiteLedgerStore.dataVersion(db) != start)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 4)
            try db.commit()
        }
    }
}

import Foundation
import GRDB
import Testing
@testable import LedgerStore

/// s35-gen: a chunked load (`SQLiteLedgerStore.writeInChunks`) checkpoints only past `loadCheckpointPages` pages of
/// WAL, so several of its commits share a checkpoint; afterwards the writer connection is back to SQLite's 1,000
/// pages and what the load left in the WAL has been copied into the file.
@Suite struct LoadCheckpointTests {
    @Test func aChunkedLoadCheckpointsLessOftenAndLeavesTheDefaultAfter() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ckpt-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        var during: [Int] = []
        var framesAfterCommit: [Int] = []
        try store.writeInChunks { tx, commit in
            let db = try #require(tx as? SQLiteTransaction).db
            for chunk in 1...3 {
                during.append(try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0)
                // About 1,200 pages of rows per chunk: past SQLite's 1,000, below the load's interval.
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS bulk_rows (x TEXT)")
                try db.execute(sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
                    INSERT INTO bulk_rows SELECT printf('%.3000d', i + \(chunk) * 10000) FROM n
                    """)
                try commit()
                framesAfterCommit.append(Self.walFrames(folder + "/ledger.sqlite-wal"))
            }
        }
        #expect(during == [SQLiteLedgerStore.loadCheckpointPages, SQLiteLedgerStore.loadCheckpointPages,
                           SQLiteLedgerStore.loadCheckpointPages])
        // No commit checkpointed and restarted the WAL: it only grew (1,000 pages would have reset it each time).
        #expect(framesAfterCommit.count == 3)
        #expect(framesAfterCommit[0] > 1_000)
        #expect(framesAfterCommit[1] > framesAfterCommit[0] && framesAfterCommit[2] > framesAfterCommit[1])
        let (interval, log, copied) = try store.writer.writeWithoutTransaction { db in
            let interval = try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? 0
            let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(PASSIVE)")
            return (interval, row?[1] as Int? ?? -1, row?[2] as Int? ?? -2)
        }
        #expect(interval == 1_000)
        // Everything in the WAL is in the file (or the WAL was restarted): nothing is left to copy.
        #expect(log == copied)
        #expect(try store.scalar("SELECT COUNT(*) FROM bulk_rows") == "3600")
    }

    /// Frames in the WAL file at `path` (header 32 bytes, each frame a 24-byte header and a 4 KiB page).
    static func walFrames(_ path: String) -> Int {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return max(0, (size - 32) / (24 + 4096))
    }
}

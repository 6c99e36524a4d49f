import Foundation
import GRDB
import Testing
@testable import LedgerCore
@testable import LedgerStore

/// Issue 10, s33-gen: bulk audit entries built on a second thread (`AuditPipeline`) are the rows the writer's own
/// `AuditChunk.append` writes — same payload blobs, outcomes, seals and chained hashes, in the same order — with
/// single entries between them; the entry being built is not in `audit_log` until the next entry or `finishAudit`.
@Suite struct AuditPipelineTests {
    static func drafts(_ first: Int, _ count: Int) -> [AuditDraft] {
        var drafts: [AuditDraft] = []
        for i in first..<(first + count) {
            let minute: String = String(10 + i % 40)
            let command: String = i % 3 == 0 ? "receipt.record" : "invoice.post"
            let outcome: String = i % 7 == 0 ? "posted \\ INV-\(i)\tok" : "posted INV-\(i)"
            let change = AuditChange(entity: "invoice", id: Int64(i), before: nil, after: nil)
            var draft = AuditDraft(actor: "loader", timestampUTC: "2026-12-05T21:" + minute + ":00Z", command: command,
                                   payload: "{\"n\":\(i),\"名称\":\"星河\"}", changes: [change], outcome: outcome,
                                   businessDate: "2026-06-30")
            // Every other draft makes its texts when written (`makeTexts`), as a bulk load's chunks do.
            if i % 2 == 1 {
                let made: (payload: String, outcome: String) = (draft.payload, draft.outcome)
                draft.payload = ""
                draft.outcome = ""
                draft.makeTexts = { made }
            }
            drafts.append(draft)
        }
        return drafts
    }

    /// Writes three chunks and a single entry, with records waiting to be sealed before each, through `tx`.
    static func write(_ tx: SQLiteTransaction, counts: inout [Int]) throws {
        let db = tx.db
        func pending(_ ids: [Int]) throws {
            for id in ids { try db.execute(sql: "INSERT INTO seal_pending (entity, id) VALUES ('document', ?)",
                                           arguments: [id]) }
        }
        func count() throws -> Int { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? -1 }
        try pending([3, 1, 2])
        try tx.appendAuditChunk(drafts(0, 40))
        counts.append(try count())
        try pending([9])
        try tx.appendAuditChunk(drafts(40, 25))
        counts.append(try count())
        try pending([4, 5])
        try tx.appendAudit(drafts(65, 1)[0])
        counts.append(try count())
        try tx.appendAuditChunk(drafts(66, 3))
        counts.append(try count())
        try tx.finishAudit()
        counts.append(try count())
    }

    static func rows(pipelined: Bool) throws -> (rows: [[DatabaseValue]], counts: [Int]) {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue)
        var counts: [Int] = []
        let start = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
        let rows = try queue.write { db -> [[DatabaseValue]] in
            let tx = SQLiteTransaction(db: db)
            if pipelined { tx.auditPipeline = AuditPipeline() }
            try write(tx, counts: &counts)
            return try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY seq").map { Array($0.databaseValues) }
        }
        return (rows, counts.map { $0 - start })
    }

    @Test func pipelinedEntriesAreTheWritersOwn() throws {
        let direct = try Self.rows(pipelined: false)
        let pipelined = try Self.rows(pipelined: true)
        #expect(direct.counts == [1, 2, 3, 4, 4])
        // The chunk being built is written by the next entry (a single one too) or by `finishAudit`.
        #expect(pipelined.counts == [0, 1, 3, 3, 4])
        #expect(pipelined.rows.count == direct.rows.count && direct.rows.count >= 4)
        #expect(pipelined.rows == direct.rows)
        // The first bulk entry seals documents 1, 2, 3 in id order (absent: code 1 + 128, no digest).
        let first = direct.rows[direct.rows.count - 4]
        let blob = first.compactMap { value -> [UInt8]? in
            if case .blob(let data) = value.storage, data.first == 0x81 { return Array(data) }
            return nil
        }
        #expect(blob == [[0x81, 1, 0x81, 2, 0x81, 3]])
    }
}

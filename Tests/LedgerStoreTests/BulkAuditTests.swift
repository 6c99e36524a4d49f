import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: a bulk load writes one audit entry per chunk of commands; the chain verifies, every record is
/// sealed, the log still reads command by command, and an edit of a record or of a chunk's payload is caught.
/// `sample generate --force` on a used ledger reuses the master data whose codes exist.
@Suite struct BulkAuditTests {
    let today = CivilDate(iso: "2026-11-29")!

    func generator(invoices: Int = 200) throws -> SampleGenerator {
        SampleGenerator(language: .zh, customers: 30, invoices: invoices, seed: 7, today: today,
                        cities: try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions")))
    }

    func ledgerFile() -> (folder: String, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bulk-\(UUID().uuidString)").path
        return (folder, folder + "/ledger.sqlite")
    }

    @Test func oneEntryPerChunkVerifiesAndReadsPerCommand() throws {
        let (folder, path) = ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        let report = try service.runBatch { try generator(invoices: 1_500).load(into: $0) }
        let raw = try DatabaseQueue(path: path)
        let (entries, bulk, salespeople): (Int, Int, Int) = try raw.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE command = 'bulk' AND entry_format = 4") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM salesperson") ?? 0)
        }
        // The generator's region classes are one command too (`ImportClasses`, s34-fix).
        let beforeReceipts = salespeople + 1 + report.customers + report.products + report.invoices
            + report.creditNotes
        let commands = beforeReceipts + report.receipts
        // Salespeople, products, customers, invoices and credit notes in chunks of 1,000 commands; then the receipts,
        // whose chunks of 1,000 (`recordReceipts`) start an entry of their own.
        func chunks(_ count: Int) -> Int { (count + BulkAuditBuffer.chunkSize - 1) / BulkAuditBuffer.chunkSize }
        #expect(entries == chunks(beforeReceipts) + chunks(report.receipts))
        #expect(bulk == entries)
        let verification = try store.auditVerification()
        #expect(verification.isIntact, "\(verification.problems)")
        #expect(verification.coveredRecords == report.invoices + report.creditNotes + report.receipts * 2
                + report.creditNotes)
        let log = try store.auditLog(filter: .all)
        #expect(log.count == commands)
        let posts = try store.auditLog(filter: AuditLogFilter(command: "invoice.post"))
        #expect(posts.count == report.invoices)
        #expect(posts.allSatisfy { $0.payload.contains("\"customerCode\"") && $0.changes.contains("\"invoice\"") })
        #expect(posts.first?.outcome.hasPrefix("INV-") == true)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }

    @Test func editsOfRecordsAndChunksAreDetected() throws {
        let (folder, path) = ledgerFile()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
            _ = try service.runBatch { try generator().load(into: $0) }
            #expect(try store.verifyAuditChain() == nil)
        }
        let unguard = """
            DROP TRIGGER document_posted_frozen; DROP TRIGGER allocation_no_delete;
            DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
            """
        func damaged(_ sql: String) throws -> [String] {
            let copy = path + ".copy-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let raw = try DatabaseQueue(path: copy)
            try raw.write { db in
                try db.execute(sql: unguard + sql)
                try db.execute(sql: "DELETE FROM seal_pending")
            }
            try raw.close()
            return try SQLiteLedgerStore(path: copy).auditVerification().problems
        }
        let amount = try damaged("UPDATE receipt SET amount = amount + 1 WHERE id = 7;")
        #expect(amount.contains { $0.hasPrefix("receipt 7") && $0.contains("differs from its content sealed") })
        let line = try damaged("UPDATE document_line SET unit_price = unit_price + 100 WHERE document_id = 40;")
        #expect(line.contains { $0.hasPrefix("document 40") && $0.contains("differs") })
        // A changed byte of a chunk's deflated payload breaks its hash.
        let payload = try damaged("""
            UPDATE audit_log SET payload = substr(payload, 1, 20) || X'00' || substr(payload, 22) WHERE seq = 1;
            """)
        #expect(payload.contains { $0.hasPrefix("audit entry 1 (bulk): contents do not match its hash") })
        let deleted = try damaged("DELETE FROM allocation WHERE id = 3;")
        #expect(deleted.contains { $0.contains("allocation 3") && $0.contains("was deleted") })
    }

    @Test func forceReusesMasterDataCodes() throws {
        let ledger = try TestLedger(today: "2026-11-29")
        let first = try ledger.service.runBatch { try generator().load(into: $0) }
        let second = try ledger.service.runBatch { try generator().load(into: $0) }
        #expect(first.customers == 30 && first.products > 0)
        // The second run finds S01…, P001… and C0001… and reuses them; it adds only documents.
        #expect(second.customers == 0 && second.products == 0)
        #expect(second.invoices == 200 && second.receipts > 100)
        let summary = try ledger.store.summary()
        #expect(summary.customers == 30 && summary.invoices == 400)
        #expect(try ledger.store.verifyAuditChain() == nil)
        #expect(try ledger.store.recomputeMaintainedBalances().isEmpty)
    }
}

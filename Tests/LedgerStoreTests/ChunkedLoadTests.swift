import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: `sample generate` commits in chunks. Interrupted, it leaves whole chunks (the chain verifies, the
/// maintained balances equal their recomputation) and a marker; run again with the same options it resumes and
/// writes the ledger an uninterrupted run writes. Archived master data with generated codes is skipped.
@Suite struct ChunkedLoadTests {
    let today = CivilDate(iso: "2026-11-29")!
    struct Stop: Error {}

    func generator(invoices: Int = 2_400, stopAt: Int? = nil) throws -> SampleGenerator {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        var generator = SampleGenerator(language: .zh, customers: 25, invoices: invoices, seed: 11, today: today,
                                        cities: cities)
        if let stopAt {
            generator.progress = { phase, done, _ in if phase == "invoices" && done == stopAt { throw Stop() } }
        }
        return generator
    }

    func ledger() throws -> (folder: String, store: SQLiteLedgerStore, service: LedgerService) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chunked-\(UUID().uuidString)").path
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        return (folder, store, LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin))
    }

    /// Documents, lines, receipts and allocations in id order: what makes two ledgers the same.
    func contents(_ store: SQLiteLedgerStore) throws -> [String] {
        let queries = [
            "SELECT group_concat(kind || display_number || date || due_date || customer_id || total || status, ';') "
                + "FROM (SELECT * FROM document ORDER BY id)",
            "SELECT group_concat(document_id || '.' || line_no || product_id || quantity_milli || net_amount, ';') "
                + "FROM (SELECT * FROM document_line ORDER BY document_id, line_no)",
            "SELECT group_concat(display_number || date || customer_id || amount || method, ';') "
                + "FROM (SELECT * FROM receipt ORDER BY id)",
            "SELECT group_concat(invoice_id || source || source_id || date || amount, ';') "
                + "FROM (SELECT * FROM allocation ORDER BY id)",
        ]
        return try queries.map { try store.scalar($0) ?? "" }
    }

    @Test func resumedLoadWritesTheUninterruptedLedger() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: LedgerError.self) {
            try service.runChunked(commandsPerCommit: 150) { try generator(stopAt: 2_000).load(into: $0) }
        }
        // Whole chunks stay: a sound, verifiable ledger with its marker.
        let marker = try #require(try store.interruptedLoad(name: SampleGenerator.loadName))
        #expect(marker == (try generator()).parameters)
        let invoices = Int(try store.scalar("SELECT invoices_done FROM bulk_load") ?? "") ?? 0
        #expect(invoices > 1_500 && invoices < 2_000)
        #expect(try store.scalar("SELECT COUNT(*) FROM document WHERE kind = 'invoice'") == String(invoices))
        #expect(try store.verifyAuditChain() == nil)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        // Other options are refused while the marker is there.
        #expect(throws: LedgerError.self) {
            try service.runChunked(commandsPerCommit: 150) { try generator(invoices: 10).load(into: $0) }
        }
        let report = try service.runChunked(commandsPerCommit: 150) { try generator().load(into: $0) }
        #expect(report.invoices == 2_400)
        #expect(try store.interruptedLoad(name: SampleGenerator.loadName) == nil)
        #expect(try store.verifyAuditChain() == nil)
        #expect(try store.recomputeMaintainedBalances().isEmpty)

        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let whole = try otherService.runBatch { try generator().load(into: $0) }
        #expect(whole.invoices == report.invoices && whole.receipts == report.receipts
                && whole.creditNotes == report.creditNotes && whole.lines == report.lines)
        #expect(try contents(store) == contents(other))
    }

    @Test func archivedCustomersAndProductsWithGeneratedCodesAreSkipped() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try service.runBatch { try generator(invoices: 50).load(into: $0) }
        try service.run(ArchiveProduct(sku: "P001"))
        let raw = try DatabaseQueue(path: folder + "/ledger.sqlite")
        try raw.write { db in try db.execute(sql: "UPDATE customer SET archived = 1 WHERE code = 'C0001'") }
        try raw.close()
        let ofC0001 = "SELECT COUNT(*) FROM document WHERE customer_id = (SELECT id FROM customer WHERE code = 'C0001')"
        let ofP001 = "SELECT COUNT(*) FROM document_line WHERE product_id = (SELECT id FROM product WHERE sku = 'P001')"
        let (customerDocuments, productLines) = (try store.scalar(ofC0001), try store.scalar(ofP001))
        #expect(customerDocuments != "0" && productLines != "0")
        let report = try service.runChunked { try generator(invoices: 300).load(into: $0) }
        #expect(report.invoices == 300 && report.customers == 0)
        #expect(try store.scalar(ofC0001) == customerDocuments)
        #expect(try store.scalar(ofP001) == productLines)
    }
}

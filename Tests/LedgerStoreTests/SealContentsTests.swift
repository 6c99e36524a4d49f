import Foundation
import GRDB
import LedgerCore
import LedgerInterop
@testable import LedgerStore
import Testing

/// s31-audit: the seal check reads a window's records (and the documents' lines) with one statement each and
/// hashes them in a reused buffer; every record's digest is the one `RecordSeal.digest` gives, and a changed line,
/// header or amount no longer matches.
@Suite struct SealContentsTests {
    @Test func windowDigestsEqualPerRecordDigests() throws {
        let ledger = try TestLedger(today: "2026-11-29")
        let generator = SampleGenerator(
            language: .zh, customers: 20, invoices: 120, seed: 11, today: try #require(CivilDate(iso: "2026-11-29")),
            cities: try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions")))
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        try ledger.store.writer.read { db in
            for entity in ["document", "receipt", "allocation", "user"] {
                var contents = try SealContents(entity: entity, db: db, low: 0, high: 1 << 40)
                var seen = 0
                while let id = try contents.next() {
                    let digest = try #require(try RecordSeal.digest(entity: entity, id: id, db: db))
                    #expect(try contents.matches(digest, at: 0), "\(entity) \(id)")
                    var other = digest
                    other[31] ^= 1
                    #expect(try !contents.matches(other, at: 0))
                    seen += 1
                }
                #expect(entity == "user" || seen > 100, "\(entity)")
            }
        }
    }

    @Test func editedLineAndRecordOutsideTheCommandsAreFound() throws {
        let ledger = try TestLedger(today: "2026-11-29")
        let generator = SampleGenerator(
            language: .zh, customers: 20, invoices: 60, seed: 5, today: try #require(CivilDate(iso: "2026-11-29")),
            cities: try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions")))
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        try ledger.store.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER document_posted_frozen;
                UPDATE document_line SET unit_price = unit_price + 1 WHERE document_id = 9 AND line_no = 1;
                INSERT INTO allocation (id, invoice_id, source, source_id, date, amount, currency, reverses_id, note)
                    SELECT 9000, invoice_id, source, source_id, date, 0, currency, NULL, 'x' FROM allocation
                    WHERE id = 1;
                DELETE FROM seal_pending;
                """)
        }
        let problems = try ledger.store.writer.read { db in
            var problems: [String] = []
            _ = try SealCheck(db: db, hasFormat: true).run { problems.append($0) }
            return problems
        }
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("document 9 (") == true)
        #expect(problems.first?.contains("differs from its content sealed by audit entry") == true)
        #expect(problems.last
                == "allocation 9000 is not covered by the audit chain (inserted outside the command layer)")
    }
}

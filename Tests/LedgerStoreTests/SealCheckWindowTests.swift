import Foundation
import GRDB
import LedgerCore
import LedgerInterop
@testable import LedgerStore
import Testing

/// Issue 10: the seal check holds one window of ids at a time (2^18 since s14-rss; a ledger of 1M documents takes
/// several). Windows of any size find the same problems, in the same order, as one window holding every id.
@Suite struct SealCheckWindowTests {
    @Test func smallWindowsFindWhatOneWindowFinds() throws {
        let ledger = try TestLedger(today: "2026-11-29")
        let generator = SampleGenerator(
            language: .zh, customers: 30, invoices: 200, seed: 7, today: try #require(CivilDate(iso: "2026-11-29")),
            cities: try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions")))
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        // Records changed and removed behind the command layer's back.
        try ledger.store.writer.write { db in
            try db.execute(sql: """
                DROP TRIGGER allocation_no_delete;
                UPDATE receipt SET amount = amount + 1 WHERE id = 7;
                DELETE FROM allocation WHERE id = 3;
                DELETE FROM seal_pending;
                """)
        }
        func check(window: Int) throws -> (covered: Int, problems: [String]) {
            try ledger.store.writer.read { db in
                var problems: [String] = []
                let covered = try SealCheck(db: db, hasFormat: true, window: window).run { problems.append($0) }
                return (covered, problems)
            }
        }
        let whole = try check(window: 1 << 18)
        #expect(whole.covered > 400)
        #expect(whole.problems.contains { $0.hasPrefix("receipt 7") && $0.contains("differs from its content") })
        #expect(whole.problems.contains { $0.contains("allocation 3") && $0.contains("was deleted") })
        for window in [1, 7, 64] {
            let windowed = try check(window: window)
            #expect(windowed.covered == whole.covered)
            #expect(windowed.problems == whole.problems)
        }
    }
}

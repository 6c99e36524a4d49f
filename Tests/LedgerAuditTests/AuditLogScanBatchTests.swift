@testable import LedgerAudit
import LedgerCore
import Testing

/// The log pass compares the creating entries of documents dated outside the period with their dates a batch at a
/// time (s35-bench: a period holding a bulk load of the whole ledger kept an entry per document, 1.4 GB at a
/// million invoices). Any batch size gives the same backdated count and the same kept entries as one batch.
@Suite struct AuditLogScanBatchTests {
    struct Kept: Hashable {
        var key: Int64
        var seq: Int64
        var day: CivilDate?
        var actor: String
        var isLoad: Bool
    }

    static func scan(_ l: AuditTestLedger, _ p: AuditParameters, batch: Int) throws -> (Int, Set<Kept>) {
        try l.store.readSnapshot {
            let period = try PeriodDocuments.read(l.store, p: p)
            let scan = try AuditLogScan.read(l.store, p: p, dated: period.dated, disputed: [], owners: IDBitmap(),
                                             batch: batch)
            let kept = scan.createdInPeriod.map {
                Kept(key: $0.key.key, seq: $0.value.seq, day: $0.value.day, actor: $0.value.actor,
                     isLoad: $0.value.isLoad)
            }
            return (scan.loadedBackdated, Set(kept))
        }
    }

    @Test func batchesGiveTheOneBatchResult() throws {
        let l = try AuditChecksComparisonTests.plantedLedger()
        // The bulk load's entries are dated 2026-07-31, in the first three periods: its documents dated before a
        // period are counted, not kept; users' postings dated before a period and posted in it out of time are kept.
        for (from, to, expectedLoaded, expectedKept) in [
            ("2026-07-01", "2026-09-30", 490, 0), ("2026-06-01", "2026-11-30", 490, 0),
            ("2026-07-31", "2026-08-31", 485, 2), ("2026-08-01", "2026-08-31", 30, 2),
        ] {
            let p = AuditParameters(from: day(from), to: day(to))
            let (loaded, kept) = try Self.scan(l, p, batch: Int.max)
            #expect(loaded == expectedLoaded && kept.count == expectedKept, "\(from)…\(to): \(loaded) \(kept.count)")
            for batch in [1, 2, 7, 64] {
                let (batchLoaded, batchKept) = try Self.scan(l, p, batch: batch)
                #expect(batchLoaded == loaded, "\(from)…\(to) batch \(batch)")
                #expect(batchKept == kept, "\(from)…\(to) batch \(batch)")
            }
        }
    }
}

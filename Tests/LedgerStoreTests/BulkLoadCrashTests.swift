import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10, property: after a crash in the middle of a bulk load (kill -9, then reopen), the maintained balances
/// equal their recomputation, the audit chain verifies, the load's marker names what was committed, and the same
/// command finishes the ledger an uninterrupted run writes.
///
/// A crash is the files on disk at a moment inside a chunk: the ledger, its write-ahead log and the audit head file
/// copied while the load's transaction is open and writing (what kill -9 or a power cut leaves: what was written
/// stays, the open transaction never committed). Sizes, chunk lengths and the moment are drawn from the seed, so the
/// crash falls at a different place inside a chunk each time. `t_cli_balances_after_kill.sh` does the same with a
/// real SIGKILL of the binary.
@Suite struct BulkLoadCrashTests {
    let today = CivilDate(iso: "2026-06-30")!
    struct Crash: Error {}

    func generator(customers: Int, invoices: Int, seed: UInt64) throws -> SampleGenerator {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        return SampleGenerator(language: .zh, customers: customers, invoices: invoices, seed: seed, today: today,
                               cities: cities)
    }

    func ledger(_ folder: String) throws -> (SQLiteLedgerStore, LedgerService) {
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        return (store, LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin))
    }

    /// Copies what is on disk now (ledger, WAL, audit head) into `folder`: the ledger as a crash would leave it.
    func crashImage(of source: String, into folder: String) throws {
        let files = FileManager.default
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for suffix in ["", "-wal", ".audit-head"] where files.fileExists(atPath: source + "/ledger.sqlite" + suffix) {
            try files.copyItem(atPath: source + "/ledger.sqlite" + suffix, toPath: folder + "/ledger.sqlite" + suffix)
        }
    }

    func contents(_ store: SQLiteLedgerStore) throws -> [String] {
        try [
            "SELECT group_concat(kind || display_number || date || customer_id || total || status, ';') "
                + "FROM (SELECT * FROM document ORDER BY id)",
            "SELECT group_concat(display_number || date || customer_id || amount || method, ';') "
                + "FROM (SELECT * FROM receipt ORDER BY id)",
            "SELECT group_concat(invoice_id || source || source_id || date || amount, ';') "
                + "FROM (SELECT * FROM allocation ORDER BY id)",
        ].map { try store.scalar($0) ?? "" }
    }

    @Test(arguments: [UInt64(5), 17, 99])
    func maintainedBalancesEqualRecomputedAfterACrashInTheMiddleOfABulkLoad(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let customers = rng.next(in: 8...40)
        let invoices = rng.next(in: 2_050...2_600)
        let commitEvery = rng.next(in: 90...700)
        // The generator reports every 1,000 invoices and receipts: crash at one of those moments (the chunk length
        // decides how far into a chunk that is).
        let crashAt = [("invoices", 1_000), ("invoices", 2_000), ("receipts", 1_000)][rng.next(below: 3)]
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("crash-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (live, liveService) = try ledger(root + "/live")
        var load = try generator(customers: customers, invoices: invoices, seed: seed)
        var droppedAtCrash: String?
        load.progress = { phase, done, _ in
            guard phase == crashAt.0, done == crashAt.1 else { return }
            droppedAtCrash = try live.scalar("SELECT COUNT(*) FROM load_dropped_index")
            try crashImage(of: root + "/live", into: root + "/crashed")
            throw Crash()
        }
        #expect(throws: LedgerError.self) {
            try liveService.runChunked(commandsPerCommit: commitEvery) { try load.load(into: $0) }
        }
        // What was committed before the crash lacks the indexes the load dropped.
        #expect(droppedAtCrash == "7")

        // Reopened after the crash: sound, maintained == recomputed, chain verifies, the marker says what is in.
        let (crashed, crashedService) = try ledger(root + "/crashed")
        #expect(try crashed.integrityCheck() == "ok")
        // The indexes the load dropped (`LoadIndexes`) are built again by the opening, with their text of a new
        // ledger's schema.
        let indexes = "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT name, sql FROM sqlite_master "
            + "WHERE type = 'index' AND name IN ('document_customer', 'document_date', 'document_line_product', "
            + "'receipt_customer', 'receipt_date', 'allocation_date', 'invoice_settled_by_day') ORDER BY name)"
        let expectedIndexes = try SQLiteLedgerStore().scalar(indexes)
        #expect(expectedIndexes?.components(separatedBy: ";").count == 7)
        #expect(try crashed.scalar(indexes) == expectedIndexes)
        #expect(try crashed.scalar("SELECT COUNT(*) FROM load_dropped_index") == "0")
        #expect(try crashed.recomputeMaintainedBalances().isEmpty, "seed \(seed), crash at \(crashAt)")
        #expect(try crashed.verifyAuditChain() == nil)
        let committed = Int(try crashed.scalar("SELECT COALESCE(MAX(invoices_done), -1) FROM bulk_load") ?? "") ?? -1
        let written = Int(try crashed.scalar("SELECT COUNT(*) FROM document WHERE kind = 'invoice'") ?? "") ?? -2
        // Whole chunks only: what the marker counts, and nothing of the chunk that was being written (a crash in
        // the first chunk of receipts also loses the last invoices, which that chunk was to commit).
        #expect(committed == written && committed >= 0)
        if crashAt.0 == "invoices" { #expect(committed < crashAt.1) }
        // Open amounts and balances agree with a plain recomputation from the documents as well.
        let maintained = try crashed.scalar("SELECT COALESCE(SUM(open_amount), 0) FROM open_item WHERE kind = 'invoice'")
        let recomputed = try crashed.scalar("""
            SELECT COALESCE(SUM(d.total - COALESCE((SELECT SUM(a.amount) FROM allocation a
                                                    WHERE a.invoice_id = d.id), 0)), 0)
            FROM document d WHERE d.kind = 'invoice' AND d.status = 'posted'
            """)
        #expect(maintained == recomputed)
        #expect(try crashed.scalar("SELECT COALESCE(SUM(open_invoices), 0) FROM customer_balance") == recomputed)

        // The same command finishes it: the ledger an uninterrupted run writes, balances still right.
        let resumed = try crashedService.runChunked(commandsPerCommit: commitEvery) {
            try generator(customers: customers, invoices: invoices, seed: seed).load(into: $0)
        }
        #expect(resumed.invoices == invoices)
        #expect(try crashed.interruptedLoad(name: SampleGenerator.loadName) == nil)
        #expect(try crashed.recomputeMaintainedBalances().isEmpty)
        #expect(try crashed.verifyAuditChain() == nil)
        let (whole, wholeService) = try ledger(root + "/whole")
        _ = try wholeService.runChunked(commandsPerCommit: commitEvery) {
            try generator(customers: customers, invoices: invoices, seed: seed).load(into: $0)
        }
        #expect(try contents(crashed) == contents(whole))
        #expect(try crashed.scalar(indexes) == expectedIndexes)
        #expect(try whole.scalar(indexes) == expectedIndexes)
    }
}

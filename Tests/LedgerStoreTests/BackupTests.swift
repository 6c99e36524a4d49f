import Foundation
import GRDB
import LedgerCore
@testable import LedgerStore
import Testing

/// shared/cases B16 and the whole kind: a backup must hold every commit (also those still in the `-wal` file),
/// be one self-contained file, never appear half-written under its final name, be checked before it is
/// trusted, and restore atomically.
@Suite struct BackupTests {
    /// A folder's entries without the backups' manifests (each backup has `<file>.manifest`, issue 13).
    static func backupFolder(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasSuffix(".manifest") }
    }

    /// A temp folder removed at the end of the test.
    final class Folder {
        let path: String
        init() throws {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("sl-backup-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }
        func sub(_ name: String) throws -> String {
            let dir = file(name)
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return dir
        }
        var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    }

    static let today = CivilDate(iso: "2025-06-30")!

    static func service(_ store: SQLiteLedgerStore, role: UserRole = .admin) -> LedgerService {
        LedgerService(store: store, clock: FixedClock(today), actor: "tester", role: role)
    }

    /// B16 step 1: customer "Backup Test Co" and INV-W1..W3 of 100, 200, 300 dated 2025-06-30.
    static func b16Ledger(at path: String) throws -> (SQLiteLedgerStore, LedgerService) {
        let store = try SQLiteLedgerStore(path: path)
        let service = Self.service(store)
        try service.run(CreateCustomer(CustomerFields(code: "BTC", name: "Backup Test Co")))
        for (n, amount) in [(1, "100"), (2, "200"), (3, "300")] {
            var post = PostInvoice(customerCode: "BTC", date: today,
                                   lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                     unitPrice: try MoneyParser.parse(amount, currency: .cny))])
            post.externalReference = "INV-W\(n)"
            post.creditOverrideReason = "B16 test"
            try service.run(post)
        }
        return (store, service)
    }

    static func postInvoice(_ service: LedgerService, _ amount: String, ref: String) throws {
        var post = PostInvoice(customerCode: "BTC", date: today,
                               lines: [LineInput(description: "more", quantity: Quantity(1),
                                                 unitPrice: try MoneyParser.parse(amount, currency: .cny))])
        post.externalReference = ref
        post.creditOverrideReason = "test"
        try service.run(post)
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.int64Value ?? -1
    }

    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config)
    }

    // MARK: - B16

    @Test func b16BackupHoldsTheCommitsStillInTheWAL() throws {
        let work = try Folder()
        let (store, service) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        // The store stays open: the commits sit in ledger.sqlite-wal, not yet in ledger.sqlite.
        #expect(Self.fileSize(work.file("ledger.sqlite-wal")) > 0)

        let backupDir = try work.sub("backups")
        let report = try store.backup(to: backupDir + "/b16.sqlite")
        #expect(report.isGood)
        #expect(report.path == backupDir + "/b16.sqlite")
        #expect(report.counts == BackupCounts(customers: 1, documents: 3, receipts: 0, auditEntries: 4))
        // Only the final file is left: no temp, no sidecars.
        #expect((try Self.backupFolder(backupDir)) == ["b16.sqlite"])
        let mode = try FileManager.default.attributesOfItem(atPath: backupDir + "/b16.sqlite")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try service.run(RecordBackup(kind: "manual", file: report.path, sizeBytes: report.sizeBytes, customers: 1,
                                     documents: 3, receipts: 0, auditEntries: 4))
        #expect(try store.verifyAuditChain() == nil)

        // B16 step 3: copy ONLY the backup file into an empty folder and open it there with plain SQLite.
        let isolated = try Folder()
        let copy = isolated.file("copy.sqlite")
        try FileManager.default.copyItem(atPath: report.path, toPath: copy)
        do {
            let queue = try Self.readOnlyQueue(copy)
            try queue.read { db in
                #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
                #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
                let row = try #require(try Row.fetchOne(db, sql: """
                    SELECT COUNT(*) AS n, SUM(total) AS total FROM document
                    WHERE kind = 'invoice' AND status = 'posted' AND external_ref IN ('INV-W1', 'INV-W2', 'INV-W3')
                    """))
                #expect(row["n"] as Int == 3)
                #expect(row["total"] as Int64 == 60_000)
                #expect(try String.fetchOne(db, sql: "SELECT name FROM customer WHERE code = 'BTC'") == "Backup Test Co")
            }
            try queue.close()
        }
        #expect(isolated.entries == ["copy.sqlite"], "opening the backup needed no sidecar files")
        let verified = SQLiteLedgerStore.verify(backupAt: copy)
        #expect(verified.isGood, "\(verified.problems)")
        #expect(verified.journalMode == "delete")
        #expect(verified.integrity == "ok")
        #expect(verified.auditChainProblem == nil)
        #expect(verified.counts?.documents == 3)
        // Opened as a ledger, the copy's audit chain is intact too.
        let reopened = try SQLiteLedgerStore(path: copy)
        #expect(try reopened.verifyAuditChain() == nil)
        #expect(try reopened.summary().salesByCurrency["CNY"] == 60_000)

        // Restore into a new ledger path: the receivables include the 600.00.
        let target = try Folder()
        let restored = try SQLiteLedgerStore.restore(from: report.path, to: target.file("restored.sqlite"))
        #expect(restored.previousLedgerKeptAt == nil)
        let restoredStore = try SQLiteLedgerStore(path: target.file("restored.sqlite"))
        try Self.service(restoredStore).run(RecordRestore(file: report.path, previousLedgerKeptAt: nil, documents: 3,
                                                          receipts: 0, auditEntries: 4))
        let snapshot = try restoredStore.receivablesSnapshot(customerID: nil)
        let open = snapshot.openInvoices(asOf: Self.today)
        #expect(open.map(\.open).reduce(0, +) == 60_000)
        #expect(Set(open.map(\.invoice.externalReference)) == ["INV-W1", "INV-W2", "INV-W3"])
        #expect(try restoredStore.verifyAuditChain() == nil)
        #expect(try restoredStore.auditCount() == 5)
    }

    /// The fault B16 describes: a plain file copy of a WAL ledger is not a backup. `verify` says so.
    @Test func b16PlainFileCopyOfAWALLedgerIsReportedAsNotSelfContained() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let isolated = try Folder()
        try FileManager.default.copyItem(atPath: work.file("ledger.sqlite"), toPath: isolated.file("naive.sqlite"))
        let report = SQLiteLedgerStore.verify(backupAt: isolated.file("naive.sqlite"))
        #expect(!report.isGood)
        #expect(report.journalMode == "wal")
        _ = store
    }

    @Test func inMemoryLedgerBacksUpToo() throws {
        let store = try SQLiteLedgerStore()
        try Self.service(store).run(CreateCustomer(CustomerFields(code: "BTC", name: "Backup Test Co")))
        let work = try Folder()
        let report = try store.backup(to: work.file("mem.sqlite"))
        #expect(report.isGood)
        #expect(report.counts?.customers == 1)
    }

    // MARK: - Crash safety

    @Test(arguments: [BackupFaultPoint.copying(remainingPages: 0), .copied, .beforeRename])
    func aFailedBackupLeavesThePreviousBackupAndNoPartialFile(point: BackupFaultPoint) throws {
        struct Injected: Error {}
        let work = try Folder()
        let (store, service) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let dir = try work.sub("backups")
        let final = dir + "/ledger-2025-06-30.sqlite"
        let first = try store.backup(to: final)
        let firstBytes = try Data(contentsOf: URL(fileURLWithPath: final))
        try Self.postInvoice(service, "50", ref: "LATER")

        #expect(throws: LedgerError.self) {
            _ = try store.backup(to: final, pagesPerStep: 2) { reached in
                switch (reached, point) {
                case (.copying, .copying), (.copied, .copied), (.beforeRename, .beforeRename): throw Injected()
                default: break
                }
            }
        }
        // The previous good backup is untouched and still verifies; nothing else is in the folder.
        #expect(try Data(contentsOf: URL(fileURLWithPath: final)) == firstBytes)
        #expect(SQLiteLedgerStore.verify(backupAt: final).counts == first.counts)
        #expect((try Self.backupFolder(dir)) == ["ledger-2025-06-30.sqlite"])
        // The next backup works and holds the later invoice.
        let next = try store.backup(to: final)
        #expect(next.counts?.documents == 4)
    }

    @Test func aBackupIntoAMissingOrUnwritableFolderWritesNothing() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let missing = work.file("no-such-folder/b.sqlite")
        let error = try #require(throws: LedgerError.self) { _ = try store.backup(to: missing) }
        #expect(error.description.contains(missing))
        #expect(!FileManager.default.fileExists(atPath: work.file("no-such-folder")))

        let readOnly = try work.sub("read-only")
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: readOnly)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: readOnly) }
        if getuid() != 0 { // root writes anyway; the fault-injection test covers the mid-way failures
            let target = readOnly + "/b.sqlite"
            let error = try #require(throws: LedgerError.self) { _ = try store.backup(to: target) }
            #expect(error.description.contains(target))
            #expect((try FileManager.default.contentsOfDirectory(atPath: readOnly)).isEmpty)
        }
    }

    @Test func stalePartialFilesOfKilledBackupsAreCleanedUp() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let dir = try work.sub("backups")
        // A pid that is not running (pid_max is far below this), as a killed backup would leave.
        let stale = dir + "/.b.sqlite.partial-2147483000"
        _ = FileManager.default.createFile(atPath: stale, contents: Data("half".utf8))
        _ = FileManager.default.createFile(atPath: stale + "-journal", contents: Data("half".utf8))
        _ = FileManager.default.createFile(atPath: dir + "/unrelated.txt", contents: Data())
        _ = try store.backup(to: dir + "/b.sqlite")
        #expect((try Self.backupFolder(dir)).sorted() == ["b.sqlite", "unrelated.txt"])
    }

    @Test func backingUpOntoTheLedgerItselfIsRefused() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        #expect(throws: LedgerError.self) { _ = try store.backup(to: work.file("ledger.sqlite")) }
        #expect(throws: LedgerError.self) { _ = try store.backup(to: work.file("./ledger.sqlite-wal")) }
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.summary().invoices == 3)
    }

    // MARK: - Verify

    @Test func verifyReportsCorruptedBackupsAsBad() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let good = try store.backup(to: work.file("good.sqlite"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good.path))
        let pageSize = 4096
        #expect(bytes.count > 4 * pageSize)

        func corrupted(_ name: String, _ change: (inout Data) -> Void) throws -> BackupReport {
            var copy = bytes
            change(&copy)
            try copy.write(to: URL(fileURLWithPath: work.file(name)))
            return SQLiteLedgerStore.verify(backupAt: work.file(name))
        }
        // Flipped bytes across the b-tree pages after the schema page.
        let flipped = try corrupted("flipped.sqlite") { data in
            for i in stride(from: pageSize, to: data.count, by: 7) { data[i] ^= 0xFF }
        }
        #expect(!flipped.isGood)
        // A flipped byte inside an audit entry's text: the file is sound, the chain is not.
        let auditText = Data("Backup Test Co".utf8)
        var tampered = bytes
        var tamperedCount = 0
        var searchFrom = tampered.startIndex
        while let range = tampered.range(of: auditText, in: searchFrom..<tampered.endIndex) {
            tampered[range.lowerBound] = UInt8(ascii: "b")
            tamperedCount += 1
            searchFrom = range.upperBound
        }
        #expect(tamperedCount > 0)
        try tampered.write(to: URL(fileURLWithPath: work.file("tampered.sqlite")))
        let tamperedReport = SQLiteLedgerStore.verify(backupAt: work.file("tampered.sqlite"))
        #expect(!tamperedReport.isGood)
        #expect(tamperedReport.auditChainProblem != nil || tamperedReport.integrity != "ok")
        // Truncated, as a killed file copy would leave it.
        let truncated = try corrupted("truncated.sqlite") { $0 = $0.prefix($0.count / 2) }
        #expect(!truncated.isGood)
        #expect(truncated.problems.joined().contains("truncated"))
        // Not a database at all; no file at all.
        let header = try corrupted("header.sqlite") { $0[0] ^= 0xFF }
        #expect(!header.isGood)
        #expect(!SQLiteLedgerStore.verify(backupAt: work.file("missing.sqlite")).isGood)
        #expect(!SQLiteLedgerStore.verify(backupAt: work.path).isGood)

        // Restoring a bad backup changes nothing.
        let ledger = work.file("target.sqlite")
        _ = try SQLiteLedgerStore.restore(from: good.path, to: ledger)
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        for bad in ["flipped.sqlite", "truncated.sqlite", "header.sqlite", "tampered.sqlite"] {
            #expect(throws: LedgerError.self) { _ = try SQLiteLedgerStore.restore(from: work.file(bad), to: ledger) }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        #expect(!work.entries.contains { $0.contains("before-restore") || $0.contains(".partial-") })
    }

    // MARK: - Restore

    @Test func restoreKeepsTheCurrentLedgerIncludingItsWALCommits() throws {
        let work = try Folder()
        let ledger = work.file("ledger.sqlite")
        let backupPath = work.file("b.sqlite")
        do {
            let (store, service) = try Self.b16Ledger(at: ledger)
            _ = try store.backup(to: backupPath)
            try Self.postInvoice(service, "50", ref: "AFTER-BACKUP")
            // While the ledger is open (the app is running), restore refuses and changes nothing.
            let error = try #require(throws: LedgerError.self) {
                _ = try SQLiteLedgerStore.restore(from: backupPath, to: ledger)
            }
            #expect(error.description.contains("open in another program"))
            #expect(try store.summary().invoices == 4)
            #expect(!work.entries.contains { $0.contains("before-restore") || $0.contains(".partial-") })
        }
        // Closed now. The post-backup invoice may still sit in the -wal file: the kept ledger must hold it.
        let report = try SQLiteLedgerStore.restore(from: backupPath, to: ledger)
        let kept = try #require(report.previousLedgerKeptAt)
        #expect(kept.hasPrefix(ledger + ".before-restore-"))
        #expect(!FileManager.default.fileExists(atPath: ledger + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: ledger + "-shm"))
        let keptReport = SQLiteLedgerStore.verify(backupAt: kept)
        #expect(keptReport.isGood, "\(keptReport.problems)")
        #expect(keptReport.counts?.documents == 4)

        let restored = try SQLiteLedgerStore(path: ledger)
        #expect(try restored.summary().invoices == 3)
        #expect(try restored.summary().salesByCurrency["CNY"] == 60_000)
        #expect(try restored.integrityCheck() == "ok")
        #expect(try restored.verifyAuditChain() == nil)
        let mode = try FileManager.default.attributesOfItem(atPath: ledger)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func restoreNeedsTheAdminRole() throws {
        for role in [UserRole.clerk, .manager, .auditor] {
            #expect(throws: LedgerError.self) { try RecordRestore.authorize(role) }
        }
        try RecordRestore.authorize(.admin)
        let store = try SQLiteLedgerStore()
        let command = RecordRestore(file: "/x/b.sqlite", previousLedgerKeptAt: nil, documents: 0, receipts: 0, auditEntries: 0)
        for role in [UserRole.clerk, .manager] {
            let error = try #require(throws: LedgerError.self) { try Self.service(store, role: role).run(command) }
            guard case .permissionDenied = error else { Issue.record("expected permissionDenied, got \(error)"); continue }
        }
        // Each refusal is audited (issue 13), nothing else is written.
        #expect(try store.auditCount() == 2)
        #expect(try store.scalar("SELECT COUNT(*) FROM audit_log WHERE command = 'access.refused'") == "2")
        try Self.service(store, role: .admin).run(command)
        #expect(try store.scalar("SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1") == "ledger.restore")
    }

    // MARK: - Daily backups

    @Test func dailyBackupsOnceADayKeepingTheNewestN() throws {
        let work = try Folder()
        let (store, _) = try Self.b16Ledger(at: work.file("ledger.sqlite"))
        let dir = store.defaultBackupDirectory!
        #expect(dir == work.path + "/backups")
        #expect(store.lastBackupDate() == nil)
        #expect(store.backupIsOverdue())

        let first = try store.dailyBackupIfDue(today: Self.today, keep: 3)
        #expect(first.path == dir + "/ledger-2025-06-30.sqlite")
        #expect(first.created?.isGood == true)
        #expect(first.removed.isEmpty)
        let again = try store.dailyBackupIfDue(today: Self.today, keep: 3)
        #expect(again.skipped)
        #expect(store.lastBackupDate() == Self.today)
        #expect(!store.backupIsOverdue())
        #expect(store.backupIsOverdue(now: Date().addingTimeInterval(2 * 86_400)))
        let mode = try FileManager.default.attributesOfItem(atPath: dir)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        _ = FileManager.default.createFile(atPath: dir + "/notes.txt", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/ledger-2025-13-01.sqlite", contents: Data())
        var removed: [String] = []
        for day in 1...5 {
            removed += try store.dailyBackupIfDue(today: Self.today.adding(days: day), keep: 3).removed
        }
        let names = try Self.backupFolder(dir).sorted()
        #expect(names == ["ledger-2025-07-03.sqlite", "ledger-2025-07-04.sqlite", "ledger-2025-07-05.sqlite",
                          "ledger-2025-13-01.sqlite", "notes.txt"])
        #expect(removed.map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["ledger-2025-06-30.sqlite", "ledger-2025-07-01.sqlite", "ledger-2025-07-02.sqlite"])
        #expect(store.lastBackupDate() == CivilDate(iso: "2025-07-05"))
        #expect(SQLiteLedgerStore.lastBackupDate(directory: dir) == CivilDate(iso: "2025-07-05"))
        #expect(throws: LedgerError.self) { _ = try store.dailyBackupIfDue(today: Self.today, keep: 0) }

        // An explicit folder.
        let other = work.file("elsewhere")
        let outcome = try store.dailyBackupIfDue(directory: other, today: Self.today)
        #expect(outcome.path == other + "/ledger-2025-06-30.sqlite")
        #expect(SQLiteLedgerStore.verify(backupAt: outcome.path).isGood)
    }

    @Test func dailyFileNames() {
        #expect(SQLiteLedgerStore.dailyBackupFileName(for: Self.today) == "ledger-2025-06-30.sqlite")
        #expect(SQLiteLedgerStore.day(ofDailyBackupFileName: "ledger-2025-06-30.sqlite") == Self.today)
        for bad in ["ledger-2025-6-30.sqlite", "ledger-2025-02-30.sqlite", "x-2025-06-30.sqlite",
                    "ledger-2025-06-30.sqlite-wal", ".ledger-2025-06-30.sqlite.partial-12"] {
            #expect(SQLiteLedgerStore.day(ofDailyBackupFileName: bad) == nil, "\(bad)")
        }
    }
}

import Foundation
import Testing
import LedgerCore
@testable import LedgerStore

/// Tryout s30: the terminal UI's daily backup can be skipped while it runs: a stopped backup writes nothing (no
/// file, no partial, no manifest), leaves today without a daily backup, and a later one works.
@Suite struct BackupStopTests {
    /// Answers false `after` times, then true (counting the questions).
    final class StopAfter: @unchecked Sendable {
        private let lock = NSLock()
        private var asked = 0
        let after: Int
        init(_ after: Int) { self.after = after }
        func ask() -> Bool { lock.withLock { asked += 1; return asked > after } }
        var questions: Int { lock.withLock { asked } }
    }

    @Test(arguments: [0, 1])
    func aStoppedDailyBackupWritesNothing(after: Int) throws {
        let work = try BackupTests.Folder()
        let (store, _) = try BackupTests.b16Ledger(at: work.file("ledger.sqlite"))
        let stop = StopAfter(after)
        #expect(throws: BackupStopped.self) {
            _ = try store.dailyBackupIfDue(today: BackupTests.today, shouldStop: stop.ask)
        }
        #expect(stop.questions > after)                   // stopped before the copy (0), or once copied (1)
        #expect(!store.hasDailyBackup(today: BackupTests.today))
        let folder = work.file("backups")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
        // Not stopped: the backup is written, checked, with its manifest.
        let outcome = try store.dailyBackupIfDue(today: BackupTests.today, shouldStop: { false })
        #expect(outcome.created?.counts?.documents == 3)
        #expect(store.hasDailyBackup(today: BackupTests.today))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
                == ["ledger-2025-06-30.sqlite", "ledger-2025-06-30.sqlite.manifest"])
    }

    @Test func theSkipIsAudited() throws {
        let work = try BackupTests.Folder()
        let (store, service) = try BackupTests.b16Ledger(at: work.file("ledger.sqlite"))
        let text = try service.run(RecordBackupSkipped(kind: "daily", file: "backups/ledger-2025-06-30.sqlite"))
        #expect(text == "daily backup backups/ledger-2025-06-30.sqlite skipped by the user")
        let last = try #require(try store.auditLogTail(limit: 1).last)
        #expect(last.command == "ledger.backup_skipped" && last.payload.contains("ledger-2025-06-30.sqlite"))
    }
}

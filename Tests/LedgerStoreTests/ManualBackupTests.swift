import Foundation
import LedgerCore
@testable import LedgerStore
import Testing

/// s33 tryout: a manual backup (`salesledger backup`, `backup --to DIR`) replaced the day's start-up backup
/// `backups/<ledger>-YYYY-MM-DD.sqlite`. A manual backup now gets its own name and never replaces a backup.
@Suite struct ManualBackupTests {
    @Test func manualBackupsNeverTakeTheDailyFilesName() throws {
        let work = try BackupTests.Folder()
        let (shop, service) = try BackupTests.b16Ledger(at: work.file("shop.sqlite"))
        let today = BackupTests.today
        let daily = try #require(try shop.dailyBackupIfDue(today: today).created)
        let dailyBytes = try Data(contentsOf: URL(fileURLWithPath: daily.path))
        try service.run(CreateCustomer(CustomerFields(code: "LATER", name: "Later Co")))

        let folder = work.path + "/backups"
        let first = try shop.manualBackupPath(today: today, secondsOfDay: 9 * 3600 + 5 * 60 + 7)
        #expect(first == folder + "/shop-2025-06-30-090507.sqlite")
        _ = try shop.backup(to: first)
        // The same second again: a new name, the first file kept.
        let second = try shop.manualBackupPath(today: today, secondsOfDay: 9 * 3600 + 5 * 60 + 7)
        #expect(second == folder + "/shop-2025-06-30-090507-2.sqlite")
        #expect(try shop.manualBackupPath(today: today, secondsOfDay: 0, encrypted: true)
                == folder + "/shop-2025-06-30-000000.sqlite.enc")
        // An encrypted file of that name takes it too.
        FileManager.default.createFile(atPath: folder + "/shop-2025-06-30-000001.sqlite.enc", contents: Data([1]))
        #expect(try shop.manualBackupPath(today: today, secondsOfDay: 1)
                == folder + "/shop-2025-06-30-000001-2.sqlite")

        // The daily file is unchanged; the rotation never counts (or deletes) a manual backup.
        #expect(try Data(contentsOf: URL(fileURLWithPath: daily.path)) == dailyBytes)
        #expect(SQLiteLedgerStore.dailyBackups(in: folder, ledgerStem: "shop").map(\.path) == [daily.path])
        #expect(SQLiteLedgerStore.day(ofDailyBackupFileName: "shop-2025-06-30-090507.sqlite", ledgerStem: "shop")
                == nil)
        for day in 1...3 { _ = try shop.dailyBackupIfDue(today: today.adding(days: day), keep: 1) }
        #expect(FileManager.default.fileExists(atPath: first))
        #expect(SQLiteLedgerStore.verify(backupAt: first).counts?.customers == 2)
    }

    /// s34-fix: two processes backing up in the same second both chose the free name before either had written
    /// it, and the later rename replaced the earlier backup. The name is now claimed without replacing (`link`):
    /// the second backup moves on to `-2`, the first stays as it was. The clock is injected (`secondsOfDay`).
    @Test func twoBackupsInOneSecondNeverReplaceEachOther() throws {
        let work = try BackupTests.Folder()
        let (shop, service) = try BackupTests.b16Ledger(at: work.file("shop.sqlite"))
        let today = BackupTests.today, second = 14 * 3600 + 30 * 60
        let folder = work.path + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // Both "processes" pick the name first: nothing is there yet, so it is the same name.
        let chosenByA = try shop.manualBackupPath(today: today, secondsOfDay: second)
        let chosenByB = try shop.manualBackupPath(today: today, secondsOfDay: second)
        #expect(chosenByA == chosenByB && chosenByA == folder + "/shop-2025-06-30-143000.sqlite")
        let a = try shop.manualBackup(at: chosenByA, directory: nil, today: today, secondsOfDay: second,
                                      passphrase: nil)
        let aBytes = try Data(contentsOf: URL(fileURLWithPath: a.path))
        try service.run(CreateCustomer(CustomerFields(code: "LATER", name: "Later Co")))
        let b = try shop.manualBackup(at: chosenByB, directory: nil, today: today, secondsOfDay: second,
                                      passphrase: nil)
        #expect(a.path == chosenByA)
        #expect(b.path == folder + "/shop-2025-06-30-143000-2.sqlite")
        #expect(try Data(contentsOf: URL(fileURLWithPath: a.path)) == aBytes)
        #expect(SQLiteLedgerStore.verify(backupAt: a.path).counts?.customers == 1)
        #expect(SQLiteLedgerStore.verify(backupAt: b.path).counts?.customers == 2)
        #expect(BackupManifest.problems(backup: a.path, report: SQLiteLedgerStore.verify(backupAt: a.path)).isEmpty)
        #expect(BackupManifest.problems(backup: b.path, report: SQLiteLedgerStore.verify(backupAt: b.path)).isEmpty)
        // The public call picks the next free name by itself; an encrypted one too.
        let c = try shop.manualBackup(today: today, secondsOfDay: second)
        #expect(c.path == folder + "/shop-2025-06-30-143000-3.sqlite")
        let chosenByD = try shop.manualBackupPath(today: today, secondsOfDay: second + 1, encrypted: true)
        _ = try shop.manualBackup(at: chosenByD, directory: nil, today: today, secondsOfDay: second + 1,
                                  passphrase: "correct horse battery")
        let e = try shop.manualBackup(at: chosenByD, directory: nil, today: today, secondsOfDay: second + 1,
                                      passphrase: "correct horse battery")
        #expect(e.path == folder + "/shop-2025-06-30-143001-2.sqlite.enc")
        // No temp file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func manualNamesClampTheTime() {
        let day = BackupTests.today
        #expect(SQLiteLedgerStore.manualBackupFileName(for: day, secondsOfDay: 86_399, ledgerStem: "x")
                == "x-2025-06-30-235959.sqlite")
        #expect(SQLiteLedgerStore.manualBackupFileName(for: day, secondsOfDay: 90_000, ledgerStem: "x", attempt: 3)
                == "x-2025-06-30-235959-3.sqlite")
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import LedgerCore
@testable import LedgerStore
import Testing

/// Issue 13: encrypted backups (format, wrong passphrase, tampering), off-site copies, daily files named after
/// their ledger, file permissions.
@Suite struct EncryptedBackupTests {
    typealias Folder = BackupTests.Folder
    static let passphrase = "correct horse battery"

    static func bytes(_ path: String) -> [UInt8] { Array(FileManager.default.contents(atPath: path) ?? Data()) }
    static func write(_ bytes: [UInt8], _ path: String) { FileManager.default.createFile(atPath: path, contents: Data(bytes)) }

    @Test func roundTripsEveryChunkLayoutAndRefusesAWrongPassphrase() throws {
        let work = try Folder()
        // Empty, short, exactly one chunk, one chunk and a byte: each decrypts to the same bytes.
        for size in [0, 1000, EncryptedBackupFile.chunkSize, EncryptedBackupFile.chunkSize + 1] {
            let plain = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            Self.write(plain, work.file("p"))
            try EncryptedBackupFile.encrypt(work.file("p"), to: work.file("e"), passphrase: Self.passphrase)
            let sealed = Self.bytes(work.file("e"))
            #expect(Array(sealed.prefix(12)) == Array("SLEDGER-ENC1".utf8))
            let chunks = max(1, (size + EncryptedBackupFile.chunkSize - 1) / EncryptedBackupFile.chunkSize)
            #expect(sealed.count == 52 + size + chunks * 20, "size \(size)")
            try EncryptedBackupFile.decrypt(work.file("e"), to: work.file("d"), passphrase: Self.passphrase)
            #expect(Self.bytes(work.file("d")) == plain, "size \(size)")
            #expect(throws: EncryptedBackupFile.Failure.wrongPassphrase) {
                try EncryptedBackupFile.decrypt(work.file("e"), to: nil, passphrase: "correct horse battery!")
            }
        }
    }

    @Test func everyKindOfTamperingIsRefused() throws {
        let work = try Folder()
        let plain = (0..<(EncryptedBackupFile.chunkSize + 5000)).map { UInt8(truncatingIfNeeded: $0) }
        Self.write(plain, work.file("p"))
        try EncryptedBackupFile.encrypt(work.file("p"), to: work.file("e"), passphrase: Self.passphrase)
        let sealed = Self.bytes(work.file("e"))
        let firstChunkEnd = 52 + 4 + EncryptedBackupFile.chunkSize + 16
        var cases: [(String, [UInt8])] = []
        for offset in [60, 52 + 4 + 100, firstChunkEnd - 3, firstChunkEnd + 10, sealed.count - 1] {
            var flipped = sealed
            flipped[offset] ^= 0x40
            cases.append(("flip at \(offset)", flipped))
        }
        cases.append(("truncated to the first chunk", Array(sealed.prefix(firstChunkEnd))))
        cases.append(("last byte cut", Array(sealed.dropLast())))
        cases.append(("appended bytes", sealed + [1, 2, 3]))
        cases.append(("first chunk twice", Array(sealed.prefix(firstChunkEnd)) + Array(sealed[52..<firstChunkEnd])))
        for (name, bytes) in cases {
            Self.write(bytes, work.file("t"))
            do {
                try EncryptedBackupFile.decrypt(work.file("t"), to: nil, passphrase: Self.passphrase)
                Issue.record("\(name): accepted")
            } catch {
                if case .altered = error {} else { Issue.record("\(name): \(error)") }
            }
        }
        // A changed header (salt or parameters) no longer matches the key check: told as a wrong passphrase.
        var header = sealed
        header[20] ^= 1
        Self.write(header, work.file("h"))
        #expect(throws: EncryptedBackupFile.Failure.wrongPassphrase) {
            try EncryptedBackupFile.decrypt(work.file("h"), to: nil, passphrase: Self.passphrase)
        }
        #expect(throws: EncryptedBackupFile.Failure.notEncrypted) {
            try EncryptedBackupFile.decrypt(work.file("p"), to: nil, passphrase: Self.passphrase)
        }
    }

    @Test func encryptedBackupVerifiesRestoresAndCopiesOffSite() throws {
        let work = try Folder()
        let (store, _) = try BackupTests.b16Ledger(at: work.file("shop.sqlite"))
        let target = try store.dailyBackupPath(today: BackupTests.today, encrypted: true)
        #expect(target == work.path + "/backups/shop-2025-06-30.sqlite.enc")
        try FileManager.default.createDirectory(atPath: work.path + "/backups", withIntermediateDirectories: true)
        let report = try store.backup(to: target, passphrase: Self.passphrase)
        #expect(report.encryption != nil)
        #expect(report.counts == BackupCounts(customers: 1, documents: 3, receipts: 0, auditEntries: 4))
        #expect(work.entries == ["backups", "shop.sqlite", "shop.sqlite-shm", "shop.sqlite-wal", "shop.sqlite.audit-head"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path + "/backups").sorted()
                == ["shop-2025-06-30.sqlite.enc", "shop-2025-06-30.sqlite.enc.manifest"])
        #expect(throws: LedgerError.self) { _ = try store.backup(to: work.file("x.enc"), passphrase: "short") }

        let good = SQLiteLedgerStore.verifyWithManifest(backupAt: target, passphrase: Self.passphrase)
        #expect(good.isGood, "\(good.problems)")
        #expect(good.counts?.documents == 3)
        let wrong = SQLiteLedgerStore.verifyWithManifest(backupAt: target, passphrase: "wrong horse battery")
        #expect(wrong.problems.contains { $0.contains("wrong passphrase") })
        #expect(!SQLiteLedgerStore.verifyWithManifest(backupAt: target).isGood)

        let copy = try SQLiteLedgerStore.copyBackup(target, toFolder: work.file("usb"))
        #expect(copy.path == work.path + "/usb/shop-2025-06-30.sqlite.enc")
        #expect(Self.bytes(copy.path) == Self.bytes(target))

        let restoredPath = work.file("restored.sqlite")
        #expect(throws: LedgerError.self) {
            _ = try SQLiteLedgerStore.restore(from: copy.path, to: restoredPath, passphrase: "wrong horse battery")
        }
        #expect(!FileManager.default.fileExists(atPath: restoredPath))
        _ = try SQLiteLedgerStore.restore(from: copy.path, to: restoredPath, passphrase: Self.passphrase)
        let restored = try SQLiteLedgerStore(path: restoredPath)
        #expect(try restored.scalar("SELECT SUM(total) FROM document") == "60000")
        #expect(!work.entries.contains { $0.contains("plain") })
    }

    @Test func dailyBackupsAreNamedAfterTheirLedger() throws {
        let work = try Folder()
        let (shop, _) = try BackupTests.b16Ledger(at: work.file("shop.sqlite"))
        let (depot, _) = try BackupTests.b16Ledger(at: work.file("depot.sqlite"))
        #expect(try shop.dailyBackupIfDue(today: BackupTests.today).created != nil)
        #expect(try depot.dailyBackupIfDue(today: BackupTests.today).created != nil)
        #expect(try shop.dailyBackupIfDue(today: BackupTests.today).skipped)
        let folder = work.path + "/backups"
        #expect(SQLiteLedgerStore.dailyBackups(in: folder, ledgerStem: "shop").map(\.path) == [folder + "/shop-2025-06-30.sqlite"])
        #expect(SQLiteLedgerStore.dailyBackups(in: folder, ledgerStem: "depot").count == 1)
        // Rotation of one ledger never deletes another's files.
        for day in 1...3 { _ = try shop.dailyBackupIfDue(today: BackupTests.today.adding(days: day), keep: 2) }
        #expect(SQLiteLedgerStore.dailyBackups(in: folder, ledgerStem: "shop").count == 2)
        #expect(SQLiteLedgerStore.dailyBackups(in: folder, ledgerStem: "depot").count == 1)
        #expect(SQLiteLedgerStore.day(ofDailyBackupFileName: "shop-2025-06-30.sqlite.enc", ledgerStem: "shop") == BackupTests.today)
        #expect(SQLiteLedgerStore.day(ofDailyBackupFileName: "depot-2025-06-30.sqlite", ledgerStem: "shop") == nil)
    }

    @Test func loosePermissionsAreFoundAndFixed() throws {
        let work = try Folder()
        let ledger = work.file("shop.sqlite")
        let (store, _) = try BackupTests.b16Ledger(at: ledger)
        _ = try store.dailyBackupIfDue(today: BackupTests.today)
        chmod(work.path, 0o700)
        #expect(FilePermissions.check(ledger: ledger).isEmpty)
        chmod(ledger, 0o644)
        chmod(work.path + "/backups", 0o755)
        chmod(work.path + "/backups/shop-2025-06-30.sqlite", 0o640)
        let loose = FilePermissions.check(ledger: ledger)
        #expect(loose.map(\.path) == [ledger, work.path + "/backups", work.path + "/backups/shop-2025-06-30.sqlite"])
        #expect(loose.first?.description.contains("is 0644 (should be 0600: others can read it)") == true)
        #expect(FilePermissions.warning(loose, ledger: ledger)?.contains("init --fix-permissions") == true)
        try FilePermissions.fix(ledger: ledger)
        #expect(FilePermissions.check(ledger: ledger).isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: ledger)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LedgerCore

extension EncryptedBackupFile {
    /// What the manifest and `backup verify` say about an encrypted backup's scheme.
    public static var scheme: String {
        "AES-256-GCM, 1 MiB chunks; key from scrypt N=2^\(PasswordHash.logN) r=\(PasswordHash.blockSize)"
            + " p=\(PasswordHash.parallelism), 16-byte salt"
    }
}

extension SQLiteLedgerStore {
    /// Minimum passphrase length for `backup --encrypt` (like passwords).
    public static let minimumPassphraseLength = 8

    /// `backup(to:)`, encrypted with `passphrase` when one is given (`EncryptedBackupFile`).
    ///
    /// The plain copy is written and checked as usual under a private temp name (`.<name>.plain.partial-<pid>`,
    /// mode 0600) in the target folder, encrypted into `.<name>.partial-<pid>`, decrypted back in memory and
    /// compared (SHA-256 of the plaintext), flushed and renamed to `path`; the plain copy is then deleted. The
    /// manifest holds the SHA-256 of the encrypted file, so `backup verify` refuses a flipped byte even without
    /// the passphrase.
    /// - Throws: `LedgerError.validation` for a passphrase shorter than 8 characters; `.storage` naming `path`.
    public func backup(to path: String, passphrase: String?) throws -> BackupReport {
        try backup(to: path, passphrase: passphrase, nextName: nil)
    }

    /// `backup(to:passphrase:)`; with `nextName` the backup never replaces a file: when `path` (or the name
    /// `nextName` gave after it) is taken when the copy is ready, the next name is tried (`placeExclusively`).
    func backup(to path: String, passphrase: String?, nextName: ((String) throws -> String)?) throws -> BackupReport {
        guard let passphrase else {
            let report = try backup(to: path, pagesPerStep: -1, fault: nil, nextName: nextName)
            try BackupManifest.write(for: report)
            return report
        }
        guard passphrase.count >= Self.minimumPassphraseLength else {
            throw LedgerError.validation([FieldIssue("passphrase",
                                                     "must have at least \(Self.minimumPassphraseLength) characters")])
        }
        let target = BackupFiles.absolute(path)
        let folder = BackupFiles.folder(of: target)
        let plainName = "." + BackupFiles.name(of: target) + ".plain"
        BackupFiles.removeStalePartials(in: folder, finalName: plainName)
        let plain = BackupFiles.partialPath(for: folder + "/" + plainName)
        defer { BackupFiles.removeWithSidecars(plain) }
        var report = try backup(to: plain, pagesPerStep: -1, fault: nil)
        let partial = BackupFiles.partialPath(for: target)
        var placed = target
        do {
            try EncryptedBackupFile.encrypt(plain, to: partial, passphrase: passphrase)
            let expected = BackupManifest.sha256(ofFile: plain)
            let decrypted = try EncryptedBackupFile.decrypt(partial, to: nil, passphrase: passphrase)
            guard decrypted == expected else { throw LedgerError.storage("the encrypted copy does not decrypt to the "
                                                                         + "backup") }
            try BackupFiles.fsyncFile(partial)
            if let nextName {
                placed = try Self.placeExclusively(partial, at: target, nextName: nextName)
            } else {
                BackupFiles.removeSidecars(of: target)
                try BackupFiles.renameAtomically(partial, to: target)
            }
        } catch {
            unlink(partial)
            throw Self.failure(error, writing: placed)
        }
        report.path = placed
        report.sizeBytes = BackupFiles.regularFileSize(placed) ?? 0
        report.journalMode = "encrypted"
        report.encryption = EncryptedBackupFile.scheme
        try BackupManifest.write(for: report)
        return report
    }

    /// Checks an encrypted backup: its manifest (size, SHA-256 of the encrypted file) always; with the passphrase
    /// also the decrypted contents (into a private temp folder, deleted afterwards): integrity, audit chain,
    /// counts and head equal to the manifest's. A wrong passphrase is a problem of its own. Never throws.
    public static func verifyEncrypted(backupAt path: String, passphrase: String?) -> BackupReport {
        var report = BackupReport(path: path, sizeBytes: BackupFiles.regularFileSize(path) ?? 0,
                                  journalMode: "encrypted")
        report.encryption = EncryptedBackupFile.scheme
        if let passphrase {
            do {
                try withPrivateTempFile { temp in
                    do {
                        try EncryptedBackupFile.decrypt(path, to: temp, passphrase: passphrase)
                    } catch {
                        report.problems.append("\(path): \(error)")
                        return
                    }
                    let inner = verify(backupAt: temp)
                    report.integrity = inner.integrity
                    report.counts = inner.counts
                    report.lastAuditHash = inner.lastAuditHash
                    report.auditChainProblem = inner.auditChainProblem
                    report.practiceMarker = inner.practiceMarker
                    report.problems += inner.problems.map { $0.replacingOccurrences(of: temp,
                                                                                    with: path + " (decrypted)") }
                }
            } catch {
                report.problems.append("\(path) cannot be decrypted: \(error)")
            }
        } else {
            report.problems.append("\(path) is encrypted: give the passphrase to check its contents")
        }
        report.problems += BackupManifest.problems(backup: path, report: report)
        return report
    }

    /// `restore(from:to:)` for a backup that may be encrypted: decrypted with `passphrase` into a private temp file
    /// beside the ledger first (GCM authenticates every chunk), restored from there, and the temp file deleted.
    /// - Throws: `LedgerError.refused` for a wrong passphrase or an altered file; as `restore(from:to:)` otherwise.
    public static func restore(from backup: String, to ledgerPath: String,
                               passphrase: String?) throws -> RestoreReport {
        guard EncryptedBackupFile.isEncrypted(backup) else { return try restore(from: backup, to: ledgerPath) }
        guard let passphrase else { throw LedgerError.refused("\(backup) is encrypted: the passphrase is needed") }
        let ledger = BackupFiles.absolute(ledgerPath)
        let plainName = "." + BackupFiles.name(of: ledger) + ".restore-plain"
        let folder = BackupFiles.folder(of: ledger)
        BackupFiles.removeStalePartials(in: folder, finalName: plainName)
        let plain = BackupFiles.partialPath(for: folder + "/" + plainName)
        defer { BackupFiles.removeWithSidecars(plain) }
        do {
            try EncryptedBackupFile.decrypt(backup, to: plain, passphrase: passphrase)
        } catch {
            throw LedgerError.refused("\(backup): \(error); nothing was restored")
        }
        var report = try restore(from: plain, to: ledger)
        report.backup.path = backup
        report.backup.encryption = EncryptedBackupFile.scheme
        return report
    }

    /// Runs `body` with a path in a new private folder (mode 0700) under the system temp folder; both are removed.
    static func withPrivateTempFile(_ body: (String) throws -> Void) throws {
        var template = Array((NSTemporaryDirectory() + "/salesledger-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw LedgerError.storage("cannot create a private temp folder: \(BackupFiles.errnoText())")
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder + "/backup.sqlite")
    }

    /// Copies a written backup and its manifest into `folder` (an off-site copy: a USB disk, a network share),
    /// under the same name, through a temp file, flush and rename; then checks the copy against the manifest
    /// (SHA-256), and a plain copy also with `verify(backupAt:)`. Returns the check of the copy.
    /// - Throws: `LedgerError.storage` naming the copy when it cannot be written or fails its check.
    public static func copyBackup(_ backup: String, toFolder folder: String) throws -> BackupReport {
        let dir = BackupFiles.absolute(folder)
        try BackupFiles.createPrivateFolder(dir, what: "off-site")
        let target = dir + "/" + BackupFiles.name(of: backup)
        if BackupFiles.sameFile(backup, target) { throw LedgerError.refused("--to names the backup's own folder") }
        for (source, final) in [(backup, target),
                                (BackupManifest.path(forBackup: backup), BackupManifest.path(forBackup: target))] {
            let partial = BackupFiles.partialPath(for: final)
            do {
                try BackupFiles.createPrivateFile(partial)
                try copyBytes(from: source, to: partial)
                try BackupFiles.fsyncFile(partial)
                try BackupFiles.renameAtomically(partial, to: final)
            } catch {
                unlink(partial)
                throw LedgerError.storage("the off-site copy \(final) was not written: \(error)")
            }
        }
        var report = BackupReport(path: target, sizeBytes: BackupFiles.regularFileSize(target) ?? 0)
        if EncryptedBackupFile.isEncrypted(target) {
            report.journalMode = "encrypted"
            report.encryption = EncryptedBackupFile.scheme
            report.counts = BackupManifest.read(forBackup: target)?.counts
        } else {
            report = verify(backupAt: target)
        }
        report.problems += BackupManifest.problems(backup: target, report: report)
        guard report.isGood else {
            throw LedgerError.storage("the off-site copy \(target) failed its check: "
                                      + report.problems.joined(separator: "; "))
        }
        return report
    }

    static func copyBytes(from source: String, to target: String) throws {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw LedgerError.storage("cannot read \(source)")
        }
        defer { try? input.close() }
        guard let output = FileHandle(forWritingAtPath: target) else { throw LedgerError.storage("cannot write "
                                                                                                 + "\(target)") }
        defer { try? output.close() }
        while let block = try input.read(upToCount: 1 << 20), !block.isEmpty { try output.write(contentsOf: block) }
    }
}

import Crypto
import Foundation
import LedgerCore

/// The manifest written beside every backup (`<backup>.manifest`, JSON, mode 0600): SHA-256 of the whole file,
/// its size, row counts and the audit chain head. `backup verify` and `restore` recompute the SHA-256, so any
/// flipped byte — even one SQLite's own checks would not notice — is refused.
public struct BackupManifest: Codable, Hashable, Sendable {
    public var format = "salesledger-backup-manifest 1"
    public var file: String
    public var sizeBytes: Int64
    public var sha256: String
    public var counts: BackupCounts
    public var auditHead: AuditHead
    /// nil for a plain backup; the scheme of an encrypted one. The manifest itself is not secret: it tells the
    /// row counts and the chain head, never the contents.
    public var encryption: String?

    public static func path(forBackup backup: String) -> String { backup + ".manifest" }

    /// SHA-256 (hex) of the whole file, read in 1 MiB blocks.
    public static func sha256(ofFile path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty { hasher.update(data: block) }
        return Hex.encode(hasher.finalize())
    }

    /// Writes the manifest of a checked backup.
    static func write(for report: BackupReport) throws {
        guard let digest = sha256(ofFile: report.path) else { throw LedgerError.storage("cannot read \(report.path)") }
        let counts = report.counts ?? BackupCounts()
        let head = AuditHead(count: counts.auditEntries, hash: report.lastAuditHash ?? AuditChain.genesis)
        let manifest = BackupManifest(file: BackupFiles.name(of: report.path), sizeBytes: report.sizeBytes,
                                      sha256: digest, counts: counts, auditHead: head,
                                      encryption: report.encryption)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let target = path(forBackup: report.path)
        let temp = target + ".partial"
        guard FileManager.default.createFile(atPath: temp, contents: try encoder.encode(manifest),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw LedgerError.storage("cannot write \(target)")
        }
        try BackupFiles.fsyncFile(temp)
        try BackupFiles.renameAtomically(temp, to: target)
    }

    /// The manifest beside `backup`, or nil when missing or unreadable.
    public static func read(forBackup backup: String) -> BackupManifest? {
        FileManager.default.contents(atPath: path(forBackup: backup)).flatMap {
            try? JSONDecoder().decode(BackupManifest.self, from: $0)
        }
    }

    /// Problems of `backup` against its manifest (missing, unreadable, other size or SHA-256, other counts or head).
    public static func problems(backup: String, report: BackupReport) -> [String] {
        let manifestPath = path(forBackup: backup)
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            return ["no manifest \(manifestPath): the backup's SHA-256 cannot be checked"]
        }
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data) else {
            return ["the manifest \(manifestPath) is unreadable"]
        }
        var problems: [String] = []
        if let size = BackupFiles.regularFileSize(backup), size != manifest.sizeBytes {
            problems.append("\(backup) has \(size) bytes, its manifest says \(manifest.sizeBytes)")
        }
        if sha256(ofFile: backup) != manifest.sha256 {
            problems.append("\(backup) does not match the SHA-256 in its manifest (the file was altered or damaged)")
        }
        if let counts = report.counts, counts != manifest.counts {
            problems.append("\(backup) holds \(counts), its manifest says \(manifest.counts)")
        }
        if let head = report.lastAuditHash, head != manifest.auditHead.hash {
            problems.append("\(backup)'s audit head differs from its manifest")
        }
        return problems
    }
}

extension SQLiteLedgerStore {
    /// `verify(backupAt:)` plus the manifest check (what `backup verify` and `restore` use). An encrypted backup
    /// is decrypted with `passphrase` into a private temp file and checked there (`verifyEncrypted`).
    public static func verifyWithManifest(backupAt path: String, passphrase: String? = nil) -> BackupReport {
        if EncryptedBackupFile.isEncrypted(path) { return verifyEncrypted(backupAt: path, passphrase: passphrase) }
        var report = verify(backupAt: path)
        report.problems += BackupManifest.problems(backup: path, report: report)
        return report
    }
}

import Foundation
import LedgerCore

/// Row counts of a ledger file, used to check that a backup holds what the ledger held.
public struct BackupCounts: Hashable, Sendable, Codable, CustomStringConvertible {
    public var customers: Int
    /// Invoices and credit notes, every status.
    public var documents: Int
    public var receipts: Int
    public var auditEntries: Int

    public init(customers: Int = 0, documents: Int = 0, receipts: Int = 0, auditEntries: Int = 0) {
        self.customers = customers
        self.documents = documents
        self.receipts = receipts
        self.auditEntries = auditEntries
    }

    public var description: String {
        "\(customers) customers, \(documents) documents, \(receipts) receipts, \(auditEntries) audit entries"
    }
}

/// What a check of a backup file found. `isGood` only when every check passed.
public struct BackupReport: Hashable, Sendable {
    /// The file checked (after a backup: the final name).
    public var path: String
    public var sizeBytes: Int64 = 0
    /// `PRAGMA integrity_check`: `ok`, or its first messages.
    public var integrity: String = "not checked"
    /// From the file header: `delete` (a rollback-journal file, needs no sidecar files) or `wal`.
    public var journalMode: String = "unknown"
    /// nil when the audit hash chain is intact, else the first break.
    public var auditChainProblem: String?
    public var counts: BackupCounts?
    /// Hash of the last audit entry (ties the backup to a point in the ledger's history).
    public var lastAuditHash: String?
    /// Every problem found, each naming what is wrong; empty when the file is a usable backup.
    public var problems: [String] = []
    /// nil for a plain SQLite backup; else how it is encrypted (`EncryptedBackupFile.scheme`).
    public var encryption: String?
    /// The practice-ledger marker (training) found in the backup's settings; nil for a real ledger's backup.
    public var practiceMarker: String?

    public var isGood: Bool { problems.isEmpty }

    /// One line per fact, for the CLI.
    public var summaryLines: [String] {
        let chain = auditChainProblem.map { "BROKEN at \($0)" } ?? (counts == nil ? "not checked" : "intact")
        var lines = ["file: \(path)", "size: \(sizeBytes) bytes", "integrity: \(integrity)",
                     "journal mode: \(journalMode)",
                     "audit chain: \(chain)"]
        if let counts { lines.append("contents: \(counts)") }
        if let encryption { lines.append("encryption: \(encryption)") }
        return lines
    }
}

/// What `restore(from:to:)` did.
public struct RestoreReport: Hashable, Sendable {
    /// The check of the backup that was restored.
    public var backup: BackupReport
    /// The ledger file now holding the restored data.
    public var ledgerPath: String
    /// Where the ledger that was replaced is kept (nil when there was none).
    public var previousLedgerKeptAt: String?
}

/// What `dailyBackupIfDue` did.
public struct DailyBackupOutcome: Hashable, Sendable {
    /// Today's file: `<directory>/<ledger stem>-YYYY-MM-DD.sqlite` (`.sqlite.enc` when encrypted).
    public var path: String
    /// The new backup, or nil when today's file already existed (skipped).
    public var created: BackupReport?
    /// Older daily files deleted to keep the last N.
    public var removed: [String]

    public var skipped: Bool { created == nil }
}

/// A daily backup file found in a backup folder.
public struct BackupFileInfo: Hashable, Sendable {
    public var path: String
    /// The day in the file name.
    public var date: CivilDate
    /// When the file was written (file system time).
    public var modified: Date
}

/// Records a backup in the audit log (run by `LedgerService` after the backup file was written and checked).
/// Changes no records: the audit entry is the point. Outcome: a one-line description.
public struct RecordBackup: LedgerCommand {
    public static let name = "ledger.backup"
    /// `manual` or `daily`.
    public var kind: String
    public var file: String
    public var sizeBytes: Int64
    public var customers: Int
    public var documents: Int
    public var receipts: Int
    /// Audit entries in the backup (this entry is not in it: it is appended after the copy).
    public var auditEntries: Int
    /// Whether the file is encrypted (`backup --encrypt`).
    public var encrypted: Bool
    /// The verified off-site copy (`backup --to DIR`), if one was made.
    public var offsiteCopy: String?

    public init(kind: String, file: String, sizeBytes: Int64, customers: Int, documents: Int, receipts: Int,
                auditEntries: Int, encrypted: Bool = false, offsiteCopy: String? = nil) {
        self.encrypted = encrypted
        self.offsiteCopy = offsiteCopy
        self.kind = kind
        self.file = file
        self.sizeBytes = sizeBytes
        self.customers = customers
        self.documents = documents
        self.receipts = receipts
        self.auditEntries = auditEntries
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        var issues = IssueCollector()
        issues.check(!file.isEmpty, "file", "is required")
        issues.check(["manual", "daily"].contains(kind), "kind", "must be manual or daily")
        try issues.throwIfAny()
        return "\(kind) \(encrypted ? "encrypted " : "")backup \(file): \(documents) documents, \(receipts) receipts,"
            + " \(auditEntries) audit entries" + (offsiteCopy.map { "; off-site copy \($0)" } ?? "")
    }
}

/// Records, in the audit log, a backup that was allowed but failed (disk full, folder missing, a bad check, an
/// off-site copy that could not be written): nothing is written but the entry, so a missing backup is explained.
/// Outcome: a one-line description.
public struct RecordBackupFailure: LedgerCommand {
    public static let name = "ledger.backup_failed"
    /// `manual` or `daily`.
    public var kind: String
    public var file: String
    /// The error, as shown to the user.
    public var error: String

    public init(kind: String, file: String, error: String) {
        self.kind = kind
        self.file = file
        self.error = error
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        "\(kind) backup \(file) failed: \(error)"
    }
}

/// Records, in the audit log, a backup the user skipped (the terminal UI's start-up daily backup, stopped with
/// ^G): nothing was written, so the missing backup is explained. Outcome: a one-line description.
public struct RecordBackupSkipped: LedgerCommand {
    public static let name = "ledger.backup_skipped"
    /// `daily`.
    public var kind: String
    public var file: String
    public init(kind: String, file: String) {
        self.kind = kind
        self.file = file
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        "\(kind) backup \(file) skipped by the user"
    }
}

/// Records, in the restored ledger, that it was restored from a backup. Only the admin role may restore:
/// callers check `RecordRestore.authorize(_:)` before replacing the file, and the command checks again.
/// Outcome: a one-line description.
public struct RecordRestore: LedgerCommand {
    public static let name = "ledger.restore"
    public static var allowedRoles: Set<UserRole> { AccessRoles.admins }
    public var file: String
    /// Where the replaced ledger was kept, if there was one.
    public var previousLedgerKeptAt: String?
    public var documents: Int
    public var receipts: Int
    public var auditEntries: Int

    /// Number counters of the replaced ledger: the restored ledger's counters are raised to them, so a number
    /// issued before the restore is never issued again (the gap is explained by this entry).
    public var numberFloors: [NumberSeriesCounter]

    public init(file: String, previousLedgerKeptAt: String?, documents: Int, receipts: Int, auditEntries: Int,
                numberFloors: [NumberSeriesCounter] = []) {
        self.numberFloors = numberFloors
        self.file = file
        self.previousLedgerKeptAt = previousLedgerKeptAt
        self.documents = documents
        self.receipts = receipts
        self.auditEntries = auditEntries
    }

    /// Throws `permissionDenied` unless `role` is admin.
    public static func authorize(_ role: UserRole) throws(LedgerError) {
        guard role == .admin else {
            throw .permissionDenied("restoring a backup needs the admin role (you are \(role.rawValue))")
        }
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> String {
        try Self.authorize(context.role)
        var issues = IssueCollector()
        issues.check(!file.isEmpty, "file", "is required")
        try issues.throwIfAny()
        var raised: [String] = []
        for floor in numberFloors {
            let before = try tx.raiseNumberCounter(series: floor.series, year: floor.year, atLeast: floor.lastNumber)
            if before < floor.lastNumber {
                raised.append("\(floor.series)-\(floor.year) \(before)→\(floor.lastNumber)")
                context.recordChange(entity: "number_series", id: Int64(floor.year), before: before,
                                     after: floor.lastNumber)
            }
        }
        return "restored from \(file)" + (previousLedgerKeptAt.map { "; previous ledger kept as \($0)" } ?? "")
            + (raised.isEmpty ? "" : "; number counters raised past numbers issued before the restore: "
               + raised.joined(separator: ", "))
    }
}

/// The last number issued in one series and year.
public struct NumberSeriesCounter: Hashable, Sendable, Codable {
    public var series: String
    public var year: Int
    public var lastNumber: Int
    public init(series: String, year: Int, lastNumber: Int) {
        self.series = series
        self.year = year
        self.lastNumber = lastNumber
    }
}

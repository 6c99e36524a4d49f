import Crypto
import Foundation
import GRDB
import LedgerCore

/// The embedded store: SQLite through GRDB, WAL mode, foreign keys on, a busy timeout, migrations.
///
/// Writes run in `BEGIN IMMEDIATE` transactions (GRDB's default for `write`), so two processes posting at
/// once queue on the busy timeout instead of failing, and number counters stay gapless.
public final class SQLiteLedgerStore: LedgerStore, @unchecked Sendable {
    let writer: any DatabaseWriter
    /// The database file, or nil in memory.
    public let path: String?
    /// HMAC key of the audit chain (kept outside the database), or nil for an unkeyed chain.
    var auditKey: SymmetricKey?

    /// Sets the audit key (raw bytes, at least 32) or clears it.
    public func setAuditKey(_ bytes: [UInt8]?) {
        auditKey = bytes.map { SymmetricKey(data: $0) }
    }
    /// True when the file or its media is not writable: reads work, writes throw "ledger is read-only".
    public private(set) var isReadOnly = false
    /// Seconds a writer waits for another program's lock (`StoreAccess`).
    let writeWaitSeconds: Double

    /// The writer connection's page cache and temporary storage (see `init(path:)`).
    static let writerPragmas = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY"

    /// Opens (creating when missing) the ledger at `path`: folder mode 0700, file mode 0600, then migrates.
    /// - Throws: `LedgerError.storage` naming the path and the cause.
    /// An existing file that is not writable (or mode 0400) opens read-only; a writer waits up to
    /// `busyTimeoutSeconds` (default 60) for another program's write, telling `StoreAccess.waitReporter` who it is.
    public init(path: String, busyTimeoutSeconds: Double = StoreAccess.defaultWriteWaitSeconds) throws(LedgerError) {
        self.path = path
        writeWaitSeconds = busyTimeoutSeconds
        do {
            let url = URL(fileURLWithPath: path)
            let folder = url.deletingLastPathComponent().path
            let fm = FileManager.default
            if !fm.fileExists(atPath: folder) {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            }
            // Created with O_EXCL, never replaced: `FileManager.createFile` writes through a temporary file and a
            // rename, which swapped the file under a second program that had just created and opened it.
            let created = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if created >= 0 { close(created) }
            guard created >= 0 || errno == EEXIST else { throw LedgerError.storage("cannot create \(path)") }
            let isNew = created >= 0
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.busyMode = .callback(StoreAccess.busyCallback(path: path, limit: busyTimeoutSeconds))
            config.prepareDatabase { db in
                // The writer's page cache: 64 MiB instead of SQLite's 2 MiB. A bulk load is one transaction; with
                // the small cache its index pages were evicted, re-read from the WAL and spilled again and again
                // (a 1M-invoice load read ~800 GB through pread). Readers keep the default (report RSS).
                // Statement journals and temporary b-trees (a bulk load's big statements) in memory, not in files.
                if !db.configuration.readonly { try db.execute(sql: SQLiteLedgerStore.writerPragmas) }
            }
            if !isNew && StoreAccess.isReadOnly(path: path) {
                config.readonly = true
                isReadOnly = true
                writer = try DatabaseQueue(path: path, configuration: config)
                return
            }
            let pool = try DatabasePool(path: path, configuration: config)
            writer = pool
            // Concurrent opens of a ledger to upgrade: `SchemaUpgrade`.
            try SchemaUpgrade.run(pool, path: path)
            // Indexes an interrupted bulk load dropped are built again (`LoadIndexes`).
            if try pool.read(LoadIndexes.pending) { try pool.writeWithoutTransaction(LoadIndexes.restore) }
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw StoreAccess.ledgerError(error, path: path, waitLimit: busyTimeoutSeconds)
        } catch {
            throw .storage("\(path): \(error)")
        }
    }

    /// A private in-memory ledger (tests).
    public init() throws(LedgerError) {
        path = nil
        writeWaitSeconds = StoreAccess.defaultWriteWaitSeconds
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            let queue = try DatabaseQueue(configuration: config)
            writer = queue
            try Schema.migrator.migrate(queue)
        } catch {
            throw .storage("in-memory database: \(error)")
        }
    }

    public func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T {
        if isReadOnly { throw LedgerError.refused("ledger is read-only: \(path ?? "ledger") cannot be written") }
        do {
            let key = auditKey
            let job = WriteJob.current
            // The holder note is written once the write lock is ours, so waiting writers can name us.
            // The note stays until the commit has finished: a long commit still holds the lock.
            var noted = false
            defer { if noted { StoreAccess.removeHolderNote(path) } }
            let result = try writer.write { db in
                StoreAccess.writeHolderNote(path, job: job)
                noted = true
                let tx = SQLiteTransaction(db: db, auditKey: key)
                tx.auditPipeline = AuditPipeline()
                let result = try body(tx)
                try tx.finishAudit()
                return result
            }
            anchorHead()
            return result
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw StoreAccess.ledgerError(error, path: path, waitLimit: writeWaitSeconds)
        }
    }

    /// `PRAGMA data_version`: changes when another connection commits (not for this connection's own commits).
    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
    }

    /// Runs `body` in `BEGIN IMMEDIATE` transactions on the writer connection, committing at each `commit()` and
    /// at the end (`LedgerStore.writeInChunks`). After each commit the audit head is anchored and the lock is left
    /// free for 25 ms so a writer waiting for it (its busy handler retries every 20 ms) gets its turn between two
    /// chunks; the transaction's read caches are dropped when another connection committed in that time
    /// (`PRAGMA data_version` changed).
    public func writeInChunks<T>(_ body: (any LedgerTransaction, _ commit: () throws -> Void) throws -> T) throws -> T {
        if isReadOnly { throw LedgerError.refused("ledger is read-only: \(path ?? "ledger") cannot be written") }
        do {
            let key = auditKey
            let job = WriteJob.current
            let path = self.path
            var noted = false
            defer { if noted { StoreAccess.removeHolderNote(path) } }
            return try writer.writeWithoutTransaction { db in
                let tx = SQLiteTransaction(db: db, auditKey: key)
                tx.auditPipeline = AuditPipeline()
                try db.beginTransaction(.immediate)
                StoreAccess.writeHolderNote(path, job: job)
                noted = true
                var version = try Self.dataVersion(db)
                do {
                    let result = try body(tx) {
                        try tx.finishAudit()
                        try db.commit()
                        StoreAccess.removeHolderNote(path)
                        noted = false
                        if let path, let head = try? AuditVerifier.head(db) { AuditHeadFile.store(head, ledger: path) }
                        usleep(25_000)
                        try db.beginTransaction(.immediate)
                        StoreAccess.writeHolderNote(path, job: job)
                        noted = true
                        // What was read stays valid unless another connection committed meanwhile (s33-gen: the
                        // customers were read again after every commit, ~7 % of a generation's CPU).
                        let now = try Self.dataVersion(db)
                        if now != version { tx.dropReadCaches() }
                        version = now
                    }
                    try tx.finishAudit()
                    try db.commit()
                    if let path, let head = try? AuditVerifier.head(db) { AuditHeadFile.store(head, ledger: path) }
                    // The indexes the load dropped are built after its last commit (`LoadIndexes`).
                    try LoadIndexes.restore(db)
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
            }
        } catch let error as LedgerError {
            throw error
        } catch let error as DatabaseError {
            throw StoreAccess.ledgerError(error, path: path, waitLimit: writeWaitSeconds)
        }
    }

    /// Rewrites the head file beside the ledger when the log grew (see `AuditHeadFile`).
    func anchorHead() {
        guard let path, let head = try? writer.read({ db in try AuditVerifier.head(db) }) else { return }
        AuditHeadFile.store(head, ledger: path)
    }

    /// One read: its own read transaction, or — inside `readSnapshot` — the snapshot's connection and transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try SnapshotScope.isActive(self) ? writer.unsafeReentrantRead(body) : writer.read(body)
        } catch let error as DatabaseError {
            throw StoreAccess.ledgerError(error, path: path, waitLimit: writeWaitSeconds)
        }
    }

    public func readSnapshot<T>(_ body: () throws -> T) throws -> T {
        if SnapshotScope.isActive(self) { return try body() }
        do {
            return try writer.read { _ in try SnapshotScope.run(self, body) }
        } catch let error as DatabaseError {
            throw StoreAccess.ledgerError(error, path: path, waitLimit: writeWaitSeconds)
        }
    }

    /// `PRAGMA integrity_check` result: `ok` when the file is sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    /// Runs `sql` and returns the first column of the first row as text (diagnostics and tests).
    public func scalar(_ sql: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: sql) }
    }

    /// The default ledger file: `$XDG_DATA_HOME/salesledger/ledger.sqlite`, else `~/.local/share/salesledger/…`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return xdg + "/salesledger/ledger.sqlite"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/salesledger/ledger.sqlite"
    }
}

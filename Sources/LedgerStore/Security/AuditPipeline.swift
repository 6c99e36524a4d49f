import Crypto
import Dispatch
import GRDB
import LedgerCore

/// A write transaction's bulk audit entries built on a second thread (issue 10, s33-gen): the lines' text, the
/// changes JSON, the deflate and the chain hash of a chunk's entry (`AuditChunk.entry`) are computed while the
/// writer goes on with the next chunk's rows; the entry's row is inserted when the next entry is appended, before
/// a single entry, and before every commit (`finish`). The writer thread reads what needs the database — the
/// previous hash and the seals of the records the chunk wrote — before handing the chunk over, so the entries,
/// their order, their seals and their hashes are those of `AuditChunk.append`; only their rows are inserted later
/// in the same transaction. At most one entry is being built at a time (one chunk's drafts, ~1,000 lines).
///
/// Used on one thread (the writer's); the builder thread shares nothing with it but the drafts it was handed and
/// the entry it hands back (`PendingAuditEntry`).
final class AuditPipeline {
    private var pending: PendingAuditEntry?

    /// Hands `entries` (a chunk's drafts) to the builder thread, after writing the entry built before them.
    /// - Throws: the database's errors reading the previous hash or the seals, or writing the previous entry.
    func append(_ entries: [AuditDraft], db: Database, key: SymmetricKey?) throws {
        guard !entries.isEmpty else { return }
        let previous = try finish(db) ?? AuditAppender.lastHashBytes(db)
        let seals = try AuditAppender.pendingSeals(db)
        let keyBytes = key.map { $0.withUnsafeBytes { Array($0) } }
        pending = PendingAuditEntry {
            AuditChunk.entry(entries, previous: previous, seals: seals, key: keyBytes.map(SymmetricKey.init(data:)))
        }
    }

    /// Waits for the entry being built, if any, and inserts its row; returns its hash (nil when none was pending).
    /// - Throws: the database's errors inserting the row.
    @discardableResult
    func finish(_ db: Database) throws -> [UInt8]? {
        guard let pending else { return nil }
        self.pending = nil
        let entry = try pending.wait()
        try AuditChunk.insert(entry, db: db)
        return entry.hash
    }
}

/// One bulk entry being built on a global dispatch queue; `wait` blocks until it is done. The entry is written
/// once by the builder before the semaphore is signalled and read only after `wait` returns (the semaphore orders
/// the two), hence `@unchecked Sendable`.
private final class PendingAuditEntry: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var entry: AuditChunk.Entry?

    init(_ build: @escaping @Sendable () -> AuditChunk.Entry) {
        DispatchQueue.global().async { [self] in
            entry = build()
            done.signal()
        }
    }

    /// The built entry. - Throws: `LedgerError.storage` if the builder left none (not expected).
    func wait() throws -> AuditChunk.Entry {
        done.wait()
        done.signal()
        guard let entry else { throw LedgerError.storage("table audit_log: a bulk entry was not built") }
        return entry
    }
}

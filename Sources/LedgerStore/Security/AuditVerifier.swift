import Crypto
import Foundation
import GRDB
import LedgerCore

/// What `audit verify` found: the chain head, and every problem in the order met (the first names the first
/// entry or record that differs).
public struct AuditVerification: Hashable, Sendable {
    /// Entries in the log.
    public var entries: Int
    /// Hash of the last entry (`AuditChain.genesis` when the log is empty): keep it with `entries` as the head.
    public var headHash: String
    /// Records now covered by seals (documents, receipts, allocations, users).
    public var coveredRecords: Int
    /// Entries hashed with the audit key (HMAC).
    public var keyedEntries: Int
    /// The head anchored outside the table that was compared, if any.
    public var anchoredHead: AuditHead?
    public var problems: [String]
    public var isIntact: Bool { problems.isEmpty }
}

/// The head of the chain (count of entries and the last hash), as anchored in the head file and backup manifests.
public struct AuditHead: Hashable, Sendable, Codable, CustomStringConvertible {
    public var count: Int
    public var hash: String
    public init(count: Int, hash: String) {
        self.count = count
        self.hash = hash
    }
    public var description: String { "\(count) entries, head \(hash)" }
}

enum AuditVerifier {
    /// Recomputes every entry's hash and link, then every covered record's content against its latest seal,
    /// then compares with `anchor` (the head kept outside the table). Reading only. Text-format entries (before
    /// issue 10) and compact ones are both understood (`AuditEntryFormat`).
    static func verify(_ db: Database, key: SymmetricKey?, anchor: AuditHead?, limit: Int = 50,
                       skipKeyedWithoutKey: Bool = false) throws -> AuditVerification {
        var problems: [String] = []
        func report(_ text: String) { if problems.count < limit { problems.append(text) } }
        var previousText = AuditChain.genesis
        var previousBytes = AuditChain.genesisBytes
        var previousStored: (DatabaseValue, Int)?
        var expectedSeq: Int64 = 1
        var count = 0
        var keyed = 0
        var lastKeyed = false
        var hashAtAnchor: String?
        var maxSealedID: [String: Int64] = [:]
        func sealed(_ entity: String, _ id: Int64) { maxSealedID[entity] = max(maxSealedID[entity] ?? 0, id) }
        let columns = Set(try db.columns(in: "audit_log").map(\.name))
        let hasSeals = columns.contains("seals")
        let hasFormat = columns.contains("entry_format")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT seq, timestamp_utc, actor, command, payload, changes, outcome, prev_hash, hash
                   \(hasSeals ? ", business_date, seals" : "")\(hasFormat ? ", entry_format" : "")
            FROM audit_log ORDER BY seq
            """)
        while let row = try rows.next() {
            let seq: Int64 = row[0]
            let format: Int = hasFormat ? row[11] : AuditEntryFormat.text
            let storedValue: DatabaseValue = row[8]
            count += 1
            if seq != expectedSeq {
                let gap = seq - 1 > expectedSeq ? "entries \(expectedSeq)–\(seq - 1)" : "entry \(expectedSeq)"
                report("audit \(gap) missing (next entry is \(seq))")
            }
            expectedSeq = seq + 1
            if let (value, storedFormat) = previousStored {
                previousText = AuditChain.text(stored: value, format: storedFormat)
                previousStored = nil
            }
            let businessDate: String = hasSeals ? row[9] : ""
            let command: String = row[3]
            if format == AuditEntryFormat.text {
                let stored = AuditChain.text(stored: storedValue, format: format)
                let prev: String = row[7]
                if prev != previousText {
                    report("audit entry \(seq): its previous hash does not match the entry before it"
                           + " (entries deleted, inserted or reordered)")
                }
                let seals: String = hasSeals ? row[10] : ""
                let isKeyed = stored.hasPrefix(AuditChain.keyedPrefix)
                if isKeyed { keyed += 1 }
                lastKeyed = isKeyed
                if isKeyed && key == nil {
                    if !skipKeyedWithoutKey { report("audit entry \(seq) is keyed (HMAC): give the audit key to verify "
                                                     + "it") }
                } else {
                    let hash = AuditChain.hash(previous: prev, timestamp: row[1], actor: row[2], command: command,
                                               payload: row[4], changes: row[5], outcome: row[6],
                                               businessDate: businessDate, seals: seals, key: isKeyed ? key : nil)
                    if hash != stored { report("audit entry \(seq) (\(command)): contents do not match its hash") }
                }
                for line in seals.split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count == 3, let id = Int64(parts[1]) else {
                        report("audit entry \(seq): unreadable seal '\(line)'")
                        continue
                    }
                    sealed(String(parts[0]), id)
                }
                previousText = stored
                previousBytes = AuditChain.bytes(stored: storedValue, format: format)
                if let anchor, seq == Int64(anchor.count) { hashAtAnchor = stored }
            } else {
                let stored = AuditChain.bytes(stored: storedValue, format: format)
                let sealBlob: [UInt8] = (row[10] as Data?).map { Array($0) } ?? []
                let isKeyed = AuditEntryFormat.isKeyed(format)
                if isKeyed { keyed += 1 }
                lastKeyed = isKeyed
                if isKeyed && key == nil {
                    if !skipKeyedWithoutKey { report("audit entry \(seq) is keyed (HMAC): give the audit key to verify "
                                                     + "it") }
                } else {
                    let payload: [UInt8] = AuditEntryFormat.isBulk(format)
                        ? ((row[4] as Data?).map { Array($0) } ?? [])
                        : Array(((row[4] as String?) ?? "").utf8)
                    let hash = AuditChain.compactHash(
                        previous: previousBytes, timestamp: row[1], actor: row[2], command: command, payload: payload,
                        changes: row[5], outcome: row[6], businessDate: businessDate, seals: sealBlob,
                        key: isKeyed ? key : nil)
                    if hash != stored {
                        report("audit entry \(seq) (\(command)): contents do not match its hash"
                               + " (the entry was edited, or entries before it deleted, inserted or reordered)")
                    }
                }
                // Only the highest ids here; `SealCheck` reads the seals themselves one window of ids at a time.
                var ids: [UInt8: Int64] = [:]
                let readable = sealBlob.withUnsafeBufferPointer { blob in
                    SealBlob.scan(blob) { code, id, _ in ids[code & 0x7f] = max(ids[code & 0x7f] ?? 0, id) }
                }
                if readable {
                    for (code, id) in ids { if let name = SealBlob.names[code] { sealed(name, id) } }
                } else {
                    report("audit entry \(seq): unreadable seals")
                }
                previousBytes = stored
                previousStored = (storedValue, format)
                if let anchor, seq == Int64(anchor.count) {
                    hashAtAnchor = AuditChain.text(stored: storedValue, format: format)
                }
            }
        }
        if let (value, storedFormat) = previousStored { previousText = AuditChain.text(stored: value,
                                                                                       format: storedFormat) }
        // A keyed head authenticates every entry before it (each hash covers the previous one); an attacker
        // without the key can only leave an unkeyed head.
        if key != nil && count > 0 && !lastKeyed {
            report("the chain head (audit entry \(expectedSeq - 1)) is not keyed although an audit key is set:"
                   + " the chain may have been recomputed (or nothing was written since the key was made)")
        }
        if let anchor {
            if expectedSeq - 1 < Int64(anchor.count) {
                report("the audit log has \(count) entries but its head was anchored at \(anchor.count):"
                       + " entries were deleted (log truncated)")
            } else if anchor.count > 0 && hashAtAnchor != anchor.hash {
                report("audit entry \(anchor.count) differs from the anchored head (the chain was rewritten)")
            }
        }
        if try db.tableExists("seal_pending") {
            for row in try Row.fetchAll(db, sql: "SELECT entity, id FROM seal_pending ORDER BY entity, id LIMIT 20") {
                let key = SealKey(row: row)
                report("\(RecordSeal.describe(key, db: db)) was changed outside the command layer (no audit entry)")
            }
        }
        var covered = 0
        if hasSeals {
            covered = try SealCheck(db: db, hasFormat: hasFormat, maxSealedID: maxSealedID).run(report: report)
        }
        return AuditVerification(entries: count, headHash: previousText, coveredRecords: covered, keyedEntries: keyed,
                                 anchoredHead: anchor, problems: problems)
    }

    /// The head of the chain in `db`: the last entry's number (entries are numbered 1, 2, … without gaps, so it
    /// is their count) and hash (printed form, `AuditChain.text`). Reads one row, whatever the size of the log.
    static func head(_ db: Database) throws -> AuditHead {
        let hasFormat = try db.columns(in: "audit_log").contains { $0.name == "entry_format" }
        let row = try Row.fetchOne(db, sql: """
            SELECT seq, hash\(hasFormat ? ", entry_format" : "") FROM audit_log ORDER BY seq DESC LIMIT 1
            """)
        guard let row else { return AuditHead(count: 0, hash: AuditChain.genesis) }
        let format: Int = hasFormat ? row[2] : AuditEntryFormat.text
        return AuditHead(count: Int(row[0] as Int64), hash: AuditChain.text(stored: row[1], format: format))
    }

    /// The printed hash of the last entry, or nil when the log is empty.
    static func lastHashText(_ db: Database) throws -> String? {
        let last = try head(db)
        return last.count == 0 ? nil : last.hash
    }
}

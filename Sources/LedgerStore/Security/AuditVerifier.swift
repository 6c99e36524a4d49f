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
    /// then compares with `anchor` (the head kept outside the table). Reading only.
    static func verify(_ db: Database, key: SymmetricKey?, anchor: AuditHead?, limit: Int = 50,
                       skipKeyedWithoutKey: Bool = false) throws -> AuditVerification {
        var problems: [String] = []
        func report(_ text: String) { if problems.count < limit { problems.append(text) } }
        var previous = AuditChain.genesis
        var expectedSeq: Int64 = 1
        var count = 0
        var keyed = 0
        var hashAtAnchor: String?
        var latestSeal: [SealKey: (hash: String, seq: Int64)] = [:]
        let hasSeals = try db.columns(in: "audit_log").contains { $0.name == "seals" }
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            let stored: String = row["hash"]
            let prev: String = row["prev_hash"]
            count += 1
            if seq != expectedSeq {
                let gap = seq - 1 > expectedSeq ? "entries \(expectedSeq)–\(seq - 1)" : "entry \(expectedSeq)"
                report("audit \(gap) missing (next entry is \(seq))")
            }
            expectedSeq = seq + 1
            if prev != previous {
                report("audit entry \(seq): its previous hash does not match the entry before it"
                       + " (entries deleted, inserted or reordered)")
            }
            let businessDate: String = hasSeals ? row["business_date"] : ""
            let seals: String = hasSeals ? row["seals"] : ""
            let isKeyed = stored.hasPrefix(AuditChain.keyedPrefix)
            if isKeyed { keyed += 1 }
            if isKeyed && key == nil {
                if !skipKeyedWithoutKey { report("audit entry \(seq) is keyed (HMAC): give the audit key to verify it") }
            } else {
                let hash = AuditChain.hash(previous: prev, timestamp: row["timestamp_utc"], actor: row["actor"],
                                           command: row["command"], payload: row["payload"], changes: row["changes"],
                                           outcome: row["outcome"], businessDate: businessDate, seals: seals,
                                           key: isKeyed ? key : nil)
                if hash != stored { report("audit entry \(seq) (\(row["command"] as String)): contents do not match its hash") }
            }
            for line in seals.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 3, let id = Int64(parts[1]) else {
                    report("audit entry \(seq): unreadable seal '\(line)'")
                    continue
                }
                latestSeal[SealKey(entity: String(parts[0]), id: id)] = (String(parts[2]), seq)
            }
            if let anchor, seq == Int64(anchor.count) { hashAtAnchor = stored }
            previous = stored
        }
        // A keyed head authenticates every entry before it (each hash covers the previous one); an attacker
        // without the key can only leave an unkeyed head.
        if key != nil && count > 0 && !previous.hasPrefix(AuditChain.keyedPrefix) {
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
                let key = SealKey(entity: row["entity"], id: row["id"])
                report("\(RecordSeal.describe(key, db: db)) was changed outside the command layer (no audit entry)")
            }
        }
        var covered = 0
        if hasSeals {
            var seen = Set<SealKey>()
            for key in try RecordSeal.coveredRecords(db) {
                covered += 1
                seen.insert(key)
                let actual = try RecordSeal.hash(entity: key.entity, id: key.id, db: db)
                guard let seal = latestSeal[key], seal.hash != RecordSeal.absent else {
                    report("\(RecordSeal.describe(key, db: db)) is not covered by the audit chain"
                           + " (inserted outside the command layer)")
                    continue
                }
                if seal.hash != actual {
                    report("\(RecordSeal.describe(key, db: db)) differs from its content sealed by audit entry \(seal.seq)")
                }
            }
            for (key, seal) in latestSeal.sorted(by: { $0.key < $1.key })
            where !seen.contains(key) && seal.hash != RecordSeal.absent {
                report("\(key.entity) \(key.id), sealed by audit entry \(seal.seq), was deleted")
            }
        }
        return AuditVerification(entries: count, headHash: previous, coveredRecords: covered, keyedEntries: keyed,
                                 anchoredHead: anchor, problems: problems)
    }

    /// The head of the chain in `db`: the last entry's number (entries are numbered 1, 2, … without gaps, so it
    /// is their count) and hash. Reads one row, whatever the size of the log.
    static func head(_ db: Database) throws -> AuditHead {
        let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        return AuditHead(count: row.map { Int($0["seq"] as Int64) } ?? 0, hash: row?["hash"] ?? AuditChain.genesis)
    }
}

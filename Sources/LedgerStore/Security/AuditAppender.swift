import Crypto
import GRDB
import LedgerCore

/// Appends one audit entry: seals every covered record the transaction touched (from `seal_pending`), then
/// chains the entry's hash to the previous one. With a key (HMAC-SHA256, kept outside the database) the hash is
/// `hmac:<hex>`, so an attacker who edits rows cannot recompute a chain that verifies.
enum AuditAppender {
    static func append(_ entry: AuditDraft, db: Database, key: SymmetricKey?) throws {
        let last = try Row.fetchOne(db, sql: "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let previous: String = last?["hash"] ?? AuditChain.genesis
        let changes = AuditJSON.encode(entry.changes) ?? "[]"
        let seals = try pendingSeals(db)
        let hash = AuditChain.hash(previous: previous, timestamp: entry.timestampUTC, actor: entry.actor,
                                   command: entry.command, payload: entry.payload, changes: changes,
                                   outcome: entry.outcome, businessDate: entry.businessDate, seals: seals, key: key)
        try db.execute(sql: """
            INSERT INTO audit_log (timestamp_utc, actor, command, payload, changes, outcome, prev_hash, hash,
                                   business_date, seals)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """, arguments: [entry.timestampUTC, entry.actor, entry.command, entry.payload, changes, entry.outcome,
                             previous, hash, entry.businessDate, seals])
    }

    /// `entity id hash` lines of the touched records (sorted), and empties `seal_pending`.
    static func pendingSeals(_ db: Database) throws -> String {
        guard try db.tableExists("seal_pending") else { return "" }
        let keys = try Row.fetchAll(db, sql: "SELECT entity, id FROM seal_pending ORDER BY entity, id")
            .map { SealKey(entity: $0["entity"], id: $0["id"]) }
        guard !keys.isEmpty else { return "" }
        try db.execute(sql: "DELETE FROM seal_pending")
        var lines: [String] = []
        lines.reserveCapacity(keys.count)
        for key in keys {
            lines.append("\(key.entity) \(key.id) \(try RecordSeal.hash(entity: key.entity, id: key.id, db: db))")
        }
        return lines.joined(separator: "\n")
    }
}

/// The tamper-evident chain of the audit log: each entry's hash is SHA-256 (or HMAC-SHA256 with the audit key)
/// over the previous hash and the entry's fields, so changing, removing or reordering any entry breaks every
/// later hash. Entries written before issue 13 have no business date or seals and hash without them.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)
    static let keyedPrefix = "hmac:"

    public static func hash(previous: String, timestamp: String, actor: String, command: String, payload: String,
                            changes: String, outcome: String, businessDate: String = "", seals: String = "",
                            key: SymmetricKey? = nil) -> String {
        var fields = [previous, timestamp, actor, command, payload, changes, outcome]
        if !businessDate.isEmpty || !seals.isEmpty { fields += [businessDate, seals] }
        var message: [UInt8] = []
        for field in fields {
            let bytes = Array(field.utf8)
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { message.append(contentsOf: $0) }
            message.append(contentsOf: bytes)
        }
        if let key {
            return keyedPrefix + Hex.encode(HMAC<SHA256>.authenticationCode(for: message, using: key))
        }
        return Hex.encode(SHA256.hash(data: message))
    }
}

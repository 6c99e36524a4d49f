import Crypto
import Foundation
import GRDB
import LedgerCore

/// Appends one audit entry: seals every covered record the transaction touched (from `seal_pending`), then
/// chains the entry's hash to the previous one. With a key (HMAC-SHA256, kept outside the database) the entry is
/// keyed, so an attacker who edits rows cannot recompute a chain that verifies.
///
/// Entries are written in the compact format (`AuditEntryFormat.compact`, issue 10): the hash is a 32-byte blob,
/// the previous hash is not stored again (it is the hash of the entry before), and seals are binary.
enum AuditAppender {
    static func append(_ draft: AuditDraft, db: Database, key: SymmetricKey?) throws {
        let entry = draft.resolved()
        let previous = try lastHashBytes(db)
        let changes = AuditChangesJSON.encode(entry.changes)
        let seals = try pendingSeals(db)
        let hash = AuditChain.compactHash(previous: previous, timestamp: entry.timestampUTC, actor: entry.actor,
                                          command: entry.command, payload: entry.payload, changes: changes,
                                          outcome: entry.outcome, businessDate: entry.businessDate, seals: seals,
                                          key: key)
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit_log (timestamp_utc, actor, command, payload, changes, outcome, prev_hash, hash,
                                   business_date, seals, entry_format)
            VALUES (?,?,?,?,?,?,X'',?,?,?,?)
            """)
        try statement.execute(arguments: [entry.timestampUTC, entry.actor, entry.command, entry.payload, changes,
                                          entry.outcome, Data(hash), entry.businessDate, Data(seals),
                                          key == nil ? AuditEntryFormat.compact : AuditEntryFormat.compactKeyed])
    }

    /// The bytes the next entry chains to: the last entry's hash (32 zero bytes for an empty log).
    static func lastHashBytes(_ db: Database) throws -> [UInt8] {
        let statement = try db.cachedStatement(
            sql: "SELECT hash, entry_format FROM audit_log ORDER BY seq DESC LIMIT 1")
        guard let row = try Row.fetchOne(statement) else { return AuditChain.genesisBytes }
        return AuditChain.bytes(stored: row[AuditLogEntry.Columns.hash], format: row[AuditLogEntry.Columns.entryFormat])
    }

    /// The seals of the touched records (sorted, `SealBlob` encoding), and empties `seal_pending`.
    static func pendingSeals(_ db: Database) throws -> [UInt8] {
        let keys = try Row.fetchAll(db.cachedStatement(sql: "SELECT entity, id FROM seal_pending ORDER BY entity, id"))
            .map(SealKey.init(row:))
        guard !keys.isEmpty else { return [] }
        let digests = try RecordSeal.pendingDigests(keys, db: db)
        try db.cachedStatement(sql: "DELETE FROM seal_pending").execute()
        var blob: [UInt8] = []
        blob.reserveCapacity(keys.count * 36)
        for (key, digest) in zip(keys, digests) { SealBlob.append(key, digest: digest, into: &blob) }
        return blob
    }

    /// The old text form of pending seals (`entity id hash` lines), used only by the v5 baseline migration, which
    /// runs before the compact format exists.
    static func pendingSealsText(_ db: Database) throws -> String {
        let keys = try Row.fetchAll(db, sql: "SELECT entity, id FROM seal_pending ORDER BY entity, id")
            .map(SealKey.init(row:))
        guard !keys.isEmpty else { return "" }
        try db.execute(sql: "DELETE FROM seal_pending")
        return try keys.map { "\($0.entity) \($0.id) \(try RecordSeal.hash(entity: $0.entity, id: $0.id, db: db))" }
            .joined(separator: "\n")
    }

    /// Appends an entry in the original text format (format 1): only for migrations that ran before issue 10.
    static func appendLegacy(_ entry: AuditDraft, db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let previous: String = last?[AuditLogEntry.Columns.hash] ?? AuditChain.genesis
        let changes = AuditJSON.encode(entry.changes) ?? "[]"
        let seals = try pendingSealsText(db)
        let hash = AuditChain.hash(previous: previous, timestamp: entry.timestampUTC, actor: entry.actor,
                                   command: entry.command, payload: entry.payload, changes: changes,
                                   outcome: entry.outcome, businessDate: entry.businessDate, seals: seals, key: nil)
        try db.execute(sql: """
            INSERT INTO audit_log (timestamp_utc, actor, command, payload, changes, outcome, prev_hash, hash,
                                   business_date, seals)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """, arguments: [entry.timestampUTC, entry.actor, entry.command, entry.payload, changes, entry.outcome,
                             previous, hash, entry.businessDate, seals])
    }
}

/// How an audit entry is stored and hashed (the `entry_format` column).
enum AuditEntryFormat {
    /// Issues 2–13: text hashes (`hmac:` prefix when keyed), `prev_hash` stored, seals as text lines.
    static let text = 1
    /// Issue 10: 32-byte blob hash (SHA-256), no stored previous hash, binary seals.
    static let compact = 2
    /// As `compact`, hashed with HMAC-SHA256 under the audit key.
    static let compactKeyed = 3
    /// Issue 10: one entry for a chunk of a bulk load's commands, payload a deflated blob (`AuditChunk`).
    static let bulk = 4
    /// As `bulk`, hashed with HMAC-SHA256 under the audit key.
    static let bulkKeyed = 5

    static func isKeyed(_ format: Int) -> Bool { format == compactKeyed || format == bulkKeyed }
    static func isBulk(_ format: Int) -> Bool { format == bulk || format == bulkKeyed }
}

/// Binary seals of a compact entry: per record, one byte entity code (1 document, 2 receipt, 3 allocation,
/// 4 user; +128 when the record is absent and no digest follows), the id as an unsigned LEB128 varint, then the
/// 32-byte SHA-256 of its canonical content.
enum SealBlob {
    static let codes = ["document": UInt8(1), "receipt": 2, "allocation": 3, "user": 4]
    static let names: [UInt8: String] = [1: "document", 2: "receipt", 3: "allocation", 4: "user"]

    static func append(_ key: SealKey, digest: [UInt8]?, into blob: inout [UInt8]) {
        let code = codes[key.entity] ?? 0
        blob.append(digest == nil ? code | 0x80 : code)
        var id = UInt64(bitPattern: key.id)
        repeat {
            let low = UInt8(id & 0x7f)
            id >>= 7
            blob.append(id == 0 ? low : low | 0x80)
        } while id != 0
        if let digest { blob.append(contentsOf: digest) }
    }

    /// The seals of a blob in order, or nil when it is not well formed (decoded by `scan`, the one reader of the
    /// format).
    static func parse(_ blob: [UInt8]) -> [(key: SealKey, digest: [UInt8]?)]? {
        var result: [(key: SealKey, digest: [UInt8]?)] = []
        let wellFormed = blob.withUnsafeBufferPointer { buffer in
            scan(buffer) { code, id, offset in
                guard let name = names[code & 0x7f] else { return }
                result.append((SealKey(entity: name, id: id), offset.map { Array(buffer[$0..<($0 + 32)]) }))
            }
        }
        return wellFormed ? result : nil
    }
}

/// The tamper-evident chain of the audit log: each entry's hash is SHA-256 (or HMAC-SHA256 with the audit key)
/// over the previous hash and the entry's fields, so changing, removing or reordering any entry breaks every
/// later hash. Entries written before issue 13 have no business date or seals and hash without them.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)
    static let genesisBytes = [UInt8](repeating: 0, count: 32)
    static let keyedPrefix = "hmac:"
    /// First field of a compact entry's message, so no text-format message can equal a compact one.
    static let compactTag = Array("salesledger-audit-2".utf8)

    public static func hash(previous: String, timestamp: String, actor: String, command: String, payload: String,
                            changes: String, outcome: String, businessDate: String = "", seals: String = "",
                            key: SymmetricKey? = nil) -> String {
        var fields = [previous, timestamp, actor, command, payload, changes, outcome]
        if !businessDate.isEmpty || !seals.isEmpty { fields += [businessDate, seals] }
        var message: [UInt8] = []
        for field in fields { appendField(Array(field.utf8), to: &message) }
        if let key {
            return keyedPrefix + Hex.encode(HMAC<SHA256>.authenticationCode(for: message, using: key))
        }
        return Hex.encode(SHA256.hash(data: message))
    }

    /// The hash of a compact entry: SHA-256 (HMAC-SHA256 with `key`) over the length-prefixed fields
    /// tag, previous hash bytes, timestamp, actor, command, payload, changes, outcome, business date, seal blob.
    static func compactHash(previous: [UInt8], timestamp: String, actor: String, command: String, payload: String,
                            changes: String, outcome: String, businessDate: String, seals: [UInt8],
                            key: SymmetricKey?) -> [UInt8] {
        compactHash(previous: previous, timestamp: timestamp, actor: actor, command: command,
                    payload: Array(payload.utf8), changes: changes, outcome: outcome, businessDate: businessDate,
                    seals: seals, key: key)
    }

    /// As above with the payload as stored bytes (a bulk entry's payload is a blob).
    static func compactHash(previous: [UInt8], timestamp: String, actor: String, command: String, payload: [UInt8],
                            changes: String, outcome: String, businessDate: String, seals: [UInt8],
                            key: SymmetricKey?) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(previous.count + payload.count + seals.count + 200)
        appendField(compactTag, to: &message)
        appendField(previous, to: &message)
        for field in [timestamp, actor, command] { appendField(Array(field.utf8), to: &message) }
        appendField(payload, to: &message)
        for field in [changes, outcome, businessDate] { appendField(Array(field.utf8), to: &message) }
        appendField(seals, to: &message)
        if let key { return Array(HMAC<SHA256>.authenticationCode(for: message, using: key)) }
        return Array(SHA256.hash(data: message))
    }

    private static func appendField(_ bytes: [UInt8], to message: inout [UInt8]) {
        withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { message.append(contentsOf: $0) }
        message.append(contentsOf: bytes)
    }

    /// The raw hash bytes of a stored hash (text hex with optional `hmac:` prefix, or a compact blob).
    static func bytes(stored: DatabaseValue, format: Int?) -> [UInt8] {
        switch stored.storage {
        case .blob(let data): return Array(data)
        case .string(let text):
            let hex = text.hasPrefix(keyedPrefix) ? String(text.dropFirst(keyedPrefix.count)) : text
            return Hex.decode(hex) ?? []
        default: return []
        }
    }

    /// The printed form of a stored hash (the head file, backup manifests, `audit verify`): hex, with the `hmac:`
    /// prefix when keyed, whatever the entry's format.
    static func text(stored: DatabaseValue, format: Int?) -> String {
        switch stored.storage {
        case .blob(let data):
            return (AuditEntryFormat.isKeyed(format ?? 0) ? keyedPrefix : "") + Hex.encode(data)
        case .string(let text): return text
        default: return ""
        }
    }
}

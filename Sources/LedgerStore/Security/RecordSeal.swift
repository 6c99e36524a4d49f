import Crypto
import GRDB

/// The canonical content of each record the hash chain covers, and its SHA-256.
///
/// A document's content is its money-relevant columns (kind, number, dates, customer, currency, status, totals,
/// the invoice it applies to, void reason) and every line; receipts and allocations are all their columns; a
/// user is name, role, active and password hash. Each field is length-prefixed (8-byte big-endian byte count)
/// so no two different records share a byte stream. Drafts are not covered (they are not part of the books).
enum RecordSeal {
    static let documentColumns = ["kind", "series", "number_year", "number", "display_number", "date", "due_date",
                                  "customer_id", "currency", "status", "subtotal", "tax_total", "total",
                                  "applies_to_id", "void_reason"]
    static let lineColumns = ["line_no", "product_id", "description", "quantity_milli", "unit_price", "discount_bp",
                              "tax_rate_bp", "net_amount", "tax_amount"]
    static let receiptColumns = ["series", "number_year", "number", "display_number", "customer_id", "date", "amount",
                                 "currency", "method", "reference", "note"]
    static let allocationColumns = ["invoice_id", "source", "source_id", "date", "amount", "currency", "reverses_id",
                                    "note"]
    static let userColumns = ["name", "role", "active", "password_hash"]

    /// The statements reading a record's sealed columns in order (read by index: no look-up by column name on the
    /// bulk write path, which seals every record it writes).
    static let documentSQL = "SELECT status, \(documentColumns.joined(separator: ", ")) FROM document WHERE id = ?"
    static let lineSQL = "SELECT \(lineColumns.joined(separator: ", ")) FROM document_line WHERE document_id = ? ORDER "
                                                                    + "BY line_no"
    static let receiptSQL = "SELECT \(receiptColumns.joined(separator: ", ")) FROM receipt WHERE id = ?"
    static let allocationSQL = "SELECT \(allocationColumns.joined(separator: ", ")) FROM allocation WHERE id = ?"

    /// Marker sealed for a record that was deleted or is not covered (a draft).
    static let absent = "absent"

    /// The hex SHA-256 of the record's canonical content, or `absent` when it does not exist (or is a draft).
    static func hash(entity: String, id: Int64, db: Database) throws -> String {
        try digest(entity: entity, id: id, db: db).map { Hex.encode($0) } ?? absent
    }

    /// The SHA-256 of the record's canonical content, or nil when it does not exist (or is a draft).
    static func digest(entity: String, id: Int64, db: Database) throws -> [UInt8]? {
        var hasher = SHA256()
        func add(_ row: Row, _ columns: [String], from first: Int = 0) {
            for index in first..<(first + columns.count) {
                let value: DatabaseValue = row[index]
                let text: String
                switch value.storage {
                case .null: text = "\u{0}null"
                case .int64(let n): text = String(n)
                case .double(let d): text = String(d)
                case .string(let s): text = s
                case .blob(let b): text = Hex.encode(Array(b))
                }
                let bytes = Array(text.utf8)
                var length = UInt64(bytes.count).bigEndian
                withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
                hasher.update(data: bytes)
            }
        }
        hasher.update(data: Array((entity + "\n").utf8))
        switch entity {
        case "document":
            guard let row = try Row.fetchOne(db.cachedStatement(sql: documentSQL), arguments: [id]),
                  (row[0] as String?) != "draft" else { return nil }
            add(row, documentColumns, from: 1)
            let lines = try Row.fetchCursor(db.cachedStatement(sql: lineSQL), arguments: [id])
            while let line = try lines.next() { add(line, lineColumns) }
        case "receipt":
            guard let row = try Row.fetchOne(db.cachedStatement(sql: receiptSQL), arguments: [id])
            else { return nil }
            add(row, receiptColumns)
        case "allocation":
            guard let row = try Row.fetchOne(db.cachedStatement(sql: allocationSQL), arguments: [id]) else {
                return nil
            }
            add(row, allocationColumns)
        case "user":
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(userColumns.joined(separator: ", ")) FROM app_user WHERE rowid = ?",
                arguments: [id]) else {
                return nil
            }
            add(row, userColumns)
        default:
            return nil
        }
        return Array(hasher.finalize())
    }

    /// Every covered record now in the ledger, as (entity, id), in a stable order.
    static func coveredRecords(_ db: Database) throws -> [SealKey] {
        var keys: [SealKey] = []
        for (entity, sql) in [("document", "SELECT id FROM document WHERE status <> 'draft' ORDER BY id"),
                              ("receipt", "SELECT id FROM receipt ORDER BY id"),
                              ("allocation", "SELECT id FROM allocation ORDER BY id"),
                              ("user", "SELECT rowid FROM app_user ORDER BY rowid")] {
            let ids = try Int64.fetchCursor(db, sql: sql)
            while let id = try ids.next() { keys.append(SealKey(entity: entity, id: id)) }
        }
        return keys
    }

    /// A readable name of a record for messages: `document 12 (INV-2026-000012)`.
    static func describe(_ key: SealKey, db: Database) -> String {
        let label: String?
        switch key.entity {
        case "document": label = try? String.fetchOne(db, sql: "SELECT display_number FROM document WHERE id = ?",
                                                      arguments: [key.id])
        case "receipt": label = try? String.fetchOne(db, sql: "SELECT display_number FROM receipt WHERE id = ?",
                                                     arguments: [key.id])
        case "user": label = try? String.fetchOne(db, sql: "SELECT name FROM app_user WHERE rowid = ?",
                                                  arguments: [key.id])
        default: label = nil
        }
        return "\(key.entity) \(key.id)" + (label.map { " (\($0))" } ?? "")
    }
}

/// A covered record: entity name and row id.
struct SealKey: Hashable, Comparable {
    var entity: String
    var id: Int64
    static func < (a: SealKey, b: SealKey) -> Bool { (a.entity, a.id) < (b.entity, b.id) }
}

/// Lower-case hex with a lookup table (`String(format:)` per byte is slow in verification loops).
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func encode<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes of a hex string, or nil when it is not hex of even length.
    public static func decode(_ text: String) -> [UInt8]? {
        let chars = Array(text.utf8)
        guard chars.count % 2 == 0 else { return nil }
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48...57: return c - 48
            case 97...102: return c - 87
            case 65...70: return c - 55
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 2)
        var i = 0
        while i < chars.count {
            guard let hi = nibble(chars[i]), let lo = nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}

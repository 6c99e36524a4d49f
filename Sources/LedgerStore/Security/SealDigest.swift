import Crypto
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Builds the canonical content of a sealed record (`RecordSeal`) from the current row of a statement and hashes
/// it: the entity name and a line feed, then each column as an 8-byte big-endian byte count and the bytes of its
/// text (integer and real as decimal text, NULL as `\0null`, a blob as lower-case hex, text as its UTF-8 bytes up
/// to a NUL, ill-formed sequences replaced by U+FFFD). Columns are read straight from SQLite into one reused
/// buffer, hashed once per record — no `Row` values or strings per cell (issue 10: every record a bulk load
/// writes is sealed). The same bytes as GRDB's `DatabaseValue` text of each cell.
final class SealDigestBuilder {
    /// The record's bytes so far (`count` of `capacity`), grown by doubling; plain memory, so appending costs the
    /// same in debug and release builds.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var capacity = 1_024
    private var count = 0

    init() { bytes = .allocate(capacity: capacity) }
    deinit { bytes.deallocate() }

    /// Starts the record of `entity`.
    func start(_ entity: String) {
        count = 0
        var name = entity
        name.withUTF8 { append($0) }
        append(10)
    }

    /// Adds columns `first..<first + count` of the statement's current row.
    func addColumns(_ statement: Statement, from first: Int32, count: Int32) {
        let handle = statement.sqliteStatement
        var index = first
        while index < first + count {
            addColumn(handle, index)
            index += 1
        }
    }

    /// The SHA-256 of the record built since `start`.
    func digest() -> [UInt8] {
        SHA256.hash(data: UnsafeRawBufferPointer(start: bytes, count: count)).withUnsafeBytes { Array($0) }
    }

    /// Whether the SHA-256 of the record built since `start` equals the 32 bytes of `expected` at `offset`,
    /// without an array for the digest.
    func digestEquals(_ expected: [UInt8], at offset: Int) -> Bool {
        var hasher = SHA256()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(start: bytes, count: count))
        return hasher.finalize().withUnsafeBytes { actual in
            expected.withUnsafeBufferPointer { wanted in
                guard offset >= 0, offset + 32 <= wanted.count, actual.count == 32 else { return false }
                for i in 0..<32 where actual[i] != wanted[offset + i] { return false }
                return true
            }
        }
    }

    private func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var grown = capacity * 2
        while count + more > grown { grown *= 2 }
        let fresh = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        fresh.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = fresh
        capacity = grown
    }

    private func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    private func append(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, source.count > 0 else { return }
        reserve(source.count)
        (bytes + count).update(from: base, count: source.count)
        count += source.count
    }

    private func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    private func addColumn(_ handle: SQLiteStatement, _ index: Int32) {
        reserve(8)
        let lengthAt = count
        count += 8
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL:
            append(0)
            append("null")
        case SQLITE_INTEGER:
            appendDecimal(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            append(String(sqlite3_column_double(handle, index)))
        case SQLITE_TEXT:
            if let text = sqlite3_column_text(handle, index) {
                let source = UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index)))
                if let end = Self.wellFormedEnd(source) {
                    append(UnsafeBufferPointer(start: text, count: end))
                } else {
                    append(String(cString: text))
                }
            }
        default:
            let size = Int(sqlite3_column_bytes(handle, index))
            if let blob = sqlite3_column_blob(handle, index) {
                let source = blob.assumingMemoryBound(to: UInt8.self)
                reserve(size * 2)
                for offset in 0..<size {
                    let byte = source[offset]
                    bytes[count] = Self.hexDigits[Int(byte >> 4)]
                    bytes[count + 1] = Self.hexDigits[Int(byte & 0x0f)]
                    count += 2
                }
            }
        }
        // Big-endian, written through one pointer (s31-audit: per-byte accesses of the class's properties were
        // a third of `audit verify`'s time in debug builds).
        let length = UInt64(count - lengthAt - 8)
        let out = bytes + lengthAt
        var shift: UInt64 = 56
        var offset = 0
        while offset < 8 {
            out[offset] = UInt8(truncatingIfNeeded: length >> shift)
            offset += 1
            shift &-= 8
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The decimal text of `value`, digits written from the last through one pointer.
    private func appendDecimal(_ value: Int64) {
        var magnitude = value.magnitude
        var size = value < 0 ? 2 : 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            size += 1
        }
        reserve(size)
        let out = bytes + count
        if value < 0 { out[0] = 45 }
        var at = size - 1
        repeat {
            out[at] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
            magnitude /= 10
            at -= 1
        } while magnitude > 0
        count += size
    }

    /// Where the text ends (its length, or the first NUL) when it is well-formed UTF-8 up to there, so its bytes
    /// are what `String(cString:)` keeps; nil when a sequence is ill-formed (the caller lets `String` repair it).
    static func wellFormedEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0 { return i }
            if b < 0x80 { i += 1; continue }
            let need: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return nil
            }
            guard i + need < n else { return nil }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return nil }
            for k in 2..<(need + 1) where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
            i += need + 1
        }
        return n
    }
}

extension RecordSeal {
    /// The statements reading, for every record listed in `seal_pending`, its sealed columns in id order (a
    /// document: id, status, its columns; its lines: document id, line columns, in line order).
    static let pendingSQL: [String: String] = [
        "document": "SELECT d.id, d.status, \(qualified(documentColumns, "d")) FROM seal_pending p "
            + "JOIN document d ON d.id = p.id WHERE p.entity = 'document' ORDER BY p.id",
        "line": "SELECT l.document_id, \(qualified(lineColumns, "l")) FROM seal_pending p "
            + "JOIN document_line l ON l.document_id = p.id WHERE p.entity = 'document' ORDER BY p.id, l.line_no",
        "receipt": "SELECT r.id, \(qualified(receiptColumns, "r")) FROM seal_pending p "
            + "JOIN receipt r ON r.id = p.id WHERE p.entity = 'receipt' ORDER BY p.id",
        "allocation": "SELECT a.id, \(qualified(allocationColumns, "a")) FROM seal_pending p "
            + "JOIN allocation a ON a.id = p.id WHERE p.entity = 'allocation' ORDER BY p.id",
    ]

    private static func qualified(_ columns: [String], _ alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    /// The digest of each record `seal_pending` lists, in the order of `keys` (which must be `seal_pending`'s rows
    /// ordered by entity and id); nil for a record that is gone or a draft. Reads each entity with one statement
    /// (plus one for document lines) instead of one or two per record (issue 10); the same digests as `digest`.
    static func pendingDigests(_ keys: [SealKey], db: Database) throws -> [[UInt8]?] {
        var result: [[UInt8]?] = []
        result.reserveCapacity(keys.count)
        let builder = SealDigestBuilder()
        var start = 0
        while start < keys.count {
            let entity = keys[start].entity
            var end = start
            while end < keys.count && keys[end].entity == entity { end += 1 }
            let run = keys[start..<end]
            switch entity {
            case "document": try documents(run, db: db, builder: builder, into: &result)
            case "receipt", "allocation":
                let statement = try db.cachedStatement(sql: pendingSQL[entity] ?? "")
                let columns = Int32(entity == "receipt" ? receiptColumns.count : allocationColumns.count)
                let rows = try Row.fetchCursor(statement)
                var current = try rows.next() != nil ? sqlite3_column_int64(statement.sqliteStatement, 0) : nil
                for key in run {
                    while let id = current, id < key.id {
                        current = try rows.next() != nil ? sqlite3_column_int64(statement.sqliteStatement, 0) : nil
                    }
                    guard current == key.id else { result.append(nil); continue }
                    builder.start(entity)
                    builder.addColumns(statement, from: 1, count: columns)
                    result.append(builder.digest())
                }
            default:
                for key in run { result.append(try digest(entity: key.entity, id: key.id, db: db)) }
            }
            start = end
        }
        return result
    }

    private static func documents(_ run: ArraySlice<SealKey>, db: Database, builder: SealDigestBuilder,
                                  into result: inout [[UInt8]?]) throws {
        let documentStatement = try db.cachedStatement(sql: pendingSQL["document"] ?? "")
        let lineStatement = try db.cachedStatement(sql: pendingSQL["line"] ?? "")
        let documents = try Row.fetchCursor(documentStatement)
        let lines = try Row.fetchCursor(lineStatement)
        func id(_ statement: Statement, _ present: Bool) -> Int64? {
            present ? sqlite3_column_int64(statement.sqliteStatement, 0) : nil
        }
        var document = id(documentStatement, try documents.next() != nil)
        var line = id(lineStatement, try lines.next() != nil)
        for key in run {
            while let current = document, current < key.id {
                document = id(documentStatement, try documents.next() != nil)
            }
            guard document == key.id else { result.append(nil); continue }
            let isDraft = sqlite3_column_type(documentStatement.sqliteStatement, 1) == SQLITE_TEXT
                && String(cString: sqlite3_column_text(documentStatement.sqliteStatement, 1)) == "draft"
            builder.start("document")
            builder.addColumns(documentStatement, from: 2, count: Int32(documentColumns.count))
            while let current = line, current < key.id { line = id(lineStatement, try lines.next() != nil) }
            while let current = line, current == key.id {
                if !isDraft { builder.addColumns(lineStatement, from: 1, count: Int32(lineColumns.count)) }
                line = id(lineStatement, try lines.next() != nil)
            }
            result.append(isDraft ? nil : builder.digest())
        }
    }
}

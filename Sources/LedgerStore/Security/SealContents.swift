import Crypto
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// The covered records of one entity with ids in `low..<high`, in id order, each with the digest of its sealed
/// content (s31-audit): one statement per window (and one for the documents' lines, merged by document id)
/// hashed through one reused `SealDigestBuilder`, instead of one or two queries, a `Row` and an array per record
/// (`RecordSeal.digest`, which gives the same digests). Users (a handful) still go through `RecordSeal.digest`.
struct SealContents {
    /// The covered records of a window with their sealed columns after the id (a document: id, status, columns).
    static let recordSQL = [
        "document": "SELECT id, status, \(columns(RecordSeal.documentColumns)) FROM document"
            + " WHERE status <> 'draft' AND id >= ? AND id < ? ORDER BY id",
        "receipt": "SELECT id, \(columns(RecordSeal.receiptColumns)) FROM receipt WHERE id >= ? AND id < ? ORDER BY id",
        "allocation": "SELECT id, \(columns(RecordSeal.allocationColumns)) FROM allocation"
            + " WHERE id >= ? AND id < ? ORDER BY id",
        "user": "SELECT rowid FROM app_user WHERE rowid >= ? AND rowid < ? ORDER BY rowid",
    ]
    /// The lines of a window's documents, in document and line order (the primary key's order).
    static let lineSQL = "SELECT document_id, \(columns(RecordSeal.lineColumns)) FROM document_line"
        + " WHERE document_id >= ? AND document_id < ? ORDER BY document_id, line_no"

    private static func columns(_ names: [String]) -> String { names.joined(separator: ", ") }

    let entity: String
    let db: Database
    private let statement: Statement
    private let rows: RowCursor
    /// The window's document lines (documents only), and the document id of the current line (nil at the end).
    private let lineStatement: Statement?
    private let lines: RowCursor?
    private var line: Int64?
    private let builder = SealDigestBuilder()
    /// The sealed columns of a record row, after the id (and a document's status).
    private let first: Int32
    private let count: Int32
    private var current: Int64?

    init(entity: String, db: Database, low: Int64, high: Int64) throws {
        self.entity = entity
        self.db = db
        statement = try db.makeStatement(sql: Self.recordSQL[entity] ?? "")
        statement.arguments = [low, high]
        rows = try Row.fetchCursor(statement)
        switch entity {
        case "document": (first, count) = (2, Int32(RecordSeal.documentColumns.count))
        case "receipt": (first, count) = (1, Int32(RecordSeal.receiptColumns.count))
        case "allocation": (first, count) = (1, Int32(RecordSeal.allocationColumns.count))
        default: (first, count) = (1, 0)
        }
        if entity == "document" {
            let lineStatement = try db.makeStatement(sql: Self.lineSQL)
            lineStatement.arguments = [low, high]
            let lines = try Row.fetchCursor(lineStatement)
            self.lineStatement = lineStatement
            self.lines = lines
            line = try lines.next() != nil ? sqlite3_column_int64(lineStatement.sqliteStatement, 0) : nil
        } else {
            lineStatement = nil
            lines = nil
        }
    }

    /// The id of the next covered record, or nil after the last.
    mutating func next() throws -> Int64? {
        current = try rows.next() != nil ? sqlite3_column_int64(statement.sqliteStatement, 0) : nil
        return current
    }

    /// Whether the current record's content hashes to the 32 bytes of `digests` at `offset`.
    mutating func matches(_ digests: [UInt8], at offset: Int) throws -> Bool {
        guard let id = current else { return false }
        guard entity != "user" else {
            let actual = try RecordSeal.digest(entity: entity, id: id, db: db)
            return actual.map { $0.elementsEqual(digests[offset ..< offset + 32]) } == true
        }
        builder.start(entity)
        builder.addColumns(statement, from: first, count: count)
        if let lines, let lineStatement {
            while let at = line, at < id {
                line = try lines.next() != nil ? sqlite3_column_int64(lineStatement.sqliteStatement, 0) : nil
            }
            while let at = line, at == id {
                builder.addColumns(lineStatement, from: 1, count: Int32(RecordSeal.lineColumns.count))
                line = try lines.next() != nil ? sqlite3_column_int64(lineStatement.sqliteStatement, 0) : nil
            }
        }
        return builder.digestEquals(digests, at: offset)
    }
}

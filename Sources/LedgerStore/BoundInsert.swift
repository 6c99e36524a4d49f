import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif
import LedgerCore

/// A set-based insert of many rows as multi-row `INSERT INTO table (columns) VALUES (?, …), (?, …), …` statements
/// whose values are bound one by one (issue 10: a chunk's documents, lines, receipts and allocations). It replaced
/// one bound JSON text read with `json_each(?)` and `value ->> n`, which parsed each row's JSON again for every
/// column: in the sqlite3 shell the bound form inserts a document in ~0.7 µs against ~7 µs (DECISIONS.md s32-ins).
///
/// The rows go in `batchRows` at a time, then the rest by the powers of two below it, so each table has at most
/// `log2(batchRows) + 1` statement texts, each prepared once per connection (`cachedStatement`); a batch of 64
/// rows is within 10 % of one statement for the whole chunk, and far below SQLite's 32,766 bound values. Rows are
/// inserted in the order they were added, so a rowid table numbers them as a single statement would. Values keep
/// their SQL type: integers as INTEGER, texts as TEXT, nil as NULL (a text is bound up to its first NUL, as the
/// JSON form stored it).
struct BoundInsert: Sendable {
    /// Rows per full statement.
    static let batchRows = 64

    let table: String
    let columnCount: Int
    /// The statement texts by row count, largest first: `batchRows`, `batchRows / 2`, …, 1.
    private let texts: [(rows: Int, sql: String)]

    /// `columns`: comma-separated column names, as in an `INSERT`.
    init(into table: String, columns: String) {
        self.table = table
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        columnCount = names.count
        let row = "(" + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
        let head = "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES "
        texts = sequence(first: Self.batchRows) { $0 > 1 ? $0 / 2 : nil }.map { rows in
            (rows, head + Array(repeating: row, count: rows).joined(separator: ", "))
        }
    }

    /// One bound value.
    enum Value {
        case integer(Int64), text(String), null
    }

    /// The values of rows to insert, added column by column, row after row.
    struct Rows {
        fileprivate(set) var values: [Value] = []

        mutating func add(_ value: (some BinaryInteger)?) {
            values.append(value.map { .integer(Int64($0)) } ?? .null)
        }

        mutating func add(_ value: String?) {
            values.append(value.map { .text($0) } ?? .null)
        }
    }

    /// Empty rows for this insert, with room for `capacity` rows.
    func rows(capacity: Int = 0) -> Rows {
        var rows = Rows()
        rows.values.reserveCapacity(capacity * columnCount)
        return rows
    }

    /// Inserts `rows` in order. - Throws: `LedgerError.storage` when the values do not fill whole rows (a bug in
    /// the caller); the database's errors as they come.
    func execute(_ rows: Rows, in db: Database) throws {
        guard rows.values.count % columnCount == 0 else {
            throw LedgerError.storage("table \(table): \(rows.values.count) values do not fill rows of \(columnCount)")
        }
        var start = 0, left = rows.values.count / columnCount
        for (count, sql) in texts {
            while left >= count {
                let statement = try db.cachedStatement(sql: sql)
                // GRDB resets the statement and clears its bindings; the values are then bound directly, without
                // an argument array per batch (building and checking GRDB's `StatementArguments` took about half
                // of the insert's time in a debug profile).
                statement.setUncheckedArguments([])
                for index in 0..<(count * columnCount) {
                    try bind(rows.values[start + index], at: Int32(index + 1), statement)
                }
                try statement.execute()
                start += count * columnCount
                left -= count
            }
        }
    }

    /// SQLite copies a bound text at once (`SQLITE_TRANSIENT`).
    private static var transient: sqlite3_destructor_type {
        unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    }

    /// Binds `value` as parameter `index` (1-based): a text up to its first NUL, as GRDB binds one.
    private func bind(_ value: Value, at index: Int32, _ statement: Statement) throws {
        let code: Int32
        switch value {
        case let .integer(number): code = sqlite3_bind_int64(statement.sqliteStatement, index, number)
        case let .text(text): code = sqlite3_bind_text(statement.sqliteStatement, index, text, -1, Self.transient)
        case .null: code = sqlite3_bind_null(statement.sqliteStatement, index)
        }
        guard code == SQLITE_OK else {
            let reason = String(cString: sqlite3_errstr(code))
            throw LedgerError.storage("table \(table): value \(index) of an insert not bound: \(reason)")
        }
    }
}

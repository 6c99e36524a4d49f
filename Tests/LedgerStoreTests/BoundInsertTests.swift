import Foundation
import GRDB
import Testing
@testable import LedgerCore
@testable import LedgerStore

/// Issue 10 (s32-ins): the chunks' rows go in as multi-row statements of bound values (`BoundInsert`) instead of
/// one JSON text read with `json_each` and `value ->> n` (`JSONRows`, still used for new customers). The rows
/// stored are the same, value for value and type for type, and in the same order.
@Suite struct BoundInsertTests {
    static let columns = "n, t, m"

    /// One row's values: an integer, a text and an optional integer.
    typealias Values = (n: Int64?, t: String?, m: Int?)

    static let samples: [Values] = [
        (0, "", 0), (Int64.max, "plain", nil), (Int64.min + 1, #"quote " and \ backslash"#, -1),
        (-1, "单引号 'x' 引号 \"y\"", Int.max), (nil, nil, nil), (42, "emoji 😀🧾 and 账龄", 7),
        (1, "a\u{0}b", 1), (2, "tab\tnew\nline\r\u{1}", 2), (3, "é combining e\u{301}", 3),
        (4_611_686_018_427_387_904, String(repeating: "长", count: 300), -4_611_686_018_427_387_904),
        (Int64.min, "min", Int.min),
    ]

    /// Rows `0..<count` drawn from `samples` in turn.
    static func rows(_ count: Int) -> [Values] { (0..<count).map { samples[$0 % samples.count] } }

    static func table(_ name: String) -> String {
        "CREATE TABLE \(name) (id INTEGER PRIMARY KEY, n INTEGER, t TEXT, m)"
    }

    /// Every row of `table` as text: id, then each value's type and SQL literal.
    static func dump(_ db: Database, _ table: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT id || '|' || typeof(n) || ':' || quote(n) || '|' || typeof(t) || ':' || quote(t) || '|'
                   || typeof(m) || ':' || quote(m) FROM \(table) ORDER BY id
            """)
    }

    /// Counts across the batch sizes (64, then 32 … 1): none, one, a batch less one, a batch, past it, several.
    @Test(arguments: [0, 1, 2, 63, 64, 65, 127, 200, 1_000])
    func boundRowsAreTheJSONRows(count: Int) throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: Self.table("bound") + "; " + Self.table("json"))
            let insert = BoundInsert(into: "bound", columns: Self.columns)
            var bound = insert.rows(capacity: count)
            var json = JSONRows()
            for row in Self.rows(count) {
                bound.add(row.n); bound.add(row.t); bound.add(row.m)
                json.row()
                json.add(row.n); json.add(row.t); json.add(row.m)
            }
            try insert.execute(bound, in: db)
            if count > 0 {
                try db.execute(sql: SQLiteTransaction.setBasedInsert(into: "json", columns: Self.columns),
                               arguments: [json.text])
            }
            let stored = try Self.dump(db, "bound")
            #expect(stored.count == count)
            #expect(stored == (try Self.dump(db, "json")))
            if count > 0 { #expect(db.lastInsertedRowID == Int64(count)) }
        }
    }

    /// The values as stored, by value: integers at the limits stay integers, nil is NULL, texts come back as
    /// written (a NUL ends a text, as it did in the JSON form).
    @Test func valuesAreStoredWithTheirTypes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: Self.table("bound"))
            let insert = BoundInsert(into: "bound", columns: Self.columns)
            var rows = insert.rows()
            for row in Self.samples {
                rows.add(row.n); rows.add(row.t); rows.add(row.m)
            }
            try insert.execute(rows, in: db)
            let stored = try Self.dump(db, "bound")
            #expect(stored[1] == "2|integer:9223372036854775807|text:'plain'|null:NULL")
            #expect(stored[2] == #"3|integer:-9223372036854775807|text:'quote " and \ backslash'|integer:-1"#)
            #expect(stored[4] == "5|null:NULL|null:NULL|null:NULL")
            #expect(stored[6] == "7|integer:1|text:'a'|integer:1")
            #expect(try String.fetchOne(db, sql: "SELECT t FROM bound WHERE id = 6") == "emoji 😀🧾 and 账龄")
            #expect(try String.fetchOne(db, sql: "SELECT t FROM bound WHERE id = 8") == "tab\tnew\nline\r\u{1}")
            #expect(stored[10] == "11|integer:-9223372036854775808|text:'min'|integer:-9223372036854775808")
        }
    }

    /// Values that do not fill whole rows are refused before anything is written.
    @Test func partRowsAreRefused() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: Self.table("bound"))
            let insert = BoundInsert(into: "bound", columns: Self.columns)
            var rows = insert.rows()
            rows.add(1); rows.add("x")
            #expect(throws: LedgerError.self) { try insert.execute(rows, in: db) }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bound") == 0)
        }
    }
}

import GRDB

/// New customers' search index written set-based (issue 10, s31-gen): what the three insert triggers
/// (`customer_search_insert`, `customer_search_word_insert`, `customer_search_gram_insert`) write per row — the
/// search key (`customer_search_key`), its FTS5 row, the words and the grams — written for all the customers of a
/// call at once by `SQLiteTransaction.insert(customers:)`, with those triggers suspended by the row of
/// `bulk_suspend` (`BulkSuspend`, no DDL). Updates and deletes keep their triggers, and so does any other write.
///
/// The key, FTS5 and word statements are the triggers' own SQL over the call's ids. The grams are cut in Swift
/// (`grams(of:)`) from the stored keys: the trigger's SQL reads every position of a key with `substr`, which walks
/// the text from its start each time (10,000 customers: ~0.6 s of SQLite's CPU set-based, ~0.85 s per row); the
/// Swift cut gives the same rows (`CustomerSearchFillTests` compares them with `CustomerSearchWords.gramsSQL`).
enum CustomerSearchFill {
    /// The insert triggers the call suspends.
    static let triggerNames = ["customer_search_insert", "customer_search_word_insert", "customer_search_gram_insert"]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s31-customer-search-suspend") { db in
            for (name, sql) in try BulkChunkMaintenance.drop(triggerNames, db) {
                try db.execute(sql: try BulkSuspend.guarded(sql, name: name))
            }
        }
    }

    /// Writes the search index of the customers with ids above `floor` (just inserted with the triggers suspended).
    /// - Throws: the database's error.
    static func fill(_ db: Database, after floor: Int64) throws {
        try db.cachedStatement(sql: keysSQL).execute(arguments: [floor])
        try db.cachedStatement(sql: ftsSQL).execute(arguments: [floor])
        try db.cachedStatement(sql: wordsSQL).execute(arguments: [floor])
        var rows = JSONRows()
        let keys = try Row.fetchCursor(db.cachedStatement(sql: "SELECT id, keys FROM customer_search_key WHERE id > ?"),
                                       arguments: [floor])
        while let row = try keys.next() {
            let id: Int64 = row[0], text: String = row[1]
            for gram in grams(of: text) {
                rows.row()
                rows.add(gram)
                rows.add(id)
            }
        }
        if rows.count > 0 { try db.cachedStatement(sql: gramsInsertSQL).execute(arguments: [rows.text]) }
    }

    static let keysSQL = "INSERT INTO customer_search_key (id, keys) SELECT id, "
        + CustomerSearchIndex.keyExpression.replacingOccurrences(of: "NEW.", with: "")
        + " FROM customer WHERE id > ? ORDER BY id"
    static let ftsSQL = "INSERT INTO customer_search (rowid, keys) SELECT id, keys FROM customer_search_key "
        + "WHERE id > ? ORDER BY id"
    static let wordsSQL = "INSERT OR IGNORE INTO customer_search_word (word, id) "
        + CustomerSearchWords.wordsFillSQL(filter: "c.id > ?1")
    static let gramsInsertSQL = "INSERT OR IGNORE INTO customer_search_gram (gram, id) "
        + "SELECT value ->> 0, value ->> 1 FROM json_each(?)"

    /// The grams of search key `keys`, as `CustomerSearchWords.gramsSQL` cuts them with SQLite's character
    /// functions: each character at or above U+0080 at positions 1…1024 (code points, up to the first NUL as
    /// `length` and `substr` count), each pair of adjacent such characters starting there, and `''` for a key longer
    /// than 1024 characters. Repeats are kept (the insert ignores them).
    static func grams(of keys: String) -> [String] {
        var scalars: [Unicode.Scalar] = []
        for scalar in keys.unicodeScalars {
            if scalar.value == 0 { break }
            scalars.append(scalar)
        }
        let limit = min(scalars.count, CustomerSearchWords.positions)
        var result: [String] = []
        for n in 0..<limit where scalars[n].value >= 128 {
            result.append(String(Character(scalars[n])))
            if n + 1 < scalars.count, scalars[n + 1].value >= 128 {
                var pair = String.UnicodeScalarView()
                pair.append(scalars[n])
                pair.append(scalars[n + 1])
                result.append(String(pair))
            }
        }
        if scalars.count > CustomerSearchWords.positions { result.append("") }
        return result
    }
}

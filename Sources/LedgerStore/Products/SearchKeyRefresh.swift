import GRDB
import LedgerCore

/// Search keys computed again for the customers and products a condition selects (the migrations that give names
/// new pinyin readings). A key is written only when it differs; the customer and product update triggers then
/// refresh the words, grams and FTS5 tables as for any edit.
enum SearchKeyRefresh {
    /// Recomputes `pinyin` and `pinyin_initials` of the rows of `customer` and `product` matching `condition` (an SQL
    /// expression over the table's columns, with `arguments`); returns how many rows changed.
    /// - Throws: the database's error.
    static func rekey(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> Int {
        var changed = 0
        for table in ["customer", "product"] {
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, name, pinyin, pinyin_initials FROM \(table) WHERE \(condition)
                """, arguments: arguments)
            for row in rows {
                let keys = SearchKeys.pinyin(for: row[1])
                guard keys.full != row[2] as String || keys.initials != row[3] as String else { continue }
                try db.execute(sql: "UPDATE \(table) SET pinyin = ?, pinyin_initials = ? WHERE id = ?",
                               arguments: [keys.full, keys.initials, row[0] as Int64])
                changed += 1
            }
        }
        return changed
    }
}

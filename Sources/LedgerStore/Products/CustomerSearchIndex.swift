import GRDB

/// The customer search index (issue 10): a narrow table `customer_search_key` of one normalized key per customer
/// (code, name, pinyin of every reading, initials and phone, ASCII-lowercased like SQLite's `lower()`, joined by
/// U+0001 so no search text matches across two fields) and an SQLite FTS5 trigram index over it
/// (`customer_search`, external content). Triggers on `customer` keep both in the writing transaction, so every
/// write path keeps them right.
///
/// The index only narrows the candidates: `SearchRanking`'s clause still decides every match and its rank, so
/// results and order are exactly those of the full scan. A text of 3 or more characters is a trigram phrase
/// (substring, case-folded: a superset of the clause's matches); a text of 1–2 characters scans the narrow key
/// table (`instr`) instead of the wide customer rows. Texts with non-ASCII letters that lowercase differently
/// (e.g. full-width `Ｆ`) skip the index, since the clause lowercases those and SQLite does not.
/// FTS5 ships in the system libsqlite3 (Debian 12: 3.40.1, `ENABLE_FTS5`).
enum CustomerSearchIndex {
    static let keyExpression = """
        lower(NEW.code) || char(1) || lower(NEW.name) || char(1) || lower(NEW.pinyin) || char(1)
            || lower(NEW.pinyin_initials) || char(1) || lower(NEW.phone)
        """

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18-customer-search-index") { db in
            try db.execute(sql: """
                CREATE TABLE customer_search_key (id INTEGER PRIMARY KEY, keys TEXT NOT NULL);
                CREATE VIRTUAL TABLE customer_search USING fts5(keys, content = 'customer_search_key',
                    content_rowid = 'id', tokenize = 'trigram');
                INSERT INTO customer_search_key (id, keys)
                    SELECT id, \(keyExpression.replacingOccurrences(of: "NEW.", with: "")) FROM customer;
                INSERT INTO customer_search (customer_search) VALUES ('rebuild');
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    private static let add = """
        INSERT INTO customer_search_key (id, keys) VALUES (NEW.id, \(keyExpression));
        INSERT INTO customer_search (rowid, keys) SELECT id, keys FROM customer_search_key WHERE id = NEW.id;
        """
    private static let remove = """
        INSERT INTO customer_search (customer_search, rowid, keys)
            SELECT 'delete', id, keys FROM customer_search_key WHERE id = OLD.id;
        DELETE FROM customer_search_key WHERE id = OLD.id;
        """

    static var triggers: [String] {
        [
            "CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN \(add) END",
            """
            CREATE TRIGGER customer_search_update AFTER UPDATE OF id, code, name, pinyin, pinyin_initials, phone
            ON customer BEGIN \(remove) \(add) END
            """,
            "CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN \(remove) END",
        ]
    }

    /// A condition on customer id column `id` that keeps a superset of the customers whose code, name, pinyin,
    /// initials or phone contain `search` (as `SearchRanking` matches them), with its arguments; nil when the
    /// index cannot narrow exactly (no text, or letters SQLite's `lower()` does not fold). A text of several words
    /// (`SearchRanking.words`) keeps the customers whose key holds every word.
    static func candidates(_ search: String?, id: String) -> (clause: String, arguments: [String])? {
        guard let raw = search?.searchQuery(), !raw.isEmpty else { return nil }
        let folded = asciiLowercased(raw)
        guard folded == raw.lowercased(), !raw.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return nil }
        let words = SearchRanking.words(raw)
        if words.count > 1 {
            // Several words: a customer holding each word (a superset of the whole text's matches too).
            var clauses: [String] = [], arguments: [String] = []
            for word in words {
                guard let one = candidates(word, id: id) else { return nil }
                clauses.append(one.clause)
                arguments += one.arguments
            }
            return ("(" + clauses.joined(separator: " AND ") + ")", arguments)
        }
        if raw.unicodeScalars.count >= 3 {
            let phrase = "\"" + folded.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            return ("\(id) IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)", [phrase])
        }
        return ("\(id) IN (SELECT id FROM customer_search_key WHERE instr(keys, ?) > 0)", [folded])
    }

    /// `text` with A–Z lowered and every other character kept (what SQLite's built-in `lower()` does).
    static func asciiLowercased(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
        }))
    }
}

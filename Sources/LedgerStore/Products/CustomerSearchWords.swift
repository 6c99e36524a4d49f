import GRDB

/// The prefix side of the customer search index (issue 10): `customer_search_word (word, id)`, one row per
/// customer and word, where the words are the name, every full-pinyin reading and every initials reading, each
/// ASCII-lowercased as SQLite's `lower()` does; and `customer_code_nocase`, the customer code in `NOCASE` order.
/// A name / pinyin / initials prefix (rank 2 of `SearchRanking`) is then a range of `customer_search_word`'s key,
/// and a code prefix (rank 1) a range of `customer_code_nocase`, both read in order without a scan.
///
/// The substring side for texts of one or two non-ASCII characters (a Chinese character or two, which the trigram
/// index cannot serve): `customer_search_gram (gram, id)`, every non-ASCII character of the customer's search key
/// (`customer_search_key`: code, name, pinyin, initials, phone) and every pair of adjacent ones, read through
/// `search_position` (1…1024); a key longer than that gets the gram `''`, which every such search also reads.
///
/// Triggers on `customer` keep the words in the writing transaction (every write path, bulk loads included: four
/// to twenty short rows per customer); the migration fills them set-based from the stored keys. The readings are
/// split with `json_each` over the `|`-joined keys (`json_quote` escapes any quote or backslash first), since a
/// trigger may not use a recursive CTE.
enum CustomerSearchWords {
    /// The (word, id) rows of customer `alias` (`NEW` in a trigger, a table alias in the back-fill).
    static func wordsSQL(_ alias: String) -> String {
        """
        SELECT j.value, \(alias).id
        FROM json_each('[' || replace(json_quote(lower(\(alias).pinyin) || '|' || lower(\(alias).pinyin_initials)),
                                      '|', '","') || ']') j
        WHERE j.value <> ''
        UNION SELECT lower(\(alias).name), \(alias).id WHERE \(alias).name <> ''
        """
    }

    /// The (word, id) rows of every customer `c` passing `filter` (a condition on `c`), set-based: the back-fill's
    /// and a call's new customers' (`CustomerSearchFill`); the same rows as `wordsSQL` per customer.
    static func wordsFillSQL(filter: String) -> String {
        """
        SELECT j.value, c.id FROM customer c,
            json_each('[' || replace(json_quote(lower(c.pinyin) || '|' || lower(c.pinyin_initials)),
                                     '|', '","') || ']') j
        WHERE (\(filter)) AND j.value <> ''
        UNION ALL SELECT lower(c.name), c.id FROM customer c WHERE (\(filter)) AND c.name <> ''
        """
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("issue10-customer-search-words") { db in
            try db.execute(sql: """
                CREATE TABLE customer_search_word (word TEXT NOT NULL, id INTEGER NOT NULL,
                                                   PRIMARY KEY (word, id)) WITHOUT ROWID;
                CREATE INDEX customer_code_nocase ON customer (code COLLATE NOCASE);
                CREATE TABLE search_position (n INTEGER PRIMARY KEY);
                WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < \(positions))
                    INSERT INTO search_position SELECT n FROM p;
                CREATE TABLE customer_search_gram (gram TEXT NOT NULL, id INTEGER NOT NULL,
                                                   PRIMARY KEY (gram, id)) WITHOUT ROWID;
                INSERT OR IGNORE INTO customer_search_gram (gram, id) \(gramsSQL("k", from: "customer_search_key k, "));
                INSERT OR IGNORE INTO customer_search_word (word, id) \(wordsFillSQL(filter: "1"));
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Key positions read for grams; a longer key is marked with the gram `''`.
    static let positions = 1024

    /// The (gram, id) rows of search key `alias` (`NEW` in a trigger; `from` names its table elsewhere).
    static func gramsSQL(_ alias: String, from: String = "") -> String {
        let char = "substr(\(alias).keys, p.n, 1)", next = "substr(\(alias).keys, p.n + 1, 1)"
        return """
            SELECT \(char), \(alias).id FROM \(from)search_position p
            WHERE p.n <= length(\(alias).keys) AND unicode(\(char)) >= 128
            UNION ALL
            SELECT substr(\(alias).keys, p.n, 2), \(alias).id FROM \(from)search_position p
            WHERE p.n < length(\(alias).keys) AND unicode(\(char)) >= 128 AND unicode(\(next)) >= 128
            UNION ALL
            SELECT '', \(alias).id \(from.isEmpty ? "" : "FROM " + from.dropLast(2))
            WHERE length(\(alias).keys) > \(positions)
            """
    }

    private static let add = "INSERT OR IGNORE INTO customer_search_word (word, id) \(wordsSQL("NEW"));"
    private static let remove = "DELETE FROM customer_search_word WHERE id = OLD.id;"

    static var triggers: [String] {
        [
            "CREATE TRIGGER customer_search_gram_insert AFTER INSERT ON customer_search_key BEGIN "
                + "INSERT OR IGNORE INTO customer_search_gram (gram, id) \(gramsSQL("NEW")); END",
            "CREATE TRIGGER customer_search_gram_delete AFTER DELETE ON customer_search_key BEGIN "
                + "DELETE FROM customer_search_gram WHERE id = OLD.id; END",
            "CREATE TRIGGER customer_search_word_insert AFTER INSERT ON customer BEGIN \(add) END",
            """
            CREATE TRIGGER customer_search_word_update AFTER UPDATE OF id, name, pinyin, pinyin_initials
            ON customer BEGIN \(remove) \(add) END
            """,
            "CREATE TRIGGER customer_search_word_delete AFTER DELETE ON customer BEGIN \(remove) END",
        ]
    }

    /// The exclusive upper bound of the strings starting with `prefix` in BINARY or NOCASE order: `prefix` with its
    /// last scalar incremented (a superset under NOCASE when the increment crosses into A–Z; callers filter
    /// exactly). Nil when the last scalar cannot be incremented (then only the lower bound is used).
    static func upperBound(_ prefix: String) -> String? {
        var scalars = Array(prefix.unicodeScalars)
        guard let last = scalars.popLast() else { return nil }
        var value = last.value + 1
        if (0xD800...0xDFFF).contains(value) { value = 0xE000 }
        guard let next = Unicode.Scalar(value) else { return nil }
        scalars.append(next)
        return String(String.UnicodeScalarView(scalars))
    }
}

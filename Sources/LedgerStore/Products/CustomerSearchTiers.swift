import GRDB

/// The one indexed customer search (issue 10), used by the customer list (TUI and `customer list --search`), the
/// sales-entry picker and the classified lists: the matching customer ids in `SearchRanking`'s order, read tier by
/// tier so a page stops as soon as it is full, instead of ranking and sorting every match.
///
/// One statement, `UNION ALL` of four ordered arms under the caller's `LIMIT … OFFSET`; SQLite runs the arms in turn
/// and stops when the limit is reached, so a one-letter text matching 100,000 customers reads one page:
/// - rank 0, the code itself: `customer_code_nocase` (`code = ? COLLATE NOCASE`);
/// - rank 1, a code prefix: a range of `customer_code_nocase`, already in order;
/// - rank 2, a name / pinyin / initials prefix: a range of `customer_search_word`, sorted by code;
/// - rank 3, a substring elsewhere: for 3+ characters the trigram index (`CustomerSearchIndex`); for one or two
///   non-ASCII characters `customer_search_gram`; else the customers in code order with the narrow key table's
///   `instr`, stopping at the page's end (short Latin texts match densely: letters of pinyin, digits of phones).
/// Every arm also applies `SearchRanking`'s clause and rank (`rank = k`), so the matches and their ranks are exactly
/// the full scan's; within a rank the order is the code case-folded (`COLLATE NOCASE`), then the id.
/// Nil when the index cannot serve the text (no text, or letters SQLite's `lower()` does not fold): the caller
/// ranks with the full scan then.
enum CustomerSearchTiers {
    static let order = "c.code COLLATE NOCASE, c.id"

    /// Whether the ledger has the search indexes (a read-only ledger of an older version is opened unmigrated; its
    /// searches rank with the full scan).
    static func isAvailable(_ db: Database) throws -> Bool {
        try db.tableExists("customer_search_gram")
    }

    /// Words of a prefix range beyond which rank 2 walks the customers in code order instead of sorting its
    /// candidates (a letter or two of pinyin matches a tenth of all customers: sorting them costs more than reading
    /// the code index until the page is full).
    static let denseWords = 1_000

    /// Whether the prefix range of `search` in `customer_search_word` holds `denseWords` words or more (one short
    /// index range read).
    static func isDense(_ db: Database, _ search: String?) throws -> Bool {
        guard let raw = search?.searchQuery(), !raw.isEmpty else { return false }
        let folded = CustomerSearchIndex.asciiLowercased(raw)
        guard let upper = CustomerSearchWords.upperBound(folded) else { return true }
        return try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM (SELECT 1 FROM customer_search_word WHERE word >= ? AND word < ? LIMIT ?)
            """), arguments: [folded, upper, denseWords]) == denseWords
    }

    /// (SQL selecting `id`, its arguments); `extraClause` is a further condition on `c` (`customer`). `ordered`
    /// false (counting) drops each arm's order, so an arm streams and stops at the limit (rank 2 walks the word range,
    /// each customer once); `dense` (see `isDense`)
    /// makes rank 2 walk the customers in code order.
    static func idsSQL(_ search: String?, extraClause: String, ordered: Bool = true,
                       dense: Bool = false) -> (sql: String, arguments: StatementArguments)? {
        guard let raw = search?.searchQuery(), !raw.isEmpty,
              let substring = CustomerSearchIndex.candidates(raw, id: "c.id") else { return nil }
        let ranked = SearchRanking.sql(raw, code: "c.code", extra: ["phone"])
        let folded = CustomerSearchIndex.asciiLowercased(raw)
        let upper = CustomerSearchWords.upperBound(folded)
        let codeRange = "c.code >= ? COLLATE NOCASE" + (upper == nil ? "" : " AND c.code < ? COLLATE NOCASE")
        let wordRange = "word >= ?" + (upper == nil ? "" : " AND word < ?")
        let bounds = StatementArguments([folded] + (upper.map { [$0] } ?? []))
        let exact = "\(ranked.clause) AND \(ranked.rank) = ?"

        var arms: [String] = []
        var arguments = StatementArguments()
        func arm(_ from: String, _ candidates: String, _ candidateArgs: StatementArguments, rank: Int,
                 distinct: Bool = false) {
            arms.append("""
                SELECT id FROM (SELECT \(distinct ? "DISTINCT " : "")c.id FROM \(from) WHERE \(candidates) AND \(exact)
                                AND \(extraClause) \(ordered ? "ORDER BY \(order)" : ""))
                """)
            arguments += candidateArgs
            arguments += StatementArguments(ranked.clauseArgs)
            arguments += StatementArguments(ranked.rankArgs)
            arguments += [rank]
        }
        arm("customer c", "c.code = ? COLLATE NOCASE", [raw], rank: 0)
        arm("customer c", codeRange, bounds, rank: 1)
        if ordered && dense {
            arm("customer c INDEXED BY customer_code_nocase", "1", [], rank: 2)
        } else if !ordered {
            // Counting (s14-search): stream the word range and stop at the limit. `c.id IN (SELECT …)` first read
            // the whole range into a list (a letter of pinyin: tens of thousands of words) before the first row.
            let walked = "w.word >= ?" + (upper == nil ? "" : " AND w.word < ?")
            arm("customer_search_word w CROSS JOIN customer c ON c.id = w.id", walked, bounds, rank: 2, distinct: true)
        } else {
            arm("customer c", "c.id IN (SELECT id FROM customer_search_word WHERE \(wordRange))", bounds, rank: 2)
        }
        let words = SearchRanking.words(raw)
        if words.count > 1 {
            // Several words (s13-cust): the customers holding each word, a word of one or two Chinese characters
            // through `customer_search_gram`, others as `CustomerSearchIndex` narrows them.
            var clauses: [String] = [], wordArgs = StatementArguments()
            for word in words {
                if word.unicodeScalars.count < 3, word.unicodeScalars.allSatisfy({ $0.value >= 128 }) {
                    clauses.append("c.id IN (SELECT id FROM customer_search_gram WHERE gram IN (?, ''))")
                    wordArgs += [CustomerSearchIndex.asciiLowercased(word)]
                } else if let one = CustomerSearchIndex.candidates(word, id: "c.id") {
                    clauses.append(one.clause)
                    wordArgs += StatementArguments(one.arguments)
                }
            }
            arm("customer c", clauses.joined(separator: " AND "), wordArgs, rank: 3)
        } else if raw.unicodeScalars.count >= 3 {
            arm("customer c", substring.clause, StatementArguments(substring.arguments), rank: 3)
        } else if raw.unicodeScalars.allSatisfy({ $0.value >= 128 }) {
            // One or two Chinese characters: the customers whose key holds that character or pair.
            arm("customer c", "c.id IN (SELECT id FROM customer_search_gram WHERE gram IN (?, ''))", [folded],
                rank: 3)
        } else {
            // Short texts: the customers in code order, each key looked up by id; a dense match fills the page
            // after a few rows (CROSS JOIN keeps the customer's code index outermost).
            arm("customer c INDEXED BY customer_code_nocase CROSS JOIN customer_search_key k ON k.id = c.id",
                "instr(k.keys, ?) > 0", [folded], rank: 3)
        }
        return (arms.joined(separator: "\nUNION ALL\n"), arguments)
    }
}

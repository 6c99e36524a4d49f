/// One search behaviour for every list and lookup: a record matches when its code, name, pinyin (any reading of
/// a polyphonic name, see `SearchKeys`), initials or an extra column contain the text; matches rank
/// 0 exact code, 1 code prefix, 2 name / pinyin / initials prefix, 3 substring. A text of several words (split at
/// white space) also matches a record that contains each word somewhere (in any of those columns); such a record
/// ranks 3 unless the whole text ranks it higher.
enum SearchRanking {
    /// The words of a search text (split at white space, including the ideographic space U+3000).
    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// (WHERE clause, its arguments, ORDER BY rank expression, its arguments). Column names may be
    /// qualified (`c.code`); `pinyin`/`pinyin_initials`/`name` take the same qualifier as `code`.
    static func sql(_ search: String?, code: String, extra: [String] = [])
        -> (clause: String, clauseArgs: [String], rank: String, rankArgs: [String]) {
        guard let raw = search?.searchQuery(), !raw.isEmpty else { return ("1", [], "'0'", []) }
        let qualifier = code.contains(".") ? String(code.prefix { $0 != "." }) + "." : ""
        let name = qualifier + "name", pinyin = qualifier + "pinyin", initials = qualifier + "pinyin_initials"
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
        }
        let extraSQL = extra.map { " OR \(qualifier)\($0) LIKE ? ESCAPE '\\'" }.joined()
        /// The match of one text: code, name, pinyin, initials or an extra column contains it.
        func contains(_ text: String) -> (String, [String]) {
            let pattern = "%" + escape(text) + "%", lower = "%" + escape(text).lowercased() + "%"
            return ("""
                (\(code) LIKE ? ESCAPE '\\' OR instr(\(name), ?) > 0 OR \(pinyin) LIKE ? ESCAPE '\\'
                 OR \(initials) LIKE ? ESCAPE '\\'\(extraSQL))
                """, [pattern, text, lower, lower] + extra.map { _ in pattern })
        }
        var (clause, args) = contains(raw)
        let words = Self.words(raw)
        if words.count > 1 {
            // Several words (s13-cust): the whole text, or each word somewhere (AND), e.g. "上海 贸易".
            let each = words.map(contains)
            clause = "(\(clause) OR (\(each.map(\.0).joined(separator: " AND "))))"
            args += each.flatMap(\.1)
        }
        let escaped = escape(raw), prefix = escaped + "%", lower = escaped.lowercased()
        let rank = """
            (CASE WHEN lower(\(code)) = lower(?) THEN 0 WHEN \(code) LIKE ? ESCAPE '\\' THEN 1
             WHEN instr(\(name), ?) = 1 OR \(name) LIKE ? ESCAPE '\\' OR \(pinyin) LIKE ? ESCAPE '\\'
               OR \(pinyin) LIKE ? ESCAPE '\\' OR \(initials) LIKE ? ESCAPE '\\'
                 OR \(initials) LIKE ? ESCAPE '\\' THEN 2
             ELSE 3 END)
            """
        let rankArgs = [raw, prefix, raw, prefix, lower + "%", "%|" + lower + "%", lower + "%", "%|" + lower + "%"]
        return (clause, args, rank, rankArgs)
    }
}

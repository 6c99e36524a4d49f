/// One search behaviour for every list and lookup: a record matches when its code, name, pinyin (any reading of
/// a polyphonic name, see `SearchKeys`), initials or an extra column contain the text; matches rank
/// 0 exact code, 1 code prefix, 2 name / pinyin / initials prefix, 3 substring.
enum SearchRanking {
    /// (WHERE clause, its arguments, ORDER BY rank expression, its arguments). Column names may be
    /// qualified (`c.code`); `pinyin`/`pinyin_initials`/`name` take the same qualifier as `code`.
    static func sql(_ search: String?, code: String, extra: [String] = [])
        -> (clause: String, clauseArgs: [String], rank: String, rankArgs: [String]) {
        guard let raw = search?.trimmingSpacesForSearch(), !raw.isEmpty else { return ("1", [], "'0'", []) }
        let qualifier = code.contains(".") ? String(code.prefix { $0 != "." }) + "." : ""
        let name = qualifier + "name", pinyin = qualifier + "pinyin", initials = qualifier + "pinyin_initials"
        let escaped = raw.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let contains = "%" + escaped + "%", prefix = escaped + "%", lower = escaped.lowercased()
        let extraSQL = extra.map { " OR \(qualifier)\($0) LIKE ? ESCAPE '\\'" }.joined()
        let clause = """
            (\(code) LIKE ? ESCAPE '\\' OR instr(\(name), ?) > 0 OR \(pinyin) LIKE ? ESCAPE '\\'
             OR \(initials) LIKE ? ESCAPE '\\'\(extraSQL))
            """
        var args = [contains, raw, "%" + lower + "%", "%" + lower + "%"]
        for _ in extra { args.append(contains) }
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

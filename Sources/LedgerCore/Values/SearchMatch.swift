/// The search behaviour of lists filtered in memory (receivables, reports), the same as the store's lookups
/// (`SearchRanking` in LedgerStore): a query matches a code, a name, any pinyin reading of the name (see
/// `SearchKeys`, polyphones included) or its initials, or an extra text; ranks 0 exact code, 1 code prefix,
/// 2 name/pinyin/initials prefix, 3 substring, nil = no match.
public enum SearchMatch {
    public static func rank(_ query: String, code: String, name: String, extra: [String] = []) -> Int? {
        let q = SearchKeys.typedForm(query.trimmingSpaces()).lowercased()
        guard !q.isEmpty else { return 0 }
        let lowerCode = code.lowercased()
        if lowerCode == q { return 0 }
        if lowerCode.hasPrefix(q) { return 1 }
        let keys = SearchKeys.pinyin(for: name)
        let readings = keys.full.split(separator: "|").map(String.init)
            + keys.initials.split(separator: "|").map(String.init)
        let lowerName = name.lowercased()
        if lowerName.hasPrefix(q) || readings.contains(where: { $0.hasPrefix(q) }) { return 2 }
        if lowerCode.contains(q) || lowerName.contains(q) || readings.contains(where: { $0.contains(q) })
            || extra.contains(where: { $0.lowercased().contains(q) }) { return 3 }
        return nil
    }

    /// The `items` that `query` matches, best rank first (then in their given order): one lookup for the lists
    /// kept in memory, e.g. the salespeople of F3's salesperson field and of F8's salespeople panel (by code, name,
    /// pinyin or initials, as the customer field finds customers). An empty query keeps every item.
    public static func ranked<T>(_ items: [T], _ query: String, code: (T) -> String, name: (T) -> String,
                                 extra: (T) -> [String] = { _ in [] }) -> [T] {
        items.enumerated().compactMap { i, item in
            rank(query, code: code(item), name: name(item), extra: extra(item)).map { (rank: $0, index: i, item: item) }
        }.sorted { ($0.rank, $0.index) < ($1.rank, $1.index) }.map(\.item)
    }

    /// Whether `query` matches (see `rank`).
    public static func matches(_ query: String, code: String, name: String, extra: [String] = []) -> Bool {
        rank(query, code: code, name: name, extra: extra) != nil
    }
}

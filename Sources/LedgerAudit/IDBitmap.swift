/// A set of ids (rowids) as a sparse bitmap: 64 ids to a word, one dictionary entry per word in use. For the dense
/// ids of a ledger that is about 2–3 bits an id, where a `Set<Int64>` or an id-keyed dictionary takes 16–32 bytes
/// (issue 10: the periodic audit's memory at a million invoices).
struct IDBitmap {
    private var words: [Int64: UInt64] = [:]

    private static func bit(_ id: Int64) -> UInt64 { 1 << UInt64(id & 63) }

    mutating func insert(_ id: Int64) { words[id >> 6, default: 0] |= Self.bit(id) }

    func contains(_ id: Int64) -> Bool { (words[id >> 6] ?? 0) & Self.bit(id) != 0 }

    /// Removes `id`; true when it was in the set.
    mutating func remove(_ id: Int64) -> Bool {
        let key = id >> 6
        guard let word = words[key], word & Self.bit(id) != 0 else { return false }
        let rest = word & ~Self.bit(id)
        words[key] = rest == 0 ? nil : rest
        return true
    }

    mutating func formUnion(_ other: IDBitmap) { words.merge(other.words, uniquingKeysWith: |) }
}

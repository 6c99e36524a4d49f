import Foundation

/// Search keys for Chinese names: full pinyin and pinyin initials, computed once when a record is saved.
///
/// Uses ICU's `Any-Latin; Latin-ASCII` transform through Foundation (`北京星河` → `bei jing xing he`).
public enum SearchKeys {
    /// (full pinyin without spaces, initials), lower case; ASCII words keep their letters
    /// (`Apple Trading` → (`appletrading`, `at`)).
    ///
    /// Names with polyphonic characters (多音字, see `Polyphones`) get every reading, joined by `|`, the ICU
    /// reading first: `重庆` → (`zhongqing|chongqing`, `zq|cq`). At most `maxReadings` readings are kept.
    /// Searches match a prefix at the start of any reading (see `matches(_:prefixOf:)`).
    public static func pinyin(for name: String) -> (full: String, initials: String) {
        // Transliterate per character run so each Han character gives one syllable (one initial).
        var words: [[String]] = []
        var asciiRun = ""
        for character in name {
            if character.isASCII {
                if character.isLetter || character.isNumber { asciiRun.append(character) } else if !asciiRun.isEmpty {
                    words.append([asciiRun.lowercased()])
                    asciiRun = ""
                }
                continue
            }
            if !asciiRun.isEmpty {
                words.append([asciiRun.lowercased()])
                asciiRun = ""
            }
            let letters = syllable(of: character)
            if !letters.isEmpty {
                var readings = [letters]
                for other in Polyphones.readings[character] ?? [] where !readings.contains(other) {
                    readings.append(other)
                }
                words.append(readings)
            }
        }
        if !asciiRun.isEmpty { words.append([asciiRun.lowercased()]) }
        var combinations: [[String]] = [[]]
        for readings in words {
            var next: [[String]] = []
            for prefix in combinations {
                for reading in readings where next.count < maxReadings { next.append(prefix + [reading]) }
            }
            combinations = next
        }
        var fulls: [String] = []
        var initials: [String] = []
        for combination in combinations {
            let full = combination.joined()
            let initial = String(combination.compactMap(\.first))
            if !fulls.contains(full) { fulls.append(full) }
            if !initials.contains(initial) { initials.append(initial) }
        }
        return (fulls.joined(separator: "|"), initials.joined(separator: "|"))
    }

    /// Readings kept per name (polyphone combinations beyond it are dropped, ICU's first).
    public static let maxReadings = 8

    /// The ASCII letters of one character's transliteration (`北` → `bei`), cached: ICU's transform is costly and
    /// names reuse few characters, so bulk loads stay fast.
    static func syllable(of character: Character) -> String {
        if let cached = cache.value(for: character) { return cached }
        let latin = String(character).applyingTransform(StringTransform("Any-Latin; Latin-ASCII"),
                                                        reverse: false) ?? String(character)
        let letters = latin.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        cache.store(letters, for: character)
        return letters
    }

    static let cache = SyllableCache()
}

/// A lock-protected character → syllable table shared by all threads.
final class SyllableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [Character: String] = [:]
    func value(for key: Character) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return table[key]
    }
    func store(_ value: String, for key: Character) {
        lock.lock()
        table[key] = value
        lock.unlock()
    }
}

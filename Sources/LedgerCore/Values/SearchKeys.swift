import Foundation

/// Search keys for Chinese names: full pinyin and pinyin initials, computed once when a record is saved.
///
/// Uses ICU's `Any-Latin; Latin-ASCII` transform through Foundation (`北京星河` → `bei jing xing he`).
public enum SearchKeys {
    /// (full pinyin without spaces, initials), lower case; ASCII words keep their letters
    /// (`Apple Trading` → (`appletrading`, `at`)).
    public static func pinyin(for name: String) -> (full: String, initials: String) {
        var full = ""
        var initials = ""
        // Transliterate per character run so each Han character gives one syllable (one initial).
        var words: [String] = []
        var asciiRun = ""
        for character in name {
            if character.isASCII {
                if character.isLetter || character.isNumber { asciiRun.append(character) } else if !asciiRun.isEmpty {
                    words.append(asciiRun)
                    asciiRun = ""
                }
                continue
            }
            if !asciiRun.isEmpty {
                words.append(asciiRun)
                asciiRun = ""
            }
            let letters = syllable(of: character)
            if !letters.isEmpty { words.append(letters) }
        }
        if !asciiRun.isEmpty { words.append(asciiRun) }
        for word in words {
            full += word.lowercased()
            if let first = word.first { initials.append(Character(first.lowercased())) }
        }
        return (full, initials)
    }

    /// The ASCII letters of one character's transliteration (`北` → `bei`), cached: ICU's transform is costly and
    /// names reuse few characters, so bulk loads stay fast.
    static func syllable(of character: Character) -> String {
        if let cached = cache.value(for: character) { return cached }
        let latin = String(character).applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false) ?? String(character)
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

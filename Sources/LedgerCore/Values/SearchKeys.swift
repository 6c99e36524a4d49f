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
    /// Searches match a prefix at the start of any reading (see `matches(_:prefixOf:)`). A ü also reads as `v`
    /// (`绿洲` → (`luzhou|lvzhou`, `lz`)), the way input methods type it; searches read a typed `ü` as `v`
    /// (`typedForm`).
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
            var readings = syllables(of: character)
            if !readings.isEmpty {
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

    /// The form of a search text as typed for pinyin: `ü` (any case, composed or not) becomes `v`, and `u:` after
    /// `l` or `n` too (`lü`, `lu:` → `lv`), as Chinese input methods type ü; every other character is kept.
    /// Names index a `v` reading of each ü (see `syllables(of:)`), so `lvzhou`, `lüzhou` and `lu:zhou` find 绿洲.
    public static func typedForm(_ text: String) -> String {
        guard text.contains(where: { $0 == "ü" || $0 == "Ü" || $0 == ":" }) else { return text }
        var result: [Character] = []
        for character in text {
            if character == "ü" || character == "Ü" {
                result.append(character == "ü" ? "v" : "V")
            } else if character == ":", result.count >= 2, let u = result.last, u == "u" || u == "U",
                      "lnLN".contains(result[result.count - 2]) {
                result[result.count - 1] = u == "u" ? "v" : "V"
            } else {
                result.append(character)
            }
        }
        return String(result)
    }

    /// Readings kept per name (polyphone combinations beyond it are dropped, ICU's first).
    public static let maxReadings = 8

    /// The ASCII letters of one character's transliteration (`北` → `bei`); empty when it has none.
    static func syllable(of character: Character) -> String {
        syllables(of: character).first ?? ""
    }

    /// The readings of one character: the ASCII letters of ICU's transliteration (`北` → [`bei`]), and for a ü
    /// also the letters with `v` for it, as input methods type it (`绿` lǜ → [`lu`, `lv`], `ü` → [`u`, `v`]); empty
    /// when it has no letters. Cached: ICU's transform is costly and names reuse few characters, so bulk loads stay
    /// fast.
    static func syllables(of character: Character) -> [String] {
        if let cached = cache.value(for: character) { return cached }
        let latin = String(character).applyingTransform(StringTransform("Any-Latin"), reverse: false)
            ?? String(character)
        func letters(_ text: String) -> String {
            let ascii = text.applyingTransform(StringTransform("Latin-ASCII"), reverse: false) ?? text
            return ascii.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
        var readings: [String] = []
        let first = letters(latin)
        if !first.isEmpty { readings.append(first) }
        let decomposed = latin.decomposedStringWithCanonicalMapping.unicodeScalars
        if !first.isEmpty, decomposed.contains("\u{308}") {
            // u + combining diaeresis → v; other combining marks (tones) dropped.
            var typed = String.UnicodeScalarView()
            for scalar in decomposed {
                if scalar == "\u{308}", let last = typed.last, last == "u" || last == "U" {
                    typed.removeLast()
                    typed.append("v")
                } else if !(0x300...0x36F).contains(scalar.value) {
                    typed.append(scalar)
                }
            }
            let reading = letters(String(typed))
            if !reading.isEmpty, reading != first { readings.append(reading) }
        }
        cache.store(readings, for: character)
        return readings
    }

    static let cache = SyllableCache()
}

/// A lock-protected character → syllable table shared by all threads.
final class SyllableCache: @unchecked Sendable {
    private let lock = NSLock()
    private var table: [Character: [String]] = [:]
    func value(for key: Character) -> [String]? {
        lock.lock()
        defer { lock.unlock() }
        return table[key]
    }
    func store(_ value: [String], for key: Character) {
        lock.lock()
        table[key] = value
        lock.unlock()
    }
}

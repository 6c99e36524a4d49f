/// A translation table of message patterns, compiled once: each entry is a regular expression matched against the
/// whole text and a template in which `$1`, `$2` … stand for its captured groups (an unmatched group is empty).
/// The Chinese message tables of the app (`Strings.core`), the CLI (`CLIChinese`) and `TradeText` are all of this
/// type, so a pattern is written and matched one way. A pattern that does not compile is a programming error
/// (assertion in debug builds; left out of the table in release).
public struct PatternTable: @unchecked Sendable {
    private let entries: [(regex: Regex<AnyRegexOutput>, template: String)]

    /// `patterns`: `(regular expression, template)` pairs, tried in order.
    public init(_ patterns: [(String, String)]) {
        entries = patterns.compactMap { pattern, template in
            guard let regex = try? Regex(pattern) else {
                assertionFailure("pattern does not compile: \(pattern)")
                return nil
            }
            return (regex, template)
        }
    }

    /// The template of the first pattern matching all of `text`, its `$n` replaced by the groups (each passed
    /// through `transform`), or nil when no pattern matches.
    public func translate(_ text: String, _ transform: (String) -> String = { $0 }) -> String? {
        for entry in entries {
            if let match = try? entry.regex.wholeMatch(in: text) {
                return Self.filled(entry.template, match, transform)
            }
        }
        return nil
    }

    /// `text` with every match of every pattern (in table order) replaced by its filled template.
    public func replacingAll(in text: String) -> String {
        entries.reduce(text) { out, entry in
            out.replacing(entry.regex) { Self.filled(entry.template, $0) { $0 } }
        }
    }

    /// `template` with `$n` replaced by group n of `match` in one pass (a group's text is never read as a
    /// template); `$` followed by no group number stays as it is.
    static func filled(_ template: String, _ match: Regex<AnyRegexOutput>.Match,
                       _ transform: (String) -> String) -> String {
        var out = ""
        var rest = Substring(template)
        while let dollar = rest.firstIndex(of: "$") {
            out += rest[..<dollar]
            rest = rest[rest.index(after: dollar)...]
            var number = 0, used = rest.startIndex
            for character in rest {
                guard let digit = character.wholeNumberValue, character.isASCII,
                      number * 10 + digit < match.output.count else { break }
                number = number * 10 + digit
                used = rest.index(after: used)
            }
            if used == rest.startIndex || number == 0 {
                out += "$"
                continue
            }
            out += transform(match.output[number].substring.map(String.init) ?? "")
            rest = rest[used...]
        }
        return out + rest
    }
}

/// Parses dates as users type them, relative to an injected "today".
///
/// Accepts `2026-11-29`, `2026/11/29`, `2026.11.29`, `2026年11月29日`, `11-29` / `11/29` / `11月29日` (this year),
/// `today`/`今天`, `yesterday`/`昨天`, `tomorrow`/`明天`, `+30` / `-3` (days from today), full-width digits.
/// Day-first forms such as `03/01/2012` are not guessed: the year must come first (see `parse(_:format:)`
/// for data files with a declared day-first format).
public enum DateParser {
    /// - Throws: `DateParseError` naming what is wrong ("date 2026-02-30 does not exist").
    public static func parse(_ text: String, today: CivilDate) throws(DateParseError) -> CivilDate {
        let body = TextNormalization.cleaned(text)
        if body.isEmpty { throw DateParseError(text: text, reason: "is empty") }
        switch body.lowercased() {
        case "today", "今天", "t": return today
        case "yesterday", "昨天": return today.adding(days: -1)
        case "tomorrow", "明天": return today.adding(days: 1)
        default: break
        }
        if let first = body.first, first == "+" || first == "-" {
            let digits = body.dropFirst()
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let n = Int(digits) else {
                throw DateParseError(text: text, reason: "is not a number of days such as +30 or -3")
            }
            return today.adding(days: first == "+" ? n : -n)
        }
        // Normalise separators: 年 月 / . → '-', drop a trailing 日.
        var normalized = ""
        for c in body {
            switch c {
            case "年", "月", "/", ".", "-": normalized.append("-")
            case "日", "号": continue
            default: normalized.append(c)
            }
        }
        let parts = normalized.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw DateParseError(text: text, reason: "is not a date (use YYYY-MM-DD)")
        }
        let numbers = parts.compactMap { Int($0) }
        let year: Int, month: Int, day: Int
        switch parts.count {
        case 3 where parts[0].count == 4 && parts[1].count <= 2 && parts[2].count <= 2:
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        case 2 where parts[0].count <= 2 && parts[1].count <= 2:
            (year, month, day) = (today.year, numbers[0], numbers[1])
        default:
            throw DateParseError(text: text, reason: "is not a date (use YYYY-MM-DD, the year first)")
        }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw DateParseError(text: text, reason: "does not exist", shown: isoLike(year, month, day))
        }
        return date
    }

    /// Day order of a data file's dates.
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-11-29`, `2026/11/29`.
        case yearMonthDay = "ymd"
        /// `29/11/2026`, `29-11-2026`, `29.11.2026`.
        case dayMonthYear = "dmy"
        /// `11/29/2026`.
        case monthDayYear = "mdy"
    }

    /// Parses a date of a data file (every import, the sample loaders); impossible dates are errors, never
    /// "fixed". Numeric dates are read in the declared order (`29/11/2026` in `dmy`), except that a four-digit
    /// first part is always the year (`2026-11-29`, `2026/11/29`, `2026.11.29` in any order). Every form the
    /// interactive parser accepts is accepted too, in any order: `2026年11月29日`, and with `today` given
    /// `11月29日` / `11-29` (this year; day first in `dmy`), `today`/`今天`, `yesterday`/`昨天`, `tomorrow`/`明天`,
    /// `+30`/`-3`. Full-width digits are read as ASCII.
    /// - Parameter today: the day relative forms count from (the importing command's clock); without it they are
    ///   refused, naming why.
    /// - Throws: `DateParseError` naming what is wrong and the form expected.
    public static func parse(_ text: String, format: Format, today: CivilDate? = nil) throws(DateParseError)
        -> CivilDate {
        let body = TextNormalization.cleaned(text)
        let lowered = body.lowercased()
        let cjk = body.contains { "年月日号".contains($0) }
        let words = ["today", "今天", "yesterday", "昨天", "tomorrow", "明天"]
        let relative = words.contains(lowered) || ((body.first == "+" || body.first == "-") && body.count > 1)
        if cjk || relative {
            // Year first, or relative to today: the interactive parser's forms, the same in every order.
            let needsToday = relative || !body.contains("年")
            guard let day = today ?? (needsToday ? nil : CivilDate(year: 2000, month: 1, day: 1)) else {
                throw DateParseError(text: text, reason: "is relative to today, which this file's reader does not "
                                     + "know (write the year: \(format.pattern))")
            }
            return try parse(body, today: day)
        }
        let parts = body.split(omittingEmptySubsequences: false,
                               whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3 || (parts.count == 2 && today != nil),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw DateParseError(text: text, reason: "is not a date in \(format.pattern) form")
        }
        let n = parts.compactMap { Int($0) }
        guard n.count == parts.count, parts.count == 3 || parts.allSatisfy({ $0.count <= 2 }) else {
            throw DateParseError(text: text, reason: "is not a date in \(format.pattern) form")
        }
        if parts.count == 2, let today {
            // Month and day of this year, in the declared order.
            let (m, d) = format == .dayMonthYear ? (n[1], n[0]) : (n[0], n[1])
            guard let date = CivilDate(year: today.year, month: m, day: d) else {
                throw DateParseError(text: text, reason: "does not exist", shown: isoLike(today.year, m, d))
            }
            return date
        }
        let yearFirst = format == .yearMonthDay || parts[0].count == 4
        let (y, m, d): (Int, Int, Int)
        switch format {
        case _ where yearFirst: (y, m, d) = (n[0], n[1], n[2])
        case .dayMonthYear: (y, m, d) = (n[2], n[1], n[0])
        default: (y, m, d) = (n[2], n[0], n[1])
        }
        let yearText = yearFirst ? parts[0] : parts[2]
        guard yearText.count == 4 else {
            throw DateParseError(text: text, reason: "is not a date in \(format.pattern) form (4-digit year)")
        }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            throw DateParseError(text: text, reason: "does not exist", shown: isoLike(y, m, d))
        }
        return date
    }

    private static func isoLike(_ y: Int, _ m: Int, _ d: Int) -> String {
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }
}

extension DateParser.Format {
    var pattern: String {
        switch self {
        case .yearMonthDay: return "YYYY-MM-DD"
        case .dayMonthYear: return "DD/MM/YYYY"
        case .monthDayYear: return "MM/DD/YYYY"
        }
    }
}

/// A date text that could not be parsed.
public struct DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    public let reason: String
    /// The date as read, when it was well-formed but impossible (`2026-02-30`).
    public var shown: String?
    public var description: String { "date \(shown ?? "'\(text)'") \(reason)" }
}

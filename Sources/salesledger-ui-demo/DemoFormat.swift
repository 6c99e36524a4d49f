import TerminalUI

/// Local parsers and formatters for the demo only (the real app supplies its own money/date rules).
enum DemoFormat {
    /// Minor units → `1,234.50` / `-200.00`.
    static func money(_ minor: Int64) -> String {
        let negative = minor < 0
        let magnitude = minor.magnitude
        let whole = String(magnitude / 100), cents = magnitude % 100
        var grouped = ""
        for (i, c) in whole.reversed().enumerated() {
            if i > 0, i % 3 == 0 { grouped.append(",") }
            grouped.append(c)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + (cents < 10 ? "0" : "") + String(cents)
    }

    /// Short money for chart axes: `1.2k`, `35k`, `1.5M` (of whole units).
    static func shortMoney(_ minor: Int64) -> String {
        let units = Double(minor) / 100
        let a = abs(units)
        let sign = units < 0 ? "-" : ""
        if a >= 1_000_000 {
            return sign + String(Int((a / 100_000).rounded()) / 10) + "." + String(Int((a / 100_000).rounded()) % 10)
                + "M"
        }
        if a >= 1_000 { return sign + String(Int((a / 1_000).rounded())) + "k" }
        return sign + String(Int(a.rounded()))
    }

    /// Strict money: digits with optional `,` groups and at most 2 decimals → minor units.
    @Sendable static func parseMoney(_ text: String) -> Result<FieldValue, FieldIssue> {
        let trimmed = text.filter { $0 != "," && $0 != " " }
        if trimmed.isEmpty { return .success(.empty) }
        let bad = FieldIssue("not an amount (e.g. 1,234.50)")
        let negative = trimmed.hasPrefix("-")
        let body = negative ? String(trimmed.dropFirst()) : trimmed
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
              parts[0].count <= 13 else { return .failure(bad) }
        var cents: Int64 = 0
        if parts.count == 2 {
            guard parts[1].count <= 2, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(bad) }
            cents = Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0
        }
        let value = (Int64(parts[0]) ?? 0) * 100 + cents
        return .success(.integer(negative ? -value : value))
    }

    /// Strict ISO date `YYYY-MM-DD` with a real calendar day.
    @Sendable static func parseDate(_ text: String) -> Result<FieldValue, FieldIssue> {
        if text.isEmpty { return .success(.empty) }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else {
            return .failure(FieldIssue("use YYYY-MM-DD"))
        }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(m), (1...days[m - 1]).contains(d) else { return .failure(FieldIssue("no such day")) }
        return .success(.date(year: y, month: m, day: d))
    }
}

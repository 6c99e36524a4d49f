#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where "today" and "now" come from. Injected everywhere, so tests and `--today` pin it.
public protocol LedgerClock: Sendable {
    /// The civil date of today in the user's local time zone.
    func today() -> CivilDate
    /// Seconds since 1970-01-01T00:00:00Z (UTC), for audit timestamps.
    func nowUTCSeconds() -> Int64
}

/// The machine's clock: local date from `localtime_r`, UTC seconds from `time`.
public struct SystemClock: LedgerClock {
    public init() {}
    public func today() -> CivilDate {
        var t = time(nil)
        var parts = tm()
        localtime_r(&t, &parts)
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CivilDate(daysSinceEpoch: Int(t / 86_400))
    }
    public func nowUTCSeconds() -> Int64 { Int64(time(nil)) }
}

/// A clock pinned to one date (`--today`, `SALESLEDGER_TODAY`, tests). Its "now" is that date's noon UTC
/// unless `nowUTCSeconds` is given.
public struct FixedClock: LedgerClock {
    public let date: CivilDate
    public let seconds: Int64?
    public init(_ date: CivilDate, nowUTCSeconds: Int64? = nil) {
        self.date = date
        self.seconds = nowUTCSeconds
    }
    public func today() -> CivilDate { date }
    public func nowUTCSeconds() -> Int64 { seconds ?? Int64(date.daysSinceEpoch) * 86_400 + 43_200 }
}

/// UTC timestamp text `YYYY-MM-DDTHH:MM:SSZ` for audit entries.
public func utcTimestamp(_ seconds: Int64) -> String {
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rest = Int(seconds - Int64(days) * 86_400)
    func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(CivilDate(daysSinceEpoch: days))T\(pad(rest / 3600)):\(pad(rest / 60 % 60)):\(pad(rest % 60))Z"
}

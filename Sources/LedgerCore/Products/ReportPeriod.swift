/// The standard periods offered by statements and the invoice browser: this month (本月), last month (上月), this
/// quarter (本季), this year (本年), the last 12 months (近12个月), each ending today (last month ends on its
/// last day).
/// Periods with the same range as an earlier one are not offered twice (on 1 January this month, this quarter and
/// this year are the same day range).
public struct ReportPeriod: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case thisMonth, lastMonth, thisQuarter, thisYear, last12Months,
    custom }
    public var kind: Kind
    public var from: CivilDate
    public var to: CivilDate

    public init(kind: Kind, from: CivilDate, to: CivilDate) {
        self.kind = kind
        self.from = from
        self.to = to
    }

    /// The standard periods for `today`, without repeated ranges.
    public static func standard(today: CivilDate) -> [ReportPeriod] {
        let month = today.startOfMonth
        let quarterStart = CivilDate(year: today.year, month: (today.month - 1) / 3 * 3 + 1, day: 1)!
        let all = [
            ReportPeriod(kind: .thisMonth, from: month, to: today),
            ReportPeriod(kind: .lastMonth, from: month.adding(months: -1), to: month.adding(days: -1)),
            ReportPeriod(kind: .thisQuarter, from: quarterStart, to: today),
            ReportPeriod(kind: .thisYear, from: CivilDate(year: today.year, month: 1, day: 1)!, to: today),
            ReportPeriod(kind: .last12Months, from: month.adding(months: -11), to: today),
        ]
        var seen: [ReportPeriod] = []
        for period in all where !seen.contains(where: { $0.from == period.from && $0.to == period.to }) {
            seen.append(period)
        }
        return seen
    }

    /// 本月 / This month, …; `custom` shows its range.
    public func name(chinese: Bool) -> String {
        switch kind {
        case .thisMonth: return chinese ? "本月" : "This month"
        case .lastMonth: return chinese ? "上月" : "Last month"
        case .thisQuarter: return chinese ? "本季" : "This quarter"
        case .thisYear: return chinese ? "本年" : "This year"
        case .last12Months: return chinese ? "近12个月" : "Last 12 months"
        case .custom: return "\(from) – \(to)"
        }
    }
}

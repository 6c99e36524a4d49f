import LedgerCore

/// A period of days cut into whole months (read from a per-month summary) and day ranges read live, each edge
/// month from its shorter side: the days in the period, or the whole month less the days outside it (issue 10).
struct MonthCover: Equatable {
    /// First days of the months counted whole, in order.
    var months: [CivilDate] = []
    /// Day ranges (inclusive) to add, and to take away from a whole month.
    var added: [ClosedRange<CivilDate>] = []
    var removed: [ClosedRange<CivilDate>] = []

    init(from: CivilDate, to: CivilDate) {
        guard from <= to else { return }
        var month = from.startOfMonth
        while month <= to {
            let end = month.endOfMonth
            let first = max(from, month), last = min(to, end)
            let inside = first.days(to: last) + 1, length = month.days(to: end) + 1
            if inside == length {
                months.append(month)
            } else if inside <= length - inside {
                added.append(first...last)
            } else {
                months.append(month)
                if month < first { removed.append(month...first.adding(days: -1)) }
                if last < end { removed.append(last.adding(days: 1)...end) }
            }
            month = end.adding(days: 1)
        }
    }
}

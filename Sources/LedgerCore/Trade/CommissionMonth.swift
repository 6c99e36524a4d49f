/// One month of commission (业务员提成): the lines per salesperson and rule (`Commission.lines`) and the
/// salespeople's names. `report commission --month` and the Reports screen both read it through `make`, one
/// snapshot of the ledger, and show it as `CommissionTable` (LedgerReports), so they can never disagree.
public struct CommissionMonth: Hashable, Sendable {
    public var first: CivilDate
    public var last: CivilDate
    public var lines: [CommissionLine]
    /// Salesperson code → name.
    public var names: [String: String]

    /// The month starting `first` (the first day of a month). - Throws: `LedgerError.storage`.
    public static func make(month first: CivilDate, store: any LedgerQueries) throws -> CommissionMonth {
        let last = first.adding(months: 1).adding(days: -1)
        let (events, rules, people) = try store.readSnapshot {
            (try store.commissionEvents(from: first, to: last), try store.commissionRules(), try store.salespeople())
        }
        return CommissionMonth(first: first, last: last, lines: Commission.lines(events: events, rules: rules),
                               names: Dictionary(people.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}

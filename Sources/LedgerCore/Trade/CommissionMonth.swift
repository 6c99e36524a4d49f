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
        // The events stream into the sums (issue 10): a month at 1M invoices is ~110k of them.
        let (sums, people) = try store.readSnapshot {
            var sums = Commission.Sums(rules: try store.commissionRules())
            try store.forEachCommissionEvent(from: first, to: last) { sums.add($0) }
            return (sums, try store.salespeople())
        }
        return CommissionMonth(first: first, last: last, lines: sums.lines(),
                               names: Dictionary(people.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}

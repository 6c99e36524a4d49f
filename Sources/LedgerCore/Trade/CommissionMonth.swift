/// One month of commission (业务员提成) as `report commission --month` prints it and the Reports screen shows it:
/// one row per salesperson and rule (salesperson, name, basis, rate, rule start, currency, basis amount,
/// commission; amounts as plain decimals) and a TOTAL row when all lines share one currency.
/// Both read it through `make`, one snapshot of the ledger, so the screen and the CLI can never disagree.
public struct CommissionMonth: Hashable, Sendable {
    public var first: CivilDate
    public var last: CivilDate
    public var lines: [CommissionLine]
    public var rows: [[String]]
    public var total: [String]?

    /// The column keys, in order.
    public static let columns = ["salesperson", "name", "basis", "rate", "from", "currency", "basis_amount",
                                 "commission"]

    /// The month starting `first` (the first day of a month). - Throws: `LedgerError.storage`.
    public static func make(month first: CivilDate, store: any LedgerQueries) throws -> CommissionMonth {
        let last = first.adding(months: 1).adding(days: -1)
        let (events, rules, people) = try store.readSnapshot {
            (try store.commissionEvents(from: first, to: last), try store.commissionRules(), try store.salespeople())
        }
        let lines = Commission.lines(events: events, rules: rules)
        let names = Dictionary(people.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = lines.map { l -> [String] in
            let m = { (v: Int64) in Money.format(v, digits: l.currency.minorDigits, grouping: false) }
            return [l.salesperson, names[l.salesperson] ?? "", l.rule.basis.rawValue, l.rule.rate.description,
                    l.rule.start.description, l.currency.code, m(l.basisAmount), m(l.commission)]
        }
        var total: [String]?
        let currencies = Set(lines.map(\.currency))
        if currencies.count == 1, let c = currencies.first {
            let m = { (v: Int64) in Money.format(v, digits: c.minorDigits, grouping: false) }
            let basis = CheckedSum.of(lines.map(\.basisAmount)) ?? .max
            let commission = CheckedSum.of(lines.map(\.commission)) ?? .max
            total = ["TOTAL", "", "", "", "", c.code, m(basis), m(commission)]
        }
        return CommissionMonth(first: first, last: last, lines: lines, rows: rows, total: total)
    }
}

import LedgerCore

/// The total rows of `TotalRule.sumPerCurrency`, added up one row at a time (`ReportTable.totals`, and a
/// streamed report that does not hold its rows): one row per currency found in the money columns, in the order
/// first met; a row belongs to each currency of its money cells. Money sums are checked (an overflow leaves the
/// cell empty); counts are summed per currency (over all rows when no row has money).
public struct TotalSums {
    let columns: [ReportColumn]
    let label: String?
    let moneyColumns: [Int]
    var currencies: [Currency] = []
    /// Per currency: the money sums (nil after an overflow) and count sums, by column.
    var money: [[Int64?]] = []
    var counts: [[Int]] = []
    /// Count sums over every row (the rows when no row has money).
    var allCounts: [Int]
    var any = false

    /// `rule`: totals only for `.sumPerCurrency` (`.none` and `.given` add nothing here).
    public init(columns: [ReportColumn], rule: TotalRule) {
        self.columns = columns
        if case .sumPerCurrency(let label) = rule { self.label = label } else { self.label = nil }
        moneyColumns = columns.indices.filter { columns[$0].kind == .money }
        allCounts = Array(repeating: 0, count: columns.count)
    }

    public mutating func add(_ row: [ReportCell]) {
        guard label != nil else { return }
        any = true
        var seen: [Int] = []
        for c in moneyColumns {
            guard let m = row[c].money else { continue }
            let g: Int
            if let i = currencies.firstIndex(of: m.currency) {
                g = i
            } else {
                currencies.append(m.currency)
                money.append(Array(repeating: 0, count: columns.count))
                counts.append(Array(repeating: 0, count: columns.count))
                g = currencies.count - 1
            }
            if let sum = money[g][c] {
                let (next, overflow) = sum.addingReportingOverflow(m.minorUnits)
                money[g][c] = overflow ? nil : next
            }
            if !seen.contains(g) { seen.append(g) }
        }
        for c in columns.indices where columns[c].kind == .count {
            let n = row[c].count ?? 0
            allCounts[c] += n
            for g in seen { counts[g][c] += n }
        }
    }

    /// The total rows (none before a row was added).
    public var rows: [[ReportCell]] {
        guard let label, any else { return [] }
        let groups: [Int?] = currencies.isEmpty ? [nil] : Array(currencies.indices)
        return groups.map { g in
            columns.indices.map { c -> ReportCell in
                if c == 0 { return .text(label) }
                if columns[c].key == "currency", let g { return .text(currencies[g].code) }
                switch columns[c].kind {
                case .money:
                    guard let g, let sum = money[g][c] else { return .empty }
                    return .amount(sum, currencies[g])
                case .count: return .count(g.map { counts[$0][c] } ?? allCounts[c])
                default: return .empty
                }
            }
        }
    }
}

/// Aging buckets (账龄区间) by days past due as of a date.
///
/// Days overdue = as-of date − due date. "Current" is ≤ 0 days (an invoice due on the as-of date is not
/// overdue); then one bucket per bound: with the default bounds [30, 60, 90] the buckets are 1–30, 31–60,
/// 61–90 and 91+. Bounds are configurable (strictly increasing, positive).
public struct AgingBuckets: Hashable, Sendable, Codable {
    public var bounds: [Int]
    public init(bounds: [Int] = [30, 60, 90]) {
        let sorted = Array(Set(bounds.filter { $0 > 0 })).sorted()
        self.bounds = sorted.isEmpty ? [30, 60, 90] : sorted
    }
    public static let standard = AgingBuckets()

    /// Bucket index for `daysOverdue`: 0 = current, then 1 … bounds.count.
    public func index(daysOverdue: Int) -> Int {
        if daysOverdue <= 0 { return 0 }
        for (i, bound) in bounds.enumerated() where daysOverdue <= bound { return i + 1 }
        return bounds.count + 1
    }

    /// Labels: `current`, `1-30`, `31-60`, `61-90`, `91+`.
    public var labels: [String] {
        var result = ["current"]
        var low = 1
        for bound in bounds {
            result.append("\(low)-\(bound)")
            low = bound + 1
        }
        result.append("\(low)+")
        return result
    }

    public var count: Int { bounds.count + 2 }

    /// Bucket index by days since the invoice date (aging by invoice date): 0 = 0…bounds[0], …, last = over.
    public func index(daysSinceInvoice days: Int) -> Int {
        for (i, bound) in bounds.enumerated() where days <= bound { return i }
        return bounds.count
    }

    /// Labels by invoice date: `0-30`, `31-60`, `61-90`, `91+`.
    public var invoiceDateLabels: [String] {
        Array(labels.dropFirst()).enumerated().map { $0 == 0 ? "0-\(bounds.first ?? 0)" : $1 }
    }

    /// Labels for `basis`.
    public func labels(for basis: AgingBasis) -> [String] { basis == .dueDate ? labels : invoiceDateLabels }
}

/// Totals of one bucket: amount in minor units and number of invoices.
public struct AgingBucketTotal: Hashable, Sendable, Codable {
    public var label: String
    public var amount: Int64
    public var count: Int
}

/// The one sign convention for unapplied credit (receipts and credit notes not yet applied, kept ≥ 0) where it is
/// shown beside receivables — the aging's line, F5's totals, the statement on screen, in text and in CSV: negative,
/// because it reduces what the customer owes (open invoices + shown credit = balance).
public enum UnappliedCreditSign {
    /// `credit` (minor units, ≥ 0) as shown: `-credit` (`Int64.min` cannot occur: amounts are bounded far below).
    public static func shown(_ credit: Int64) -> Int64 { credit == .min ? .max : -credit }
}

/// An aging report for one currency: buckets, unapplied credits shown apart, and per-group rows.
public struct AgingReport: Hashable, Sendable, Codable {
    public var asOf: CivilDate
    public var currency: Currency
    public var buckets: [AgingBucketTotal]
    /// Sum of open invoice amounts (all buckets), minor units.
    public var openTotal: Int64
    /// Sum of the overdue buckets, minor units.
    public var overdueTotal: Int64
    /// Unapplied receipts and credit notes (customer credit), minor units, ≥ 0; shown as a negative line.
    public var unappliedCredits: Int64
    /// `unappliedCredits` as shown (`UnappliedCreditSign`: negative).
    public var unappliedCreditsShown: Int64 { UnappliedCreditSign.shown(unappliedCredits) }
    /// Open invoices less unapplied credits = sum of customer balances.
    public var netReceivable: Int64 { openTotal - unappliedCredits }
    /// Open amount of disputed invoices (included in the buckets).
    public var disputedTotal: Int64
    /// Per group (customer, salesperson, region …) in descending total order.
    public var groups: [AgingGroupRow]

    public init(asOf: CivilDate, currency: Currency, buckets: [AgingBucketTotal], openTotal: Int64, overdueTotal: Int64,
                unappliedCredits: Int64, disputedTotal: Int64, groups: [AgingGroupRow]) {
        self.asOf = asOf
        self.currency = currency
        self.buckets = buckets
        self.openTotal = openTotal
        self.overdueTotal = overdueTotal
        self.unappliedCredits = unappliedCredits
        self.disputedTotal = disputedTotal
        self.groups = groups
    }
}

/// One group's buckets.
public struct AgingGroupRow: Hashable, Sendable, Codable {
    public var key: String
    public var label: String
    public var amounts: [Int64]
    public var credits: Int64
    public var total: Int64 { amounts.reduce(0, +) - credits }
}

/// How aging rows are grouped.
public enum AgingGrouping: String, Sendable, CaseIterable, Codable {
    case none, customer, salesperson, region, channel
}

public enum Aging {
    /// Builds one report per currency from open items and unapplied credits as of `asOf`.
    /// `basis` picks days past due (default) or days since the invoice date; `overdueTotal` is always by due date.
    /// The items are summed into `AgingCell`s and go through `reports(cells:)`, the one rule.
    public static func reports(items: [OpenItem], credits: [UnappliedCredit], asOf: CivilDate,
                               buckets: AgingBuckets = .standard, groupBy: AgingGrouping = .none,
                               basis: AgingBasis = .dueDate) -> [AgingReport] {
        reports(cells: cells(items: items, asOf: asOf, buckets: buckets, groupBy: groupBy, basis: basis),
                credits: credits, asOf: asOf, buckets: buckets, groupBy: groupBy, basis: basis)
    }

    /// Open items summed into cells (currency, group, bucket), as a store's `agingCells` query returns them.
    public static func cells(items: [OpenItem], asOf: CivilDate, buckets: AgingBuckets = .standard,
                             groupBy: AgingGrouping = .none, basis: AgingBasis = .dueDate) -> [AgingCell] {
        let thresholds = buckets.thresholds(asOf: asOf, basis: basis)
        var cells: [String: AgingCell] = [:]
        for item in items where item.open != 0 {
            let index = AgingBuckets.index(of: basis == .dueDate ? item.dueDate : item.date, thresholds: thresholds)
            let (key, label) = groupKey(item, groupBy)
            let id = "\(item.currency.code)\u{1}\(key)\u{1}\(index)"
            var cell = cells[id] ?? AgingCell(currency: item.currency, key: key, label: label, bucket: index, amount: 0,
                                              count: 0, overdue: 0, disputed: 0)
            cell.amount += item.open
            cell.count += 1
            if item.dueDate < asOf { cell.overdue += item.open }
            if item.isDisputed { cell.disputed += item.open }
            cells[id] = cell
        }
        return Array(cells.values)
    }

    /// Builds one report per currency (by code) from aging cells and unapplied credits as of `asOf`: bucket totals
    /// and counts, overdue (by due date) and disputed totals, credits shown apart (per customer when grouped by
    /// customer), groups in descending total order then key.
    public static func reports(cells: [AgingCell], credits: [UnappliedCredit], asOf: CivilDate,
                               buckets: AgingBuckets = .standard, groupBy: AgingGrouping = .none,
                               basis: AgingBasis = .dueDate) -> [AgingReport] {
        let currencies = Set(cells.map(\.currency.code)).union(credits.map(\.currency.code)).sorted()
        return currencies.compactMap { code in
            guard let currency = Currency.named(code) else { return nil }
            return report(cells: cells.filter { $0.currency == currency },
                          credits: credits.filter { $0.currency == currency },
                          asOf: asOf, currency: currency, buckets: buckets, groupBy: groupBy, basis: basis)
        }
    }

    static func report(cells: [AgingCell], credits: [UnappliedCredit], asOf: CivilDate, currency: Currency,
                       buckets: AgingBuckets, groupBy: AgingGrouping, basis: AgingBasis = .dueDate) -> AgingReport {
        let labels = buckets.labels(for: basis)
        var totals = labels.map { AgingBucketTotal(label: $0, amount: 0, count: 0) }
        var overdue: Int64 = 0
        var groups: [String: AgingGroupRow] = [:]
        var disputed: Int64 = 0
        for cell in cells where cell.bucket >= 0 && cell.bucket < labels.count {
            overdue += cell.overdue
            totals[cell.bucket].amount += cell.amount
            totals[cell.bucket].count += cell.count
            disputed += cell.disputed
            if groupBy != .none {
                var row = groups[cell.key] ?? AgingGroupRow(key: cell.key, label: cell.label,
                                                            amounts: Array(repeating: 0, count: labels.count),
                                                            credits: 0)
                row.amounts[cell.bucket] += cell.amount
                groups[cell.key] = row
            }
        }
        var creditTotal: Int64 = 0
        for credit in credits {
            creditTotal += credit.amount
            if groupBy == .customer {
                var row = groups[credit.customerCode] ?? AgingGroupRow(key: credit.customerCode,
                                                                       label: credit.customerName,
                                                                      amounts: Array(repeating: 0, count: labels.count),
                                                                      credits: 0)
                row.credits += credit.amount
                groups[credit.customerCode] = row
            }
        }
        let open = totals.reduce(Int64(0)) { $0 + $1.amount }
        return AgingReport(asOf: asOf, currency: currency, buckets: totals, openTotal: open,
                           overdueTotal: overdue, unappliedCredits: creditTotal,
                           disputedTotal: disputed,
                           groups: groups.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) })
    }

    static func groupKey(_ item: OpenItem, _ grouping: AgingGrouping) -> (String, String) {
        switch grouping {
        case .none: return ("", "")
        case .customer: return (item.customerCode, item.customerName)
        case .salesperson: return (item.salesperson, item.salesperson)
        case .region: return (item.region, item.region)
        case .channel: return (item.channel, item.channel)
        }
    }
}

import LedgerCore

/// Thresholds of ABC analysis, as cumulative shares of revenue in basis points (8000 = 80 %).
public struct ABCThresholds: Hashable, Sendable, Codable {
    /// A: the top items making up to this share of revenue (default 80 %).
    public var aShareBP: Int
    /// B: the next items making up this further share (default 15 %); C is the rest (5 %).
    public var bShareBP: Int
    public init(aShareBP: Int = 8000, bShareBP: Int = 1500) {
        self.aShareBP = aShareBP
        self.bShareBP = bShareBP
    }
    public var isValid: Bool { aShareBP > 0 && bShareBP >= 0 && aShareBP + bShareBP <= 10_000 }
}

/// ABC analysis by revenue (Pareto / inventory ABC analysis): items ranked by revenue, largest first (ties by code);
/// an item is A while the cumulative revenue of the items ranked above it is below `aShareBP` of the total, B while
/// below `aShareBP + bShareBP`, else C. So the item crossing a boundary still belongs to the upper class, and the
/// top item is always A. Items with no (or negative) revenue are C. Each currency is ranked on its own, since
/// amounts in different currencies do not add up. Integer arithmetic only (minor units × basis points).
public enum ABCAnalysis {
    /// One item to classify: a customer or product with its revenue in minor units.
    public struct Item: Hashable, Sendable {
        public var id: Int64
        public var code: String
        public var currency: Currency
        public var revenue: Int64
        public init(id: Int64, code: String, currency: Currency, revenue: Int64) {
            self.id = id
            self.code = code
            self.currency = currency
            self.revenue = revenue
        }
    }

    /// Class `A`, `B` or `C` per item, in rank order per currency, with revenue and share in the reason.
    public static func classify(_ items: [Item], thresholds: ABCThresholds = ABCThresholds()) -> [RuleClassResult] {
        var out: [RuleClassResult] = []
        let byCurrency = Dictionary(grouping: items, by: \.currency.code)
        for code in byCurrency.keys.sorted() {
            let group = (byCurrency[code] ?? []).sorted { ($1.revenue, $0.code) < ($0.revenue, $1.code) }
            let total = group.reduce(Int64(0)) { $0 &+ max(0, $1.revenue) }
            var before: Int64 = 0
            for item in group {
                let cls: String
                if item.revenue <= 0 || total <= 0 {
                    cls = "C"
                } else if less(before, than: thresholds.aShareBP, of: total) {
                    cls = "A"
                } else if less(before, than: thresholds.aShareBP + thresholds.bShareBP, of: total) {
                    cls = "B"
                } else {
                    cls = "C"
                }
                let share = total > 0 ? shareText(before, total) : "0.00"
                let digits = item.currency.minorDigits
                out.append(RuleClassResult(entityID: item.id, classCode: cls,
                                           reason: "revenue "
                                               + "\(Money.format(item.revenue, digits: digits, grouping: false)) "
                                               + "\(code), ranked after \(share) % of "
                                               + "\(Money.format(total, digits: digits, grouping: false))"))
                before &+= max(0, item.revenue)
            }
        }
        return out
    }

    /// `part × 10000 < bp × total`, without overflow.
    static func less(_ part: Int64, than bp: Int, of total: Int64) -> Bool {
        let lhs = part.multipliedFullWidth(by: 10_000)
        let rhs = Int64(bp).multipliedFullWidth(by: total)
        return (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// `part / total` as a percentage with two decimals.
    static func shareText(_ part: Int64, _ total: Int64) -> String {
        let (bp, overflow) = part.multipliedReportingOverflow(by: 10_000)
        let hundredths = overflow ? Int64(Double(part) / Double(total) * 10_000) : bp / total
        return Money.format(hundredths, digits: 2, grouping: false)
    }
}

import LedgerCore

/// RFM analysis (Hughes, "Strategic Database Marketing", 1994): recency, frequency and monetary value, each scored
/// 1–5 by quintile, then mapped to a named segment.
///
/// Scoring, over the customers with at least one posted invoice in the period (others get no RFM class):
/// - R: days from the last invoice to the as-of date (fewer is better); F: number of invoices; M: net revenue.
/// - Customers are ranked from worst to best on each measure; a customer at 0-based rank `i` of `n` scores
///   `1 + (5 × i) / n` (integer division), and customers with equal values share the score of the first of them.
///   So each quintile holds about a fifth of the customers, and 5 is the best score.
/// - FM = (F + M) / 2, rounded down. Segments: R ≥ 4 and FM ≥ 4 champions; R ≥ 3 and FM ≥ 3 loyal;
///   R ≥ 4 (FM ≤ 2) promising; R = 3 (FM ≤ 2) needs attention; R ≤ 2 and FM ≥ 3 at risk; R = 2 hibernating;
///   R = 1 lost. Monetary values are ranked per currency.
public enum RFMAnalysis {
    /// The three scores, each 1…5.
    public struct Scores: Hashable, Sendable, Codable {
        public var recency: Int
        public var frequency: Int
        public var monetary: Int
    }

    /// Segment code (a class of `rfm_segment`) for scores.
    public static func segment(_ s: Scores) -> String {
        let fm = (s.frequency + s.monetary) / 2
        switch (s.recency, fm) {
        case (4..., 4...): return "champions"
        case (3..., 3...): return "loyal"
        case (4..., _): return "promising"
        case (3, _): return "needs_attention"
        case (_, 3...): return "at_risk"
        case (2, _): return "hibernating"
        default: return "lost"
        }
    }

    /// Quintile scores of `values` (higher is better), ties sharing the lowest score of their group.
    public static func quintiles(_ values: [Int64]) -> [Int] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var scores = Array(repeating: 1, count: values.count)
        var groupStart = 0
        for (rank, index) in order.enumerated() {
            if rank > 0, values[index] != values[order[rank - 1]] { groupStart = rank }
            scores[index] = 1 + (5 * groupStart) / max(1, values.count)
        }
        return scores
    }

    /// Scores and segment per customer with invoices; `asOf` measures recency.
    public static func classify(_ facts: [CustomerSalesFact],
                                asOf: CivilDate) -> [(fact: CustomerSalesFact, scores: Scores, segment: String)] {
        var out: [(CustomerSalesFact, Scores, String)] = []
        let active = facts.filter { $0.invoices > 0 && $0.lastInvoiceDate != nil }
        for (_, group) in Dictionary(grouping: active, by: \.currency.code).sorted(by: { $0.key < $1.key }) {
            let r = quintiles(group.map { -Int64(($0.lastInvoiceDate ?? asOf).days(to: asOf)) })
            let f = quintiles(group.map { Int64($0.invoices) })
            let m = quintiles(group.map(\.revenue))
            for (i, fact) in group.enumerated() {
                let scores = Scores(recency: r[i], frequency: f[i], monetary: m[i])
                out.append((fact, scores, segment(scores)))
            }
        }
        return out.sorted { $0.0.customerCode < $1.0.customerCode }
    }
}

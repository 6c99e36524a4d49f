import LedgerCore

/// Thresholds of the payment-risk class. Average days late in whole days; shares in basis points.
public struct PaymentRiskThresholds: Hashable, Sendable, Codable {
    public var mediumAverageDaysLate: Int
    public var highAverageDaysLate: Int
    public var mediumLateShareBP: Int
    public var highLateShareBP: Int
    /// Defaults: medium from 5 days late on average or 25 % of invoices paid late; high from 15 days or 50 %.
    public init(mediumAverageDaysLate: Int = 5, highAverageDaysLate: Int = 15, mediumLateShareBP: Int = 2500,
                highLateShareBP: Int = 5000) {
        self.mediumAverageDaysLate = mediumAverageDaysLate
        self.highAverageDaysLate = highAverageDaysLate
        self.mediumLateShareBP = mediumLateShareBP
        self.highLateShareBP = highLateShareBP
    }
}

/// Payment-risk class (回款风险) from payment behaviour: over the customer's invoices dated in the window and due
/// by
/// the as-of date, days late = (settlement date, or the as-of date when not fully paid) − due date, at least 0.
/// An invoice is paid late when its days late > 0. `high` when the average days late ≥ `highAverageDaysLate` or the
/// late share ≥ `highLateShareBP`; else `medium` by the medium thresholds; else `low`. Customers with no such
/// invoice get no class. Integer arithmetic: avg ≥ t ⇔ Σ days ≥ t × n; share ≥ bp ⇔ late × 10000 ≥ bp ×
/// n.
public enum PaymentRisk {
    /// Per-customer figures.
    public struct Profile: Hashable, Sendable {
        public var customerID: Int64
        public var customerCode: String
        public var invoices: Int
        public var lateInvoices: Int
        public var totalDaysLate: Int
        public var riskClass: String
    }

    public static func daysLate(_ fact: PaymentFact, asOf: CivilDate) -> Int {
        max(0, fact.dueDate.days(to: fact.settledOn ?? asOf))
    }

    public static func profiles(_ facts: [PaymentFact], asOf: CivilDate,
                                thresholds: PaymentRiskThresholds = PaymentRiskThresholds()) -> [Profile] {
        var byCustomer: [Int64: Profile] = [:]
        for fact in facts where fact.total > 0 {
            var p = byCustomer[fact.customerID] ?? Profile(customerID: fact.customerID, customerCode: fact.customerCode,
                                                          invoices: 0, lateInvoices: 0, totalDaysLate: 0, riskClass: "")
            let late = daysLate(fact, asOf: asOf)
            p.invoices += 1
            p.totalDaysLate += late
            if late > 0 { p.lateInvoices += 1 }
            byCustomer[fact.customerID] = p
        }
        return byCustomer.values.map { p in
            var p = p
            p.riskClass = riskClass(invoices: p.invoices, lateInvoices: p.lateInvoices, totalDaysLate: p.totalDaysLate,
                                    thresholds: thresholds)
            return p
        }.sorted { $0.customerCode < $1.customerCode }
    }

    /// `low`, `medium` or `high` for the counts (see the type's rule).
    public static func riskClass(invoices n: Int, lateInvoices: Int, totalDaysLate: Int,
                                 thresholds t: PaymentRiskThresholds) -> String {
        guard n > 0 else { return "low" }
        if totalDaysLate >= t.highAverageDaysLate * n
            || lateInvoices * 10_000 >= t.highLateShareBP * n { return "high" }
        if totalDaysLate >= t.mediumAverageDaysLate * n
            || lateInvoices * 10_000 >= t.mediumLateShareBP * n { return "medium" }
        return "low"
    }
}

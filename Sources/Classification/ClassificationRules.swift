import LedgerCore

/// Runs the classification rules (ABC, RFM, payment risk) on demand or on a schedule. Each run reads facts through
/// the store's queries, computes classes with `ABCAnalysis` / `RFMAnalysis` / `PaymentRisk`, and writes them with
/// one `ApplyRuleClasses` command (one transaction, audited, previous class kept in history, manual classes kept
/// unless `overwriteManual`).
public struct ClassificationRules {
    public let service: LedgerService
    /// Look-back of the scheduled run, in months (RFM, risk and ABC windows end at the run's date).
    public var scheduledMonths: Int
    public var abcThresholds: ABCThresholds
    public var riskThresholds: PaymentRiskThresholds

    public init(service: LedgerService, scheduledMonths: Int = 12, abcThresholds: ABCThresholds = ABCThresholds(),
                riskThresholds: PaymentRiskThresholds = PaymentRiskThresholds()) {
        self.service = service
        self.scheduledMonths = scheduledMonths
        self.abcThresholds = abcThresholds
        self.riskThresholds = riskThresholds
    }

    var store: any LedgerStore { service.store }

    static func check(_ thresholds: ABCThresholds) throws(LedgerError) {
        if !thresholds.isValid {
            throw .validation([FieldIssue("thresholds",
                                          "A \(thresholds.aShareBP) bp + B \(thresholds.bShareBP) bp must be positive "
                                          + "and at most 10000 bp (100 %)")])
        }
    }

    /// Customer ABC by net revenue of invoices dated `from...to`, into `customer_class` (客户等级).
    /// - Throws: `LedgerError` (validation of thresholds, storage).
    @discardableResult
    public func runCustomerABC(from: CivilDate?, to: CivilDate?, thresholds: ABCThresholds? = nil,
                               overwriteManual: Bool = false) throws -> RuleApplyOutcome {
        let t = thresholds ?? abcThresholds
        try Self.check(t)
        let items = try store.customerSalesFacts(from: from, to: to).map {
            ABCAnalysis.Item(id: $0.customerID, code: $0.customerCode, currency: $0.currency, revenue: $0.revenue)
        }
        return try service.run(ApplyRuleClasses(rule: "abc", dimension: BuiltInDimension.customerClass.rawValue,
                                                entity: .customer,
                                                results: ABCAnalysis.classify(items, thresholds: t),
                                                overwriteManual: overwriteManual))
    }

    /// Product ABC by net line revenue dated `from...to`, into `product_abc`.
    @discardableResult
    public func runProductABC(from: CivilDate?, to: CivilDate?, thresholds: ABCThresholds? = nil,
                              overwriteManual: Bool = false) throws -> RuleApplyOutcome {
        let t = thresholds ?? abcThresholds
        try Self.check(t)
        let items = try store.productSalesFacts(from: from, to: to).map {
            ABCAnalysis.Item(id: $0.productID, code: $0.sku, currency: $0.currency, revenue: $0.revenue)
        }
        return try service.run(ApplyRuleClasses(rule: "abc", dimension: BuiltInDimension.productABC.rawValue,
                                                entity: .product,
                                                results: ABCAnalysis.classify(items, thresholds: t),
                                                overwriteManual: overwriteManual))
    }

    /// RFM segments of customers with invoices in the `months` before `asOf` (inclusive), into `rfm_segment`.
    @discardableResult
    public func runRFM(asOf: CivilDate, months: Int = 12, overwriteManual: Bool = false) throws -> RuleApplyOutcome {
        let facts = try store.customerSalesFacts(from: asOf.adding(months: -months).adding(days: 1), to: asOf)
        let results = RFMAnalysis.classify(facts, asOf: asOf).map {
            RuleClassResult(entityID: $0.fact.customerID, classCode: $0.segment,
                            reason: "R\($0.scores.recency) F\($0.scores.frequency) M\($0.scores.monetary)")
        }
        return try service.run(ApplyRuleClasses(rule: "rfm", dimension: BuiltInDimension.rfmSegment.rawValue,
                                                entity: .customer, results: results, overwriteManual: overwriteManual))
    }

    /// Payment-risk classes from invoices dated in the `months` before `asOf` and due by it, into `payment_risk`.
    @discardableResult
    public func runPaymentRisk(asOf: CivilDate, months: Int = 12, thresholds: PaymentRiskThresholds? = nil,
                               overwriteManual: Bool = false) throws -> RuleApplyOutcome {
        let facts = try store.paymentFacts(from: asOf.adding(months: -months).adding(days: 1), to: asOf, asOf: asOf)
        let results = PaymentRisk.profiles(facts, asOf: asOf, thresholds: thresholds ?? riskThresholds).map {
            RuleClassResult(entityID: $0.customerID, classCode: $0.riskClass,
                            reason: "\($0.lateInvoices)/\($0.invoices) late, \($0.totalDaysLate) days late in all")
        }
        return try service.run(ApplyRuleClasses(rule: "risk", dimension: BuiltInDimension.paymentRisk.rawValue,
                                                entity: .customer, results: results, overwriteManual: overwriteManual))
    }

    /// Runs every rule over the last `scheduledMonths` months once a day: the first call on a new `today` runs
    /// customer ABC, product ABC, RFM and payment risk (never overwriting manual classes) and records the date;
    /// later calls the same day return `[]`. The app calls it at start.
    /// - Returns: the outcome of each rule run, or `[]` when already run today.
    @discardableResult
    public func runScheduledRulesIfDue(today: CivilDate) throws -> [RuleApplyOutcome] {
        if let last = try store.classificationSetting(RecordScheduledClassification.settingKey),
        last >= today.description {
            return []
        }
        let from = today.adding(months: -scheduledMonths).adding(days: 1)
        let outcomes = [try runCustomerABC(from: from, to: today), try runProductABC(from: from, to: today),
                        try runRFM(asOf: today, months: scheduledMonths),
                        try runPaymentRisk(asOf: today, months: scheduledMonths)]
        try service.run(RecordScheduledClassification(date: today))
        return outcomes
    }
}

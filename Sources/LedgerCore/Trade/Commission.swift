/// What a commission rule (提成规则) pays on.
public enum CommissionBasis: String, Sendable, Codable, CaseIterable {
    /// % of net sales: invoices (net of VAT) on their date, less credit notes and bad-debt write-offs (their
    /// net-of-VAT share) on theirs — so credit notes and write-offs claw back in the month they happen.
    case netSales = "net_sales"
    /// % of collections: receipts allocated to the salesperson's invoices (tax-inclusive, on the allocation date);
    /// a reversed allocation (反核销) claws back. Optionally only receipts dated within N days of the due date.
    case collections
}

/// A commission rule: for a salesperson (or everyone, `salesperson` empty) and a customer class (or every class),
/// a rate on a basis from `start` on. A rate change is a new rule with a later start; it applies to events on or
/// after its start only, never backwards.
public struct CommissionRule: Hashable, Sendable, Codable {
    public var id: Int64
    public var salesperson: String
    public var customerClass: String
    public var basis: CommissionBasis
    public var rate: Rate
    /// Collections only: count a receipt only when dated at most this many days after the invoice's due date.
    public var withinDays: Int?
    public var start: CivilDate

    public init(id: Int64 = 0, salesperson: String = "", customerClass: String = "", basis: CommissionBasis, rate: Rate,
                withinDays: Int? = nil, start: CivilDate) {
        self.id = id
        self.salesperson = salesperson
        self.customerClass = customerClass
        self.basis = basis
        self.rate = rate
        self.withinDays = withinDays
        self.start = start
    }
}

/// One event that may earn or claw back commission, as read from the ledger (minor units).
public struct CommissionEvent: Hashable, Sendable {
    public enum Kind: String, Sendable { case sale, creditNote, writeOff, collection }
    public var kind: Kind
    public var date: CivilDate
    public var salesperson: String
    public var customerClass: String
    public var currency: Currency
    /// Sale / credit note: net of VAT. Write-off and collection: the allocated (tax-inclusive) amount, negative
    /// for a reversal.
    public var amount: Int64
    /// For write-offs and collections: the invoice's net and total (to take the net share) and due date.
    public var invoiceNet: Int64 = 0
    public var invoiceTotal: Int64 = 0
    public var dueDate: CivilDate?
    /// For collections: the receipt's date.
    public var receiptDate: CivilDate?

    public init(kind: Kind, date: CivilDate, salesperson: String, customerClass: String, currency: Currency,
                amount: Int64) {
        self.kind = kind
        self.date = date
        self.salesperson = salesperson
        self.customerClass = customerClass
        self.currency = currency
        self.amount = amount
    }
}

/// A line of the commission report: one salesperson under one rule.
public struct CommissionLine: Hashable, Sendable {
    public var salesperson: String
    public var rule: CommissionRule
    public var currency: Currency
    /// Sum of the basis amounts (minor units).
    public var basisAmount: Int64
    /// basis × rate, rounded half up once per line.
    public var commission: Int64
}

/// Commission (业务员提成) for a period, from rules and events (pure; the store reads both).
public enum Commission {
    /// The rule in force for an event: the most specific (salesperson and class, then salesperson, then class,
    /// then everyone) among those started on or before the event's date, and of those the latest start.
    public static func rule(for event: CommissionEvent, in rules: [CommissionRule]) -> CommissionRule? {
        func specificity(_ r: CommissionRule) -> Int {
            (r.salesperson.isEmpty ? 0 : 2) + (r.customerClass.isEmpty ? 0 : 1)
        }
        return rules.filter { r in
            r.start <= event.date && (r.salesperson.isEmpty || r.salesperson == event.salesperson)
                && (r.customerClass.isEmpty || r.customerClass == event.customerClass)
        }.max { (specificity($0), $0.start, $0.id) < (specificity($1), $1.start, $1.id) }
    }

    /// The basis amount an event adds under `rule` (0 when the rule's basis does not count it).
    public static func basisAmount(of e: CommissionEvent, under rule: CommissionRule) -> Int64 {
        switch (rule.basis, e.kind) {
        case (.netSales, .sale): return e.amount
        case (.netSales, .creditNote): return -e.amount
        case (.netSales, .writeOff):
            guard e.invoiceTotal != 0 else { return -e.amount }
            let q = Int128(e.amount) * Int128(e.invoiceNet)
            let d = Int128(e.invoiceTotal)
            let share = q >= 0 ? (2 * q + d) / (2 * d) : -((-2 * q + d) / (2 * d))
            return -Int64(share)
        case (.collections, .collection):
            if let days = rule.withinDays, let due = e.dueDate, let paid = e.receiptDate,
            due.days(to: paid) > days { return 0 }
            return e.amount
        default: return 0
        }
    }

    /// Lines by salesperson, then rule start; salespeople without any rule are left out.
    public static func lines(events: [CommissionEvent], rules: [CommissionRule]) -> [CommissionLine] {
        var sums = Sums(rules: rules)
        for e in events { sums.add(e) }
        return sums.lines()
    }

    /// `lines` fed one event at a time, so a month's events can stream from the store (issue 10): only the basis
    /// per salesperson, rule and currency is kept.
    public struct Sums {
        struct Key: Hashable { var salesperson: String; var ruleID: Int64; var currency: Currency }
        let rules: [CommissionRule]
        private var sums: [Key: Int64] = [:]

        public init(rules: [CommissionRule]) { self.rules = rules }

        public mutating func add(_ e: CommissionEvent) {
            guard let rule = Commission.rule(for: e, in: rules) else { return }
            let amount = Commission.basisAmount(of: e, under: rule)
            guard amount != 0 || e.kind == .sale else { return }
            sums[Key(salesperson: e.salesperson, ruleID: rule.id, currency: e.currency), default: 0] += amount
        }

        /// The lines so far, by salesperson, then rule start.
        public func lines() -> [CommissionLine] {
            var byID: [Int64: CommissionRule] = [:]
            for r in rules { byID[r.id] = r }
            return sums.compactMap { key, basis -> CommissionLine? in
                guard let rule = byID[key.ruleID] else { return nil }
                let q = Int128(basis) * Int128(rule.rate.basisPoints)
                let c = q >= 0 ? (2 * q + 10_000) / 20_000 : -((-2 * q + 10_000) / 20_000)
                return CommissionLine(salesperson: key.salesperson, rule: rule, currency: key.currency,
                                      basisAmount: basis, commission: Int64(c))
            }.sorted { ($0.salesperson, $0.rule.start, $0.rule.id) < ($1.salesperson, $1.rule.start, $1.rule.id) }
        }
    }
}

/// Adds a commission rule (a rate change is a new rule with a later start). The start may not lie before today,
/// so a change never reaches back into commission already earned. Role: manager. Outcome: the stored rule.
public struct SetCommissionRule: LedgerCommand {
    public static let name = "commission.rule"
    public static var allowedRoles: Set<UserRole> { AccessRoles.managers }
    public var rule: CommissionRule
    public init(_ rule: CommissionRule) { self.rule = rule }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> CommissionRule {
        try context.requireManager("setting commission rules")
        var issues = IssueCollector()
        issues.check((0...10_000).contains(rule.rate.basisPoints), "rate", "must be between 0% and 100%")
        issues.check(rule.start >= context.today, "start",
                     "\(rule.start) is before today (\(context.today)); rate changes never apply backwards")
        if let days = rule.withinDays {
            issues.check(rule.basis == .collections, "withinDays", "applies to the collections basis only")
            issues.check(days >= 0, "withinDays", "must be 0 or more")
        }
        if !rule.salesperson.isEmpty, try tx.salesperson(code: rule.salesperson) == nil {
            issues.add("salesperson", "unknown salesperson code \(rule.salesperson)")
        }
        try issues.throwIfAny()
        var stored = rule
        stored.id = try tx.insert(rule)
        context.recordChange(entity: "commission_rule", id: stored.id, before: CommissionRule?.none, after: stored)
        return stored
    }
}

import LedgerCore

/// One process metric (流程指标) over a period: a value in tenths (days, percent, per 100, per day) or a count,
/// with the numbers it was computed from.
public struct ProcessMetric: Hashable, Sendable {
    public enum Unit: String, Sendable { case days, percent, per100, perDay, count }
    public var id: String
    public var unit: Unit
    /// Tenths for days, percent, per100 and perDay (half up); the count itself for `count`; nil when nothing to
    /// measure.
    public var value: Int64?
    /// How many items it was measured on.
    public var basis: Int

    public init(id: String, unit: Unit, value: Int64?, basis: Int) {
        self.id = id
        self.unit = unit
        self.value = value
        self.basis = basis
    }

    public var text: String {
        guard let value else { return "n/a" }
        return unit == .count ? String(value) : Money.format(value, digits: 1, grouping: false)
    }

    public func label(_ lang: AuditLanguage) -> String {
        switch id {
        case "invoice-to-first-receipt": return lang.t("days from invoice to first receipt",
                                                       "开票至首次收款天数")
        case "receipt-to-allocation": return lang.t("days from receipt to allocation", "收款至核销天数")
        case "promises-kept": return lang.t("promises kept (%)", "承诺付款兑现率（%）")
        case "reminders-paid-14d": return lang.t("reminders followed by payment within 14 days (%)",
                                                 "催收后 14 天内回款比例（%）")
        case "voids-credits-per-100": return lang.t("voids and credit notes per 100 invoices",
                                                    "每百张销售单作废及红字冲销数")
        case "credit-overrides": return lang.t("credit-hold overrides", "信用冻结越权放行次数")
        case "documents-per-clerk-day": return lang.t("documents entered per clerk per day",
                                                      "每人每日录入单据数")
        case "drafts-abandoned": return lang.t("drafts abandoned", "废弃草稿数")
        default: return id
        }
    }
}

/// Process metrics from the documents and the audit log (issue 14), for one period and optionally one user.
///
/// Definitions (docs/audit.md): invoice → first receipt: invoices dated in the period that received money, days to
/// the first receipt allocation; receipt → allocation: allocations of receipts dated in the period, days from the
/// receipt date to the day the allocation was entered (audit log); promises kept: contact-log promises falling due
/// in the period, kept when the customer paid at least the promised amount (any amount when none) between the call
/// and the promised date; reminders: contact-log entries in the period, followed by a receipt from the customer
/// within 14 days; voids and credit notes per 100 invoices dated in the period; credit-hold overrides and documents
/// entered per clerk per active day from the audit log (bulk loads left out); drafts saved in the period that were
/// never posted. A user filter keeps what that user entered (contacts by `who`).
///
/// Reads (issue 10): each metric's rows of the period from the store (`ProcessQueries`, set-based) and the audit
/// log once through a cursor, keeping only what the period's rows need (the entered date of their allocations, who
/// created their documents and receipts, who voided them) and the period's own entries; memory grows with the
/// period, not with the ledger or the log.
public enum ProcessMetrics {
    /// The eight metrics, in a fixed order. Throws the store's errors.
    public static func compute(_ queries: any ProcessQueries, from: CivilDate, to: CivilDate, user: String? = nil)
        throws -> [ProcessMetric]
    {
        func inPeriod(_ d: CivilDate) -> Bool { d >= from && d <= to }
        // Memory (issue 10): invoices and documents are counted as their rows stream; only the allocations are
        // kept (compact, `PeriodAllocations`), as their entered day comes from the log pass after them. With a
        // user filter the documents' ids are kept too (who created or voided them is in the log).
        var allocations = PeriodAllocations(keepsReceipts: user != nil)
        try queries.forEachProcessAllocation(from: from, to: to) { allocations.append($0) }
        allocations.seal()
        var documentIDs = SortedIDs()
        var voidIDs = SortedIDs()
        if user != nil {
            var ids: [Int64] = []
            var voids: [Int64] = []
            try queries.forEachProcessDocument(from: from, to: to) { doc in
                ids.append(doc.id)
                if doc.status == .void { voids.append(doc.id) }
            }
            documentIDs = SortedIDs(ids)
            voidIDs = SortedIDs(voids)
        }
        let receiptIDs = SortedIDs(allocations.receiptIDs)
        let log = try LogFigures.read(
            queries, from: from, to: to, user: user, allocations: allocations.ids, documents: documentIDs,
            voided: voidIDs, receipts: receiptIDs)
        func mine(_ marks: ActorMarks, _ ids: SortedIDs, _ id: Int64) -> Bool {
            user == nil || ids.index(of: id).map { marks[$0] == .user } == true
        }
        // Invoice → first receipt.
        var firstDays = 0
        var firstCount = 0
        try queries.forEachProcessInvoice(from: from, to: to) { invoice in
            guard let first = invoice.firstReceipt, mine(log.createdBy, documentIDs, invoice.id) else { return }
            firstDays += max(0, invoice.date.days(to: first))
            firstCount += 1
        }
        // Receipt → allocation.
        var allocationDays = 0
        var allocationCount = 0
        for i in 0..<allocations.count {
            let row = allocations.row(i)
            guard mine(log.receiptBy, receiptIDs, row.receiptID) else { continue }
            let first = allocations.ids.index(of: allocations.ids.ids[i]) ?? i
            let entered = log.allocationEntered[first]
            allocationDays += max(0, (entered == LogFigures.noDay ? row.ownDay : Int(entered)) - row.receiptDay)
            allocationCount += 1
        }
        // Promises and reminders (contact log).
        var promises = 0
        var kept = 0
        var reminders = 0
        var paid = 0
        try queries.forEachProcessContact(from: from, to: to) { contact in
            guard user == nil || contact.who == user else { return }
            if let promised = contact.promisedDate, inPeriod(promised) {
                promises += 1
                let amount = contact.paidByPromise
                if amount > 0 && amount >= (contact.promisedAmount ?? 0) { kept += 1 }
            }
            if inPeriod(contact.date) {
                reminders += 1
                if contact.paidWithin14Days { paid += 1 }
            }
        }
        // Voids and credit notes per 100 invoices.
        var invoiceCount = 0
        var correcting = 0
        try queries.forEachProcessDocument(from: from, to: to) { doc in
            let created = mine(log.createdBy, documentIDs, doc.id)
            if doc.kind == .invoice && created { invoiceCount += 1 }
            if doc.kind == .creditNote && doc.status == .posted && created { correcting += 1 }
            if doc.status == .void && mine(log.voidedBy, voidIDs, doc.id) { correcting += 1 }
        }
        // Drafts saved in the period and still drafts.
        var stillDraft: [Int64: Bool] = [:]
        var abandoned = 0
        for id in log.draftIDs {
            let draft = try stillDraft[id] ?? (queries.documentStatus(id: id) == .draft)
            stillDraft[id] = draft
            if draft { abandoned += 1 }
        }
        return [
            ProcessMetric(
                id: "invoice-to-first-receipt", unit: .days, value: tenths(firstDays, firstCount), basis: firstCount),
            ProcessMetric(
                id: "receipt-to-allocation", unit: .days, value: tenths(allocationDays, allocationCount),
                basis: allocationCount),
            ProcessMetric(id: "promises-kept", unit: .percent, value: tenths(kept * 100, promises), basis: promises),
            ProcessMetric(
                id: "reminders-paid-14d", unit: .percent, value: tenths(paid * 100, reminders), basis: reminders),
            ProcessMetric(
                id: "voids-credits-per-100", unit: .per100, value: tenths(correcting * 100, invoiceCount),
                basis: invoiceCount),
            ProcessMetric(id: "credit-overrides", unit: .count, value: Int64(log.overrides), basis: log.entered),
            ProcessMetric(
                id: "documents-per-clerk-day", unit: .perDay, value: tenths(log.entered, log.activeDays.count),
                basis: log.activeDays.count),
            ProcessMetric(id: "drafts-abandoned", unit: .count, value: Int64(abandoned), basis: log.drafts),
        ]
    }

    /// total ÷ count in tenths, half up; nil when count is 0.
    static func tenths(_ total: Int, _ count: Int) -> Int64? {
        count > 0 ? Int64(RoundingRule.halfUp.divide(Int128(total) * 10, by: Int128(count))) : nil
    }

    /// The users who entered anything in the period (bulk loads left out), by name. Reads the audit log through a
    /// cursor.
    public static func users(_ queries: any ProcessQueries, from: CivilDate, to: CivilDate) throws -> [String] {
        var detector = BulkLoadDetector()
        var users = Set<String>()
        let commands: Set<String> = [
            "invoice.post", "credit_note.issue", "credit_note.issue_lines", "receipt.record", "invoice.void",
        ]
        try queries.forEachAuditEntry(since: nil) { entries in
            guard !detector.feed(entries) else { return }
            for e in entries where e.date.map({ $0 >= from && $0 <= to }) == true && commands.contains(e.command) {
                users.insert(e.actor)
            }
        }
        return users.sorted()
    }
}

import LedgerAudit
import LedgerCore

/// The process metrics as computed before issue 10, on `AuditData` (the whole ledger and the whole audit log in
/// memory): the reference the store-reading `ProcessMetrics` is compared with.
///
/// Definitions (docs/audit.md): invoice → first receipt: invoices dated in the period that received money, days to
/// the first receipt allocation; receipt → allocation: allocations of receipts dated in the period, days from the
/// receipt date to the day the allocation was entered (audit log); promises kept: contact-log promises falling due
/// in the period, kept when the customer paid at least the promised amount (any amount when none) between the call
/// and the promised date; reminders: contact-log entries in the period, followed by a receipt from the customer
/// within 14 days; voids and credit notes per 100 invoices dated in the period; credit-hold overrides and documents
/// entered per clerk per active day from the audit log (bulk loads left out); drafts saved in the period that were
/// never posted. A user filter keeps what that user entered (contacts by `who`).
enum ProcessMetricsReference {
    static func compute(_ data: AuditData, from: CivilDate, to: CivilDate, user: String? = nil)
        -> [ProcessMetric]
    {
        func mine(_ entry: AuditLogEntry?) -> Bool { user == nil || entry?.actor == user }
        func inPeriod(_ d: CivilDate) -> Bool { d >= from && d <= to }
        let receipts = Dictionary(data.snapshot.receipts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var allocationEntered: [Int64: CivilDate] = [:]
        for entry in data.log {
            // Allocations of a bulk load were entered long after the fact: their own date stands for when.
            guard !data.isLoad(entry) else { continue }
            for change in AuditData.changes(of: entry) where change.entity == "allocation" && change.before == nil {
                allocationEntered[change.id] = entry.date
            }
        }
        // Invoice → first receipt.
        var firstDays: [Int] = []
        for doc in data.postedDocuments
        where doc.kind == .invoice && inPeriod(doc.date) && mine(data.documentPosting[doc.id]) {
            let first = (data.snapshot.allocationsByInvoice[doc.id] ?? [])
                .filter { $0.source == .receipt && $0.amount.minorUnits > 0 && $0.reversesID == nil }
                .compactMap { $0.sourceID.flatMap { receipts[$0]?.date } }.min()
            if let first { firstDays.append(max(0, doc.date.days(to: first))) }
        }
        // Receipt → allocation.
        var allocationDays: [Int] = []
        for a in data.snapshot.allocations where a.source == .receipt && a.amount.minorUnits > 0 && a.reversesID == nil
        {
            guard let receipt = a.sourceID.flatMap({ receipts[$0] }), inPeriod(receipt.date),
                mine(data.receiptPosting[receipt.id])
            else { continue }
            allocationDays.append(max(0, receipt.date.days(to: allocationEntered[a.id] ?? a.date)))
        }
        // Promises and reminders (contact log).
        var promises = 0
        var kept = 0
        var reminders = 0
        var paid = 0
        for contact in data.snapshot.contacts where user == nil || contact.who == user {
            let theirs = data.snapshot.receipts.filter { $0.customerID == contact.customerID }
            if let promised = contact.promisedDate, inPeriod(promised) {
                promises += 1
                let amount = theirs.filter { $0.date >= contact.date && $0.date <= promised }.reduce(Int64(0)) {
                    $0 + $1.amount.minorUnits
                }
                if amount > 0 && amount >= (contact.promisedAmount ?? 0) { kept += 1 }
            }
            if inPeriod(contact.date) {
                reminders += 1
                if theirs.contains(where: { $0.date > contact.date && $0.date <= contact.date.adding(days: 14) }) {
                    paid += 1
                }
            }
        }
        // Voids and credit notes per 100 invoices.
        var invoices = 0
        var correcting = 0
        var voidActor: [Int64: AuditLogEntry] = [:]
        for entry in data.log where entry.command == "invoice.void" {
            if let id = AuditData.changes(of: entry).first(where: { $0.entity == "invoice" })?.id {
                voidActor[id] = entry
            }
        }
        for doc in data.documents where doc.status != .draft && inPeriod(doc.date) {
            if doc.kind == .invoice && mine(data.documentPosting[doc.id]) { invoices += 1 }
            if doc.kind == .creditNote && doc.status == .posted && mine(data.documentPosting[doc.id]) {
                correcting += 1
            }
            if doc.status == .void && mine(voidActor[doc.id]) { correcting += 1 }
        }
        // Overrides, documents per clerk per day, drafts.
        var overrides = 0
        var drafts = 0
        var abandoned = 0
        var entered = 0
        var activeDays = Set<String>()
        let documentIDs = Set(data.documents.filter { $0.status == .draft }.map(\.id))  // drafts never posted
        for entry in data.log where !data.isLoad(entry) && mine(entry) {
            guard let day = entry.date, inPeriod(day) else { continue }
            let changes = AuditData.changes(of: entry)
            let isDraft = (AuditData.payloadField(entry, "asDraft") as? Bool) == true
            switch entry.command {
            case "invoice.post" where isDraft:
                drafts += 1
                if let id = changes.first(where: { $0.entity == "invoice" })?.id, documentIDs.contains(id) {
                    abandoned += 1
                }
            case "invoice.post", "credit_note.issue", "receipt.record":
                entered += 1
                activeDays.insert("\(entry.actor)|\(day)")
                if changes.contains(where: { $0.entity == "credit_override" }) { overrides += 1 }
            default: break
            }
        }
        return [
            ProcessMetric(
                id: "invoice-to-first-receipt", unit: .days, value: tenths(firstDays.reduce(0, +), firstDays.count),
                basis: firstDays.count),
            ProcessMetric(
                id: "receipt-to-allocation", unit: .days,
                value: tenths(allocationDays.reduce(0, +), allocationDays.count),
                basis: allocationDays.count),
            ProcessMetric(id: "promises-kept", unit: .percent, value: tenths(kept * 100, promises), basis: promises),
            ProcessMetric(
                id: "reminders-paid-14d", unit: .percent, value: tenths(paid * 100, reminders), basis: reminders),
            ProcessMetric(
                id: "voids-credits-per-100", unit: .per100, value: tenths(correcting * 100, invoices), basis: invoices),
            ProcessMetric(id: "credit-overrides", unit: .count, value: Int64(overrides), basis: entered),
            ProcessMetric(
                id: "documents-per-clerk-day", unit: .perDay, value: tenths(entered, activeDays.count),
                basis: activeDays.count),
            ProcessMetric(id: "drafts-abandoned", unit: .count, value: Int64(abandoned), basis: drafts),
        ]
    }

    /// total ÷ count in tenths, half up; nil when count is 0.
    static func tenths(_ total: Int, _ count: Int) -> Int64? {
        count > 0 ? Int64(RoundingRule.halfUp.divide(Int128(total) * 10, by: Int128(count))) : nil
    }

    /// The users who entered anything in the period (bulk loads left out), by name.
    static func users(_ data: AuditData, from: CivilDate, to: CivilDate) -> [String] {
        Set(
            data.log.filter { e in
                !data.isLoad(e) && e.date.map { $0 >= from && $0 <= to } == true
                    && ["invoice.post", "credit_note.issue", "receipt.record", "invoice.void"].contains(e.command)
            }.map(\.actor)
        ).sorted()
    }
}

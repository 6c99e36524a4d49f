import LedgerCore

extension ProcessMetrics {
    /// What the process metrics take from the audit log, read in one pass through a cursor (issue 10): the day
    /// each wanted allocation was entered, who created each wanted document and receipt (first creating entry) and
    /// who voided each wanted void document (last `invoice.void`), and the period's own entries (the user's, bulk
    /// loads left out): drafts saved, documents entered on how many (user, day) pairs, credit overrides.
    struct LogFigures {
        var allocationEntered: [Int64: CivilDate] = [:]
        var createdBy: [Int64: String] = [:]
        var receiptBy: [Int64: String] = [:]
        var voidedBy: [Int64: String] = [:]
        var drafts = 0
        /// The document of each draft saved in the period, in log order (repeats kept).
        var draftIDs: [Int64] = []
        var entered = 0
        var overrides = 0
        var activeDays = Set<String>()

        /// `allocations`: allocation ids whose entered date is wanted; `documents`, `voided`, `receipts`: ids whose
        /// creator or voider is wanted (empty without a user filter).
        static func read(
            _ queries: any ProcessQueries, from: CivilDate, to: CivilDate, user: String?, allocations: Set<Int64>,
            documents: Set<Int64>, voided: Set<Int64>, receipts: Set<Int64>
        ) throws -> LogFigures {
            var figures = LogFigures()
            var detector = BulkLoadDetector()
            let wantsCreators = !documents.isEmpty || !receipts.isEmpty
            try queries.forEachAuditEntry(since: nil) { entries in
                let load = detector.feed(entries)
                for entry in entries {
                    let day = entry.date
                    let periodic = !load && (user == nil || entry.actor == user)
                        && day.map { $0 >= from && $0 <= to } == true
                    let isVoid = entry.command == "invoice.void" && !voided.isEmpty
                    guard periodic || wantsCreators || isVoid || (!load && !allocations.isEmpty) else { continue }
                    let changes = AuditJSONScan.changes(entry)
                    figures.take(entry, changes, load: load, allocations: allocations, documents: documents,
                                 voided: voided, receipts: receipts)
                    if periodic { figures.count(entry, changes, day: day) }
                }
            }
            return figures
        }

        private mutating func take(
            _ entry: AuditLogEntry, _ changes: [AuditJSONScan.Change], load: Bool, allocations: Set<Int64>,
            documents: Set<Int64>, voided: Set<Int64>, receipts: Set<Int64>
        ) {
            for change in changes where change.isCreation {
                // Allocations of a bulk load were entered long after the fact: their own date stands for when.
                if !load, change.entity == "allocation", allocations.contains(change.id) {
                    allocationEntered[change.id] = entry.date
                }
                if change.entity == "invoice", documents.contains(change.id), createdBy[change.id] == nil {
                    createdBy[change.id] = entry.actor
                }
                if change.entity == "receipt", receipts.contains(change.id), receiptBy[change.id] == nil {
                    receiptBy[change.id] = entry.actor
                }
            }
            if entry.command == "invoice.void", let id = changes.first(where: { $0.entity == "invoice" })?.id,
                voided.contains(id)
            {
                voidedBy[id] = entry.actor
            }
        }

        private mutating func count(_ entry: AuditLogEntry, _ changes: [AuditJSONScan.Change], day: CivilDate?) {
            switch entry.command {
            case "invoice.post" where AuditJSONScan.isTrue(entry, "asDraft"):
                drafts += 1
                if let id = changes.first(where: { $0.entity == "invoice" })?.id { draftIDs.append(id) }
            case "invoice.post", "credit_note.issue", "receipt.record":
                entered += 1
                activeDays.insert("\(entry.actor)|\(day.map { "\($0)" } ?? "")")
                if changes.contains(where: { $0.entity == "credit_override" }) { overrides += 1 }
            default:
                break
            }
        }
    }
}

import LedgerCore

extension ProcessMetrics {
    /// What the process metrics take from the audit log, read in one pass through a cursor (issue 10): the day
    /// each wanted allocation was entered, who created each wanted document and receipt (first creating entry) and
    /// who voided each wanted void document (last `invoice.void`), and the period's own entries (the user's, bulk
    /// loads left out): drafts saved, documents entered on how many (user, day) pairs, credit overrides.
    struct LogFigures {
        /// The day each wanted allocation was entered (days since the epoch), at its position in `allocations`;
        /// `Int32.min` when the log has no entered day for it.
        var allocationEntered: [Int32] = []
        /// Who first created each wanted document, at its position in `documents`.
        var createdBy = ActorMarks(count: 0)
        /// Who first created each wanted receipt, at its position in `receipts`.
        var receiptBy = ActorMarks(count: 0)
        /// Who last voided each wanted void document, at its position in `voided`.
        var voidedBy = ActorMarks(count: 0)
        var drafts = 0
        /// The document of each draft saved in the period, in log order (repeats kept).
        var draftIDs: [Int64] = []
        var entered = 0
        var overrides = 0
        var activeDays = Set<String>()

        static let noDay = Int32.min

        /// `allocations`: allocation ids whose entered date is wanted; `documents`, `voided`, `receipts`: ids whose
        /// creator or voider is wanted (empty without a user filter).
        static func read(
            _ queries: any ProcessQueries, from: CivilDate, to: CivilDate, user: String?, allocations: SortedIDs,
            documents: SortedIDs, voided: SortedIDs, receipts: SortedIDs
        ) throws -> LogFigures {
            var figures = LogFigures()
            figures.allocationEntered = Array(repeating: noDay, count: allocations.count)
            figures.createdBy = ActorMarks(count: documents.count)
            figures.receiptBy = ActorMarks(count: receipts.count)
            figures.voidedBy = ActorMarks(count: voided.count)
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
                    figures.take(entry, changes, load: load, user: user, allocations: allocations,
                                 documents: documents, voided: voided, receipts: receipts)
                    if periodic { figures.count(entry, changes, day: day) }
                }
            }
            return figures
        }

        private mutating func take(
            _ entry: AuditLogEntry, _ changes: [AuditJSONScan.Change], load: Bool, user: String?,
            allocations: SortedIDs, documents: SortedIDs, voided: SortedIDs, receipts: SortedIDs
        ) {
            for change in changes where change.isCreation {
                // Allocations of a bulk load were entered long after the fact: their own date stands for when.
                if !load, change.entity == "allocation", let i = allocations.index(of: change.id) {
                    allocationEntered[i] = entry.date.map { Int32(truncatingIfNeeded: $0.daysSinceEpoch) } ?? Self.noDay
                }
                if change.entity == "invoice", let i = documents.index(of: change.id), createdBy[i] == .unknown {
                    createdBy.set(i, actor: entry.actor, user: user)
                }
                if change.entity == "receipt", let i = receipts.index(of: change.id), receiptBy[i] == .unknown {
                    receiptBy.set(i, actor: entry.actor, user: user)
                }
            }
            if entry.command == "invoice.void", let id = changes.first(where: { $0.entity == "invoice" })?.id,
                let i = voided.index(of: id)
            {
                voidedBy.set(i, actor: entry.actor, user: user)
            }
        }

        private mutating func count(_ entry: AuditLogEntry, _ changes: [AuditJSONScan.Change], day: CivilDate?) {
            switch entry.command {
            case "invoice.post" where AuditJSONScan.isTrue(entry, "asDraft"):
                drafts += 1
                if let id = changes.first(where: { $0.entity == "invoice" })?.id { draftIDs.append(id) }
            case "invoice.post", "credit_note.issue", "credit_note.issue_lines", "receipt.record":
                entered += 1
                activeDays.insert("\(entry.actor)|\(day.map { "\($0)" } ?? "")")
                if changes.contains(where: { $0.entity == "credit_override" }) { overrides += 1 }
            default:
                break
            }
        }
    }
}

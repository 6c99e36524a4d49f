import LedgerCore

/// What the periodic audit takes from the audit log, read in one pass through a cursor (issue 10), keeping only
/// what the checks need: the count of entries; the period's documents and receipts that their creating entry
/// posted out of time, and those dated outside it that an entry of the period posted out of time (compared a batch
/// at a time during the pass); the period's own entries (bulk loads left out) for the controls and weekend
/// postings; the dispute history of the invoices disputed now; which of the wanted invoices a bulk load created.
struct AuditLogScan {
    /// The entry that created a document or receipt: when, by whom, whether it was part of a bulk load.
    struct Posting {
        var seq: Int64
        /// Nil when the entry's time cannot be read.
        var day: CivilDate?
        var actor: String
        var isLoad: Bool
    }

    /// A document (`isReceipt` false) or receipt created by an entry.
    struct Created: Hashable {
        var isReceipt: Bool
        var id: Int64

        /// One integer for both kinds (id × 2, + 1 for a receipt): the compact key of the period's dates.
        var key: Int64 { id &* 2 &+ (isReceipt ? 1 : 0) }
    }

    /// An override of a credit hold in the period (bulk loads left out).
    struct Override {
        var seq: Int64
        var actor: String
        var day: CivilDate
        var reason: String
        var documentID: Int64?
    }

    /// A posting on a Saturday or Sunday in the period (bulk loads left out).
    struct Weekend {
        var actor: String
        var day: CivilDate
        var created: Created
    }

    /// Commands (a bulk entry counts each of its commands).
    var entries = 0
    /// The period's documents and receipts (`Created.key`), with their dates as days since the epoch, or `met`
    /// once their creating entry came.
    private var pending: [Int64: Int32] = [:]
    /// Invoices whose creator matters (of customers over their limit) not yet met.
    private var pendingOwners = IDBitmap()
    private static let met = Int32.min
    private var backdatedDays = 0
    /// The period's documents and receipts whose creating entry posted them more than `backdatedDays` after their
    /// date or before it (bulk loads included: a backdated one of a bulk load is for the check to leave out), with
    /// that entry and their date.
    var outOfTime: [(created: Created, posting: Posting, date: CivilDate)] = []
    /// The backdated documents and receipts of bulk loads (left out of the findings, counted): the period's, and
    /// those not dated in the period whose creating entry is in it.
    var loadedBackdated = 0
    /// Documents and receipts (not drafts) not dated in the period whose first creating entry in the period posted
    /// them out of time (more than `backdatedDays` after their date, or before it), bulk loads' backdated ones left
    /// out (counted in `loadedBackdated`), with that entry.
    var createdInPeriod: [Created: Posting] = [:]
    /// Creating entries in the period of documents and receipts not dated in it, not yet compared with their
    /// dates: read a batch at a time (`resolveUndated`), so a period that holds a bulk load of the whole ledger
    /// keeps a batch, not an entry per document (issue 10: 1.4 GB at a million invoices).
    private var undated: [(created: Created, posting: Posting)] = []
    /// `Created.key` of the documents and receipts whose first creating entry in the period was met.
    private var metInPeriod = IDBitmap()
    /// How many creating entries `undated` holds before their documents' dates are read.
    static let undatedBatch = 4096
    var overrides: [Override] = []
    /// Per user: invoices posted (not drafts), voids, credit notes, in the period, bulk loads left out.
    var counts: [String: (posted: Int, voids: Int, credits: Int)] = [:]
    var weekend: [Weekend] = []
    /// Since when each wanted invoice has been disputed (the last run of `invoice.dispute` entries marking it).
    var disputedSince: [Int64: CivilDate] = [:]
    /// The wanted invoices that no bulk load created (their first creating entry is outside a load, or none).
    var liveInvoices = IDBitmap()

    /// - Parameters:
    ///   - dated: the documents (not drafts) and receipts dated in the period (`Created.key`), with their dates as
    ///     days since the epoch: their creating entries are wanted wherever they are. Taken over (not copied).
    ///   - disputed: invoices whose dispute history is wanted.
    ///   - owners: invoices for which it matters whether a bulk load created them.
    ///   - batch: creating entries of undated documents held before their dates are read (tests use small ones).
    /// Reads documents and receipts while the log's cursor is open: call inside `readSnapshot`.
    static func read(_ queries: any ProcessQueries & AuditCheckQueries, p: AuditParameters,
                     dated: consuming [Int64: Int32], disputed: Set<Int64>,
                     owners: consuming IDBitmap, batch: Int = undatedBatch) throws -> AuditLogScan {
        var scan = AuditLogScan()
        scan.pending = dated
        scan.pendingOwners = owners
        scan.backdatedDays = p.backdatedDays
        var detector = BulkLoadDetector()
        try queries.forEachAuditEntry(since: nil) { entries in
            let load = detector.feed(entries)
            scan.entries += entries.count
            for entry in entries {
                let day = entry.date
                let inPeriod = day.map { $0 >= p.from && $0 <= p.to } == true
                let changes = AuditJSONScan.changes(entry)
                for change in changes where change.isCreation {
                    let created: Created
                    switch change.entity {
                    case "invoice": created = Created(isReceipt: false, id: change.id)
                    case "receipt": created = Created(isReceipt: true, id: change.id)
                    default: continue
                    }
                    if !created.isReceipt, scan.pendingOwners.remove(change.id), !load {
                        scan.liveInvoices.insert(change.id)
                    }
                    let posting = Posting(seq: entry.seq, day: day, actor: entry.actor, isLoad: load)
                    if let days = scan.pending[created.key] {
                        // Only the first creating entry counts; a met one is marked (not removed: still dated).
                        guard days != Self.met else { continue }
                        scan.pending[created.key] = Self.met
                        scan.check(created, posting, date: CivilDate(daysSinceEpoch: Int(days)))
                    } else if inPeriod, !scan.metInPeriod.contains(created.key) {
                        scan.metInPeriod.insert(created.key)
                        scan.undated.append((created, posting))
                    }
                }
                if entry.command == "invoice.dispute", let day,
                    let id = changes.first(where: { $0.entity == "invoice" })?.id, disputed.contains(id)
                {
                    if AuditJSONScan.isTrue(entry, "isDisputed") {
                        scan.disputedSince[id] = scan.disputedSince[id] ?? day
                    } else {
                        scan.disputedSince[id] = nil
                    }
                }
                if inPeriod, !load, let day { scan.count(entry, changes, day: day) }
            }
            if scan.undated.count >= batch { try scan.resolveUndated(queries) }
        }
        try scan.resolveUndated(queries)
        scan.metInPeriod = IDBitmap()
        // Invoices no entry created (written around the ledger) were never part of a load.
        scan.liveInvoices.formUnion(scan.pendingOwners)
        scan.pendingOwners = IDBitmap()
        scan.pending = [:]
        return scan
    }

    /// Keeps a period document's creating entry when it posted it out of time.
    private mutating func check(_ created: Created, _ posting: Posting, date: CivilDate) {
        guard let posted = posting.day else { return }
        let lag = date.days(to: posted)
        if lag > backdatedDays && posting.isLoad {
            loadedBackdated += 1
        } else if lag > backdatedDays || lag < 0 {
            outOfTime.append((created, posting, date))
        }
    }

    /// Reads the dates of the documents (not drafts) and receipts in `undated` and keeps those their creating
    /// entry posted out of time in `createdInPeriod`, counting bulk loads' backdated ones in `loadedBackdated`.
    private mutating func resolveUndated(_ q: any AuditCheckQueries) throws {
        guard !undated.isEmpty else { return }
        var dates: [Created: CivilDate] = [:]
        try q.forEachAuditDocument(.ids(undated.filter { !$0.created.isReceipt }.map(\.created.id))) { doc in
            guard doc.status != .draft else { return }
            dates[Created(isReceipt: false, id: doc.id)] = doc.date
        }
        try q.forEachAuditReceipt(.ids(undated.filter(\.created.isReceipt).map(\.created.id))) { item in
            dates[Created(isReceipt: true, id: item.receipt.id)] = item.receipt.date
        }
        for (created, posting) in undated {
            guard let date = dates[created], let posted = posting.day else { continue }
            let lag = date.days(to: posted)
            if lag > backdatedDays && posting.isLoad {
                loadedBackdated += 1
            } else if lag > backdatedDays || lag < 0 {
                createdInPeriod[created] = posting
            }
        }
        undated.removeAll(keepingCapacity: true)
    }

    private mutating func count(_ entry: AuditLogEntry, _ changes: [AuditJSONScan.Change], day: CivilDate) {
        switch entry.command {
        case "invoice.post":
            if !AuditJSONScan.isTrue(entry, "asDraft") { counts[entry.actor, default: (0, 0, 0)].posted += 1 }
            if changes.contains(where: { $0.entity == "credit_override" }) {
                overrides.append(Override(
                    seq: entry.seq, actor: entry.actor, day: day,
                    reason: AuditJSONScan.stringField(entry, "creditOverrideReason") ?? "",
                    documentID: changes.first { $0.entity == "invoice" }?.id))
            }
        case "invoice.void": counts[entry.actor, default: (0, 0, 0)].voids += 1
        case "credit_note.issue", "credit_note.issue_lines": counts[entry.actor, default: (0, 0, 0)].credits += 1
        default: break
        }
        guard ["invoice.post", "credit_note.issue", "credit_note.issue_lines",
               "receipt.record"].contains(entry.command),
            day.isoWeekday >= 6,
            let change = changes.first(where: {
                $0.isCreation && ($0.entity == "invoice" || $0.entity == "receipt")
            })
        else { return }
        weekend.append(Weekend(actor: entry.actor, day: day,
                               created: Created(isReceipt: change.entity == "receipt", id: change.id)))
    }
}

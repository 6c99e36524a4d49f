import LedgerCore

/// Everything the periodic audit reads: the store's read protocols (the SQLite store implements them all).
public typealias AuditStore = LedgerQueries & AuditQueries & AuditCheckQueries & ProcessQueries & JournalQueries
    & ReceivablesAggregateQueries

/// Runs every check of the periodic audit over the store's read protocols. The CLI (`audit check`) and the
/// audit screen both call this, so they show the same findings.
///
/// Reads (issue 10): each check only what it needs — set-based queries (documents that disagree with their lines,
/// over-allocations, number gaps and duplicates, customer balances at two dates, DSO inputs, aging cells), the
/// period's documents and receipts streamed once, the journal export streamed for the tie-out, and the audit log
/// once through a cursor (`AuditLogScan`). Memory grows with the period and the findings, not with the ledger.
public enum AuditRunner {
    /// - Parameters:
    ///   - chainProblem: the store's audit-chain verification (`verifyAuditChain`): nil when intact, else where it
    ///     breaks. Passed in so the audit uses the one verify entry point of the store.
    ///   - progress: called with the name of each check before it runs.
    /// - Throws: `LedgerError.storage` when the store cannot be read.
    public static func run(
        queries: any AuditStore, parameters p: AuditParameters, ranBy: String,
        ranAtUTC: String, chainProblem: () throws -> String?,
        progress: (String) -> Void = { _ in }
    ) throws -> AuditRun {
        // One snapshot: the checks' many reads see the same ledger, as the single load of old did.
        try queries.readSnapshot {
            try checks(queries: queries, parameters: p, ranBy: ranBy, ranAtUTC: ranAtUTC, chainProblem: chainProblem,
                       progress: progress)
        }
    }

    private static func checks(
        queries: any AuditStore, parameters p: AuditParameters, ranBy: String,
        ranAtUTC: String, chainProblem: () throws -> String?, progress: (String) -> Void
    ) throws -> AuditRun {
        let lang = p.language
        progress(lang.t("reading the period", "读取本期单据"))
        var period = try PeriodDocuments.read(queries, p: p)
        let balances = try queries.auditCustomerBalances(asOf: p.to)
        var disputed: [AuditDocument] = []
        try queries.forEachAuditDocument(.disputedInvoices) { disputed.append($0) }
        // The invoices of customers over their limit as a bitmap (about 2 bits each, not a dictionary entry):
        // which of them a bulk load created is read in the log pass, their customers afterwards.
        let overLimit = ControlChecks.overLimitCandidates(balances)
        var owners = IDBitmap()
        try queries.forEachAuditDocument(.invoicesOf(customers: overLimit)) { owners.insert($0.id) }
        progress(lang.t("reading the audit log", "读取审计日志"))
        let dated = period.dated
        period.dated = [:]
        let scan = try AuditLogScan.read(queries, p: p, dated: consume dated, disputed: Set(disputed.map(\.id)),
                                         owners: consume owners)
        var liveCustomers = Set<Int64>()
        try queries.forEachAuditDocument(.invoicesOf(customers: overLimit)) {
            if scan.liveInvoices.contains($0.id) { liveCustomers.insert($0.customerID) }
        }
        var checks: [AuditCheckResult] = []
        // A check stopped by a refused stored value is a finding and the others go on (`RefusedReads`).
        var refused = RefusedReads(lang)
        progress(lang.t("internal consistency", "内部一致性"))
        checks += try refused.run("consistency.totals") { [try ConsistencyChecks.documentTotals(queries, lang)] }
        checks += try refused.run("consistency.allocations") { [try ConsistencyChecks.allocations(queries, lang)] }
        checks += try refused.run("consistency.credits") { [try ConsistencyChecks.credits(queries, lang)] }
        checks += try refused.run("consistency.tie-out") {
            [try ConsistencyChecks.tieOut(queries, balances: balances, to: p.to, lang)]
        }
        checks.append(ConsistencyChecks.chain(problem: try chainProblem(), entries: scan.entries, lang))
        checks.append(MaintainedBalanceCheck.run(differences: try queries.recomputeMaintainedBalances(), lang))
        progress(lang.t("numbering", "编号"))
        checks += try refused.run("numbering.gaps") { try NumberingChecks.gapsAndDuplicates(queries, lang) }
        checks.append(NumberingChecks.voids(period.voided, lang))
        progress(lang.t("possible duplicates", "疑似重复"))
        checks += try refused.run("duplicates.invoices") {
            [try DuplicateChecks.invoices(queries, from: p.from, to: p.to, lang)]
        }
        checks += try refused.run("duplicates.receipts") {
            [try DuplicateChecks.receipts(queries, from: p.from, to: p.to, lang)]
        }
        progress(lang.t("dates and cut-off", "日期与截止"))
        checks += try refused.run("dates.backdated") { try DateChecks.postingDates(queries, scan, p: p) }
        checks += try refused.run("dates.cutoff-window") { try DateChecks.cutoff(queries, p: p) }
        progress(lang.t("credit balances and controls", "贷方余额与控制"))
        checks.append(ControlChecks.creditBalances(balances, p: p))
        checks += try refused.run("control.disputes") {
            try ControlChecks.controls(queries, scan, balances: balances, disputed: disputed,
                                       liveCustomers: liveCustomers, p: p)
        }
        progress(lang.t("analytical review", "分析性复核"))
        checks += try refused.run("analytical.dso") { [try AnalyticalChecks.trend(queries, p: p)] }
        checks += try refused.run("analytical.balance-growth") {
            [try AnalyticalChecks.growth(queries, end: balances, p: p)]
        }
        checks += try refused.run("analytical.weekend") {
            try AnalyticalChecks.postings(queries, round: period.round, scan, p: p)
        }
        if !refused.result.findings.isEmpty { checks.append(refused.result) }
        progress(lang.t("vouching sample", "抽凭样本"))
        let sample = try VouchingSample.items(ids: period.populationIDs, p: p, queries: queries)
        return AuditRun(
            parameters: p, ranBy: ranBy, ranAtUTC: ranAtUTC, checks: checks, sample: sample.items,
            samplePopulation: sample.population)
    }
}

/// The period's documents and receipts, streamed once and kept only as the checks need them: the voided ones and
/// the round-number invoices whole (they are findings), the ids of the posted ones (the vouching population) and
/// the date of each document (not drafts) and receipt (the posting-date checks).
struct PeriodDocuments {
    var voided: [AuditDocument] = []
    var round: [AuditDocument] = []
    /// The vouching population: the posted documents' ids, by id.
    var populationIDs: [Int64] = []
    /// `AuditLogScan.Created.key` → days since the epoch.
    var dated: [Int64: Int32] = [:]

    static func read(_ q: any AuditCheckQueries, p: AuditParameters) throws -> PeriodDocuments {
        var period = PeriodDocuments()
        try q.forEachAuditDocument(.dated(from: p.from, to: p.to)) { doc in
            if doc.status != .draft {
                period.dated[AuditLogScan.Created(isReceipt: false, id: doc.id).key] = Int32(doc.date.daysSinceEpoch)
            }
            if doc.status == .void { period.voided.append(doc) }
            guard doc.status == .posted else { return }
            period.populationIDs.append(doc.id)
            if doc.kind == .invoice, AnalyticalChecks.isRound(doc, p: p) { period.round.append(doc) }
        }
        try q.forEachAuditReceipt(.dated(from: p.from, to: p.to)) { item in
            period.dated[AuditLogScan.Created(isReceipt: true, id: item.receipt.id).key] =
                Int32(item.receipt.date.daysSinceEpoch)
        }
        return period
    }
}

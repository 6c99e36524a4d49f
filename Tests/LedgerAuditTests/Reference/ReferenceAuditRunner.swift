import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Runs every check of the periodic audit over the store's read protocols. The CLI (`audit check`) and the
    /// audit screen both call this, so they show the same findings.
    enum AuditRunner {
        /// - Parameters:
        ///   - chainProblem: the store's audit-chain verification (`verifyAuditChain`): nil when intact, else where it
        ///     breaks. Passed in so the audit uses the one verify entry point of the store.
        ///   - progress: called with the name of each check before it runs.
        /// - Throws: `LedgerError.storage` when the store cannot be read.
        static func run(
            queries: any LedgerQueries & AuditQueries & AuditCheckQueries, parameters p: AuditParameters,
            ranBy: String,
            ranAtUTC: String, chainProblem: () throws -> String?,
            progress: (String) -> Void = { _ in }
        ) throws -> AuditRun {
            let lang = p.language
            progress(lang.t("loading the ledger", "读取账簿"))
            let data = try AuditData.load(from: queries, to: p.to)
            var checks: [AuditCheckResult] = []
            progress(lang.t("internal consistency", "内部一致性"))
            checks.append(ConsistencyChecks.documentTotals(data, lang))
            checks.append(ConsistencyChecks.allocations(data, lang))
            // s32-fixa: the over-credited lines check came after the reference; the one implementation, as above.
            checks.append(try LedgerAudit.ConsistencyChecks.credits(queries, lang))
            checks.append(ConsistencyChecks.tieOut(data, to: p.to, lang))
            checks.append(ConsistencyChecks.chain(problem: try chainProblem(), entries: data.log.count, lang))
            checks.append(MaintainedBalanceCheck.run(differences: try queries.recomputeMaintainedBalances(), lang))
            progress(lang.t("numbering", "编号"))
            checks += NumberingChecks.gapsAndDuplicates(data, lang)
            checks.append(NumberingChecks.voids(data, from: p.from, to: p.to, lang))
            progress(lang.t("possible duplicates", "疑似重复"))
            checks.append(DuplicateChecks.invoices(data, from: p.from, to: p.to, lang))
            checks.append(DuplicateChecks.receipts(data, from: p.from, to: p.to, lang))
            progress(lang.t("dates and cut-off", "日期与截止"))
            checks += DateChecks.postingDates(data, p: p)
            checks += DateChecks.cutoff(data, p: p)
            progress(lang.t("credit balances and controls", "贷方余额与控制"))
            checks.append(ControlChecks.creditBalances(data, p: p))
            checks += ControlChecks.controls(data, p: p)
            progress(lang.t("analytical review", "分析性复核"))
            checks.append(AnalyticalChecks.trend(data, p: p))
            checks.append(AnalyticalChecks.growth(data, p: p))
            checks += AnalyticalChecks.postings(data, p: p)
            progress(lang.t("vouching sample", "抽凭样本"))
            let sample = try VouchingSample.items(data, p: p, queries: queries)
            return AuditRun(
                parameters: p, ranBy: ranBy, ranAtUTC: ranAtUTC, checks: checks, sample: sample.items,
                samplePopulation: sample.population)
        }
    }
}

import LedgerCore

/// The figures of one import run (`DataImport.run`), as `salesledger import …` and the set-up screen's import report
/// them: one computation for both (s34-fix: the screen said nothing of unchanged or rejected rows).
public struct ImportCounts: Sendable, Equatable {
    /// Rows read and checked (staged and rejected by the file's checks; rows left out on purpose not included).
    public var checked: Int
    /// Records created (customers, products) by the run — or that a dry run would create.
    public var created: Int
    /// Records changed (`--update`).
    public var updated: Int
    /// Rows of records already as the file gives them: nothing written for them.
    public var unchanged: Int
    /// Rows rejected, by the file's checks and the ledger's.
    public var rejected: Int
    /// Rows left out on purpose (refunds, closed trades, a repeated 交易单号, void documents).
    public var leftOut: Int

    public init(checked: Int, created: Int, updated: Int, unchanged: Int, rejected: Int, leftOut: Int) {
        self.checked = checked
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.rejected = rejected
        self.leftOut = leftOut
    }

    /// The counts of `result`, a run of `plan`.
    public init(_ plan: DataImport, _ result: DataImport.RunResult) {
        self.init(checked: plan.staging.count + plan.rejected.count, created: result.outcome.created,
                  updated: result.outcome.updated, unchanged: result.outcome.unchanged,
                  rejected: result.rejected.count, leftOut: plan.skippedCount)
    }
}

import LedgerCore

/// Checks stopped by a stored value the ledger's reads refuse (s31-conc, issue 9): a planted allocation that
/// over-applies a receipt makes its unapplied amount negative, and the reads that list unapplied credits say so with
/// `LedgerError.storage("table receipt, row 250, column amount: over-allocated, unapplied -700000")` — reads are
/// truthful and ordinary reports keep refusing. The audit instead goes on: the stopped check becomes a finding of
/// `consistency.readable` (subject: the check's id; message: the refusal, naming table, row and column), and the
/// other checks run — `consistency.allocations` names the over-allocated invoice or source and the amounts.
/// Any other error (a damaged file, a lock held too long, a full disk) still stops the run.
struct RefusedReads {
    let lang: AuditLanguage
    private(set) var result: AuditCheckResult

    init(_ lang: AuditLanguage) {
        self.lang = lang
        result = AuditCheckResult(
            id: "consistency.readable",
            title: lang.t("Every check could read the values it needs", "各项检查均能读取所需数据"), severity: .error)
    }

    /// Runs check `id` (`body`); a refused stored value gives no result of its own and a finding here.
    mutating func run(_ id: String, _ body: () throws -> [AuditCheckResult]) throws -> [AuditCheckResult] {
        do {
            return try body()
        } catch let LedgerError.storage(message) where Self.isRefusedValue(message) {
            result.add(severity: .error, subject: id,
                       message: lang.t("check \(id) could not be completed: \(message)",
                                       "检查 \(id) 未能完成：\(message)"))
            return []
        }
    }

    /// Whether a storage error is a read's refusal of one stored value (`table T, row N, column C: …`).
    static func isRefusedValue(_ message: String) -> Bool {
        message.hasPrefix("table ") && message.contains(", row ") && message.contains(", column ")
    }
}

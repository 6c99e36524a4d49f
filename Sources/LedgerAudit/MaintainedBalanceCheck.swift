import LedgerCore

/// The maintained-balances check (issue 10): every maintained open amount and customer balance equals the one
/// recomputed from documents and allocations (`AuditQueries.recomputeMaintainedBalances`). A difference means
/// the store's triggers were bypassed or the file was damaged; aging, balances and credit control would read it.
enum MaintainedBalanceCheck {
    static let id = "consistency.maintained-balances"

    static func run(differences: [MaintainedBalanceDifference], _ lang: AuditLanguage) -> AuditCheckResult {
        var result = AuditCheckResult(
            id: id,
            title: lang.t("Maintained balances equal their recomputation from the documents",
                          "维护的应收余额与按单据重算的一致"),
            severity: .error)
        for d in differences {
            // A customer balance's subject is `CODE CUR`: the finding names the customer, not a document.
            let isBalance = MaintainedBalanceDifference.balanceFields.contains(d.field)
            let isMonth = MaintainedBalanceDifference.dueMonthFields.contains(d.field)
                || d.field.hasPrefix(MaintainedBalanceDifference.customerMonthPrefix)
            let isLedgerWide = MaintainedBalanceDifference.ledgerWidePrefixes.contains { d.field.hasPrefix($0) }
            let customer = isBalance ? String(d.subject[..<(d.subject.lastIndex(of: " ") ?? d.subject.endIndex)])
                : isMonth ? d.subject.split(separator: " ", omittingEmptySubsequences: false).dropLast(2)
                    .joined(separator: " ") : ""
            result.findings.append(
                AuditFinding(
                    check: id, severity: .error, subject: "\(d.subject) \(d.field)",
                    documents: isBalance || isMonth || isLedgerWide ? [] : [d.subject], customer: customer,
                    message: lang.t("\(d.subject): \(d.field) stored \(d.stored), recomputed \(d.recomputed)",
                                    "\(d.subject)：\(d.field) 维护值 \(d.stored)，重算值 \(d.recomputed)")))
        }
        if differences.isEmpty {
            result.notes.append(lang.t("every maintained open amount and customer balance agrees",
                                       "所有维护的未核销金额与客户应收余额均一致"))
        }
        return result
    }
}

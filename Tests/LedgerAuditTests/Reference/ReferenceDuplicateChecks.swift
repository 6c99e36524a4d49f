import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Possible duplicates (疑似重复), shown for review and never merged: invoices of one customer with the same
    /// amount and date, receipts with the same reference. Invoices that each carry their own distinct reference
    /// (external reference or note, e.g. two delivery notes) are genuine identical sales and are not listed.
    enum DuplicateChecks {
        static func invoices(_ data: AuditData, from: CivilDate, to: CivilDate, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "duplicates.invoices",
                title: lang.t(
                    "Invoices with the same customer, amount and date", "同一客户、金额、日期的销售单"),
                    severity: .review)
            var groups: [String: [AuditDocument]] = [:]
            for doc in data.postedDocuments where doc.kind == .invoice && doc.date >= from && doc.date <= to {
                groups["\(doc.customerID)|\(doc.currency.code)|\(doc.total)|\(doc.date)", default: []].append(doc)
            }
            for (_, group) in groups.sorted(by: { $0.value[0].id < $1.value[0].id }) where group.count > 1 {
                if isGenuine(group) { continue }
                let numbers = group.map(\.displayNumber)
                result.add(
                    severity: .review, subject: numbers.joined(separator: "+"), documents: numbers,
                    customer: group[0].customerCode, amount: AuditData.amount(group[0].total, group[0].currency),
                    message: lang.t(
                        "\(group.count) invoices on \(group[0].date) for the same amount: possible duplicate, review "
                            + "(never merged)",
                        "\(group[0].date) 同金额销售单 \(group.count) 张：疑似重复，请复核（不会合并）"))
            }
            return result
        }

        /// Every document carries a reference of its own: separate sales.
        static func isGenuine(_ group: [AuditDocument]) -> Bool {
            for field in [\AuditDocument.externalReference, \AuditDocument.note] {
                let refs = group.map { $0[keyPath: field].auditTrimmed }
                if !refs.contains(where: { $0.isEmpty }) && Set(refs).count == refs.count { return true }
            }
            return false
        }

        static func receipts(_ data: AuditData, from: CivilDate, to: CivilDate, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "duplicates.receipts",
                title: lang.t(
                    "Receipts with the same reference",
                    "相同参考号的收款单"), severity: .review)
            var groups: [String: [Receipt]] = [:]
            for r in data.snapshot.receipts where !r.reference.auditTrimmed.isEmpty {
                groups[r.reference.auditTrimmed, default: []].append(r)
            }
            for (reference, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > 1 {
                guard group.contains(where: { $0.date >= from && $0.date <= to }) else { continue }
                let numbers = group.map(\.displayNumber)
                result.add(
                    severity: .review, subject: reference, documents: numbers,
                    customer: Set(group.map { data.customerCode($0.customerID) }).sorted().joined(separator: " "),
                    amount: group[0].amount.plainString + " " + group[0].amount.currency.code,
                    message: lang.t(
                        "\(group.count) receipts carry the reference \(reference): possible double entry, review",
                        "\(group.count) 张收款单参考号均为 \(reference)：疑似重复录入，请复核"))
            }
            return result
        }
    }
}

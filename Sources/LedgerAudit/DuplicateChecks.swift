import Foundation
import LedgerCore

/// Possible duplicates (疑似重复), shown for review and never merged: invoices of one customer with the same
/// amount and date, receipts with the same reference. Invoices that each carry their own distinct reference
/// (external reference or note, e.g. two delivery notes) are genuine identical sales and are not listed.
/// Reads (issue 10): only the invoices and receipts that have a twin, found in SQL.
enum DuplicateChecks {
    static func invoices(_ q: any AuditCheckQueries, from: CivilDate, to: CivilDate, _ lang: AuditLanguage) throws
        -> AuditCheckResult
    {
        var result = AuditCheckResult(
            id: "duplicates.invoices",
            title: lang.t(
                "Invoices with the same customer, amount and date", "同一客户、金额、日期的销售单"),
                severity: .review)
        var groups: [String: [AuditDocument]] = [:]
        try q.forEachAuditDocument(.duplicateInvoices(from: from, to: to)) { doc in
            groups["\(doc.customerID)|\(doc.currency.code)|\(doc.total)|\(doc.date)", default: []].append(doc)
        }
        for (_, group) in groups.sorted(by: { $0.value[0].id < $1.value[0].id }) where group.count > 1 {
            if isGenuine(group) { continue }
            let numbers = group.map(\.displayNumber)
            result.add(
                severity: .review, subject: numbers.joined(separator: "+"), documents: numbers,
                customer: group[0].customerCode, amount: AuditFormat.amount(group[0].total, group[0].currency),
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

    static func receipts(_ q: any AuditCheckQueries, from: CivilDate, to: CivilDate, _ lang: AuditLanguage) throws
        -> AuditCheckResult
    {
        var result = AuditCheckResult(
            id: "duplicates.receipts",
            title: lang.t(
                "Receipts with the same reference",
                "相同参考号的收款单"), severity: .review)
        var groups: [String: [AuditReceipt]] = [:]
        try q.forEachAuditReceipt(.sharedReferences(from: from, to: to)) { r in
            let reference = r.receipt.reference.auditTrimmed
            if !reference.isEmpty { groups[reference, default: []].append(r) }
        }
        for (reference, group) in groups.sorted(by: { $0.key < $1.key }) where group.count > 1 {
            guard group.contains(where: { $0.receipt.date >= from && $0.receipt.date <= to }) else { continue }
            let numbers = group.map(\.receipt.displayNumber)
            let amount = group[0].receipt.amount
            result.add(
                severity: .review, subject: reference, documents: numbers,
                customer: Set(group.map(\.customerCode)).sorted().joined(separator: " "),
                amount: amount.plainString + " " + amount.currency.code,
                message: lang.t(
                    "\(group.count) receipts carry the reference \(reference): possible double entry, review",
                    "\(group.count) 张收款单参考号均为 \(reference)：疑似重复录入，请复核"))
        }
        return result
    }
}

import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Dates (日期): backdated and future-dated postings (from the audit log's posting time), the cut-off window around
    /// the period end and credit notes after the period end for sales before it (cn-finance §6.6).
    enum DateChecks {
        struct Posted {
            var number: String
            var date: CivilDate
            var customer: String
            var amount: String
            var entry: AuditLogEntry?
        }

        static func postedItems(_ data: AuditData) -> [Posted] {
            data.documents.filter { $0.status != .draft }.map {
                Posted(
                    number: $0.displayNumber, date: $0.date, customer: $0.customerCode,
                    amount: AuditData.amount($0.total, $0.currency), entry: data.documentPosting[$0.id])
            }
                + data.snapshot.receipts.map {
                    Posted(
                        number: $0.displayNumber, date: $0.date, customer: data.customerCode($0.customerID),
                        amount: AuditData.amount($0.amount.minorUnits, $0.amount.currency),
                        entry: data.receiptPosting[$0.id])
                }
        }

        static func postingDates(_ data: AuditData, p: AuditParameters) -> [AuditCheckResult] {
            let lang = p.language
            var checks = [AuditCheckResult(
                id: "dates.backdated",
                title: lang.t(
                    "Backdated: posted more than \(p.backdatedDays) days after the document date",
                    "倒签：入账日晚于单据日期超过 \(p.backdatedDays) 天"), severity: .warning),
                    AuditCheckResult(
                id: "dates.future",
                title: lang.t(
                    "Future-dated: dated after the day they were posted",
                    "预填日期：单据日期晚于入账日"), severity: .warning)]
            var loaded = 0
            for item in postedItems(data) {
                guard let entry = item.entry, let posted = entry.date else { continue }
                let inPeriod = (item.date >= p.from && item.date <= p.to) || (posted >= p.from && posted <= p.to)
                guard inPeriod else { continue }
                let lag = item.date.days(to: posted)
                let backdated = lag > p.backdatedDays
                guard backdated || lag < 0 else { continue }
                if backdated && data.isLoad(entry) {
                    loaded += 1
                    continue
                }
                let message = backdated
                    ? lang.t("dated \(item.date), posted \(posted) by \(entry.actor) (\(lag) days later)",
                             "单据日期 \(item.date)，\(entry.actor) 于 \(posted) 入账（晚 \(lag) 天）")
                    : lang.t("dated \(item.date), posted \(posted) by \(entry.actor) (\(-lag) days before its date)",
                             "单据日期 \(item.date)，\(entry.actor) 于 \(posted) 提前 \(-lag) 天入账")
                checks[backdated ? 0 : 1].add(severity: .warning, subject: item.number, documents: [item.number],
                                              customer: item.customer, amount: item.amount, message: message)
            }
            if loaded > 0 {
                checks[0].notes.append(
                    lang.t(
                        "\(loaded) documents of bulk loads (samples, historical imports) left out",
                        "批量导入（样例、历史数据）的 \(loaded) 张单据未计入"))
            }
            return checks
        }

        static func cutoff(_ data: AuditData, p: AuditParameters) -> [AuditCheckResult] {
            let lang = p.language
            let start = p.to.adding(days: -p.cutoffDays + 1)
            let end = p.to.adding(days: p.cutoffDays)
            var window = AuditCheckResult(
                id: "dates.cutoff-window",
                title: lang.t(
                    "Cut-off: documents within \(p.cutoffDays) days of the period end (\(start)…\(end))",
                    "截止测试：期末前后 \(p.cutoffDays) 天内的单据（\(start)…\(end)）"), severity: .info)
            var late = AuditCheckResult(
                id: "dates.cutoff-credit-notes",
                title: lang.t(
                    "Credit notes after the period end for sales before it",
                    "期末后开具、冲减期内销售的红字冲销"), severity: .warning)
            let byID = Dictionary(data.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for doc in data.postedDocuments {
                if doc.date >= start && doc.date <= end {
                    let side = doc.date <= p.to ? lang.t("before", "期末前") : lang.t("after", "期末后")
                    window.add(
                        severity: .info, subject: doc.displayNumber, documents: [doc.displayNumber],
                        customer: doc.customerCode, amount: AuditData.amount(doc.total, doc.currency),
                        message: lang.t(
                            "\(doc.kind == .invoice ? "invoice" : "credit note") dated \(doc.date), \(side) the period "
                                + "end",
                            "\(doc.kind == .invoice ? "销售单" : "红字冲销") \(doc.date)，\(side)"))
                }
                if doc.kind == .creditNote, doc.date > p.to, let target = doc.appliesToID.flatMap({ byID[$0] }),
                    target.date <= p.to
                {
                    late.add(
                        severity: .warning, subject: doc.displayNumber,
                        documents: [doc.displayNumber, target.displayNumber], customer: doc.customerCode,
                        amount: AuditData.amount(doc.total, doc.currency),
                        message: lang.t(
                            "credit note dated \(doc.date) reduces \(target.displayNumber) of \(target.date), before "
                                + "the period end \(p.to)",
                            "红字冲销 \(doc.date) 冲减期末 \(p.to) 前的销售单 "
                            + "\(target.displayNumber)（\(target.date)）"))
                }
            }
            return [window, late]
        }
    }
}

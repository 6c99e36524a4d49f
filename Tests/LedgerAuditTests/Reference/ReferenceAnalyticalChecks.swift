import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Analytical review (分析性复核, cn-finance §6.2): DSO and receivables turnover against the prior period and the
    /// same period last year, customers whose balance grew by more than X %, round-number and weekend postings.
    /// Everything here is an observation (`info`): it points the auditor somewhere, it does not say something is wrong.
    enum AnalyticalChecks {
        static func trend(_ data: AuditData, p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "analytical.dso",
                title: lang.t(
                    "90-day DSO and receivables turnover against the prior 90 days and the same 90 days last year",
                    "90天应收账款周转天数及周转率：与上期、去年同期比较"), severity: .info)
            // s34-fix3: the DSO windows of `report dso` (90 days), not the audit period (one window everywhere).
            let periods = LedgerAudit.AnalyticalChecks.dsoWindows(p)
            let window = periods[0]
            var current: [String: Int64] = [:]
            for (index, (label, from, to)) in periods.enumerated() {
                let opening = Dictionary(
                    ReceivablesFigures.dso(from: from, to: from.adding(days: -1), snapshot: data.snapshot)
                        .map { ($0.currency.code, $0.receivablesAtEnd) }, uniquingKeysWith: { a, _ in a })
                for figure in ReceivablesFigures.dso(from: from, to: to, snapshot: data.snapshot) {
                    let turnover = turnoverTenths(
                        sales: figure.creditSales, opening: opening[figure.currency.code] ?? 0,
                        closing: figure.receivablesAtEnd)
                    let turnoverText = turnover.map { Money.format($0, digits: 1, grouping: false) } ?? "n/a"
                    result.notes.append(
                        lang.t(
                            "\(label) \(from)…\(to) \(figure.currency.code): DSO \(figure.text) days, turnover "
                                + "\(turnoverText)",
                            "\(label) \(from)…\(to) \(figure.currency.code)：周转天数 \(figure.text)，周转率 "
                            + "\(turnoverText)"))
                    guard let tenths = figure.tenths else { continue }
                    if index == 0 {
                        current[figure.currency.code] = tenths
                        continue
                    }
                    guard let now = current[figure.currency.code], tenths > 0, (now - tenths) * 100 > tenths * 20 else {
                        continue
                    }
                    result.add(
                        severity: .info, subject: "\(figure.currency.code):\(index)",
                        message: lang.t(
                            "DSO rose from \(figure.text) (\(label)) to "
                                + "\(Money.format(now, digits: 1, grouping: false)) days "
                                + "(this period \(window.1)…\(window.2)), more than 20 %",
                            "周转天数由\(label) \(figure.text) 升至 "
                            + "\(Money.format(now, digits: 1, grouping: false)) 天（本期 \(window.1)…\(window.2)），增幅超过 "
                                + "20%"
                        ))
                }
            }
            return result
        }

        /// Credit sales ÷ average of opening and closing receivables, in tenths (half up); nil without receivables.
        static func turnoverTenths(sales: Int64, opening: Int64, closing: Int64) -> Int64? {
            let average2 = Int128(opening) + Int128(closing)
            guard average2 > 0 else { return nil }
            return Int64(clamping: RoundingRule.halfUp.divide(Int128(sales) * 20, by: average2))
        }

        static func growth(_ data: AuditData, p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "analytical.balance-growth",
                title: lang.t(
                    "Customers whose balance grew by more than \(p.growthPercent) %",
                    "余额增长超过 \(p.growthPercent)% 的客户"),
                severity: .info)
            let start = p.from.adding(days: -1)
            for (customer, currency, end) in ControlChecks.balances(data, asOf: p.to) {
                let before = data.customerBalance(customer.id, currency, asOf: start)
                guard before > 0, (Int128(end) - Int128(before)) * 100 > Int128(before) * Int128(p.growthPercent) else {
                    continue
                }
                let f = { (v: Int64) in Money.format(v, digits: currency.minorDigits, grouping: false) }
                result.add(
                    severity: .info, subject: "\(customer.code) \(currency.code)",
                    customer: customer.code,
                    amount: AuditData.amount(end, currency),
                    message: lang.t(
                        "balance \(f(before)) on \(start) → \(f(end)) on \(p.to)",
                        "余额 \(start) \(f(before)) → \(p.to) \(f(end))"))
            }
            return result
        }

        static func postings(_ data: AuditData, p: AuditParameters) -> [AuditCheckResult] {
            let lang = p.language
            var round = AuditCheckResult(
                id: "analytical.round-numbers",
                title: lang.t(
                    "Round-number invoices (multiples of \(p.roundUnit))",
                    "整数金额销售单（\(p.roundUnit) 的倍数）"), severity: .info)
            var weekend = AuditCheckResult(
                id: "analytical.weekend", title: lang.t("Postings on a Saturday or Sunday", "周末入账"),
                severity: .info)
            for doc in data.postedDocuments where doc.kind == .invoice && doc.date >= p.from && doc.date <= p.to {
                var unit = p.roundUnit
                for _ in 0..<doc.currency.minorDigits { unit = unit.multipliedReportingOverflow(by: 10).partialValue }
                guard unit > 0, doc.total > 0, doc.total % unit == 0 else { continue }
                round.add(
                    severity: .info, subject: doc.displayNumber,
                    documents: [doc.displayNumber], customer: doc.customerCode,
                    amount: AuditData.amount(doc.total, doc.currency),
                    message: lang.t("round amount", "整数金额"))
            }
            let byID = Dictionary(data.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let receipts = Dictionary(data.snapshot.receipts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for entry in data.log where ["invoice.post", "credit_note.issue", "receipt.record"].contains(entry.command) {
                guard let day = entry.date, day >= p.from, day <= p.to, day.isoWeekday >= 6, !data.isLoad(entry) else {
                    continue
                }
                let change = AuditData.changes(of: entry).first {
                    $0.before == nil && ($0.entity == "invoice" || $0.entity == "receipt")
                }
                let number = change.flatMap {
                    $0.entity == "invoice" ? byID[$0.id]?.displayNumber : receipts[$0.id]?.displayNumber
                }
                guard let number, !number.isEmpty else { continue }
                weekend.add(
                    severity: .info, subject: number, documents: [number],
                    message: lang.t(
                        "posted by \(entry.actor) on \(day) (\(day.isoWeekday == 6 ? "Saturday" : "Sunday"))",
                        "\(entry.actor) 于 \(day)（\(day.isoWeekday == 6 ? "周六" : "周日")）入账"))
            }
            return [round, weekend]
        }
    }
}

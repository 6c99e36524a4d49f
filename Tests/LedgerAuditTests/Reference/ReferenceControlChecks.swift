import Foundation
@testable import LedgerAudit
import LedgerCore

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Credit balances (贷方余额 → 预收账款, cn-finance §6.7) and controls: credit-hold overrides, voids and
    /// credit notes
    /// per user, write-offs, long disputes, old drafts, customers over their credit limit.
    enum ControlChecks {
        static func creditBalances(_ data: AuditData, p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "balances.credit",
                title: lang.t(
                    "Customers with credit balances (reclassify to 预收账款 advances)",
                    "贷方余额客户（重分类至预收账款）"), severity: .warning)
            for (customer, currency, balance) in balances(data, asOf: p.to) where balance < 0 {
                result.add(
                    severity: .warning, subject: "\(customer.code) \(currency.code)",
                    customer: customer.code,
                    amount: AuditData.amount(-balance, currency),
                    message: lang.t(
                        "\(customer.name) holds a credit of "
                            + "\(Money.format(-balance, digits: currency.minorDigits, grouping: true)) "
                            + "\(currency.code) on \(p.to): reclassify to advances (预收账款)",
                        "\(customer.name) 于 \(p.to) 贷方余额 "
                            + "\(Money.format(-balance, digits: currency.minorDigits, grouping: true)) "
                            + "\(currency.code)：重分类至预收账款"
                    ))
            }
            return result
        }

        /// (customer, currency, balance ≠ 0) as of a date.
        static func balances(_ data: AuditData, asOf: CivilDate) -> [(Customer, Currency, Int64)] {
            let currencies = Set(data.snapshot.documents.map(\.currency)).union(
                data.snapshot.receipts.map(\.amount.currency)
            )
            .sorted { $0.code < $1.code }
            var rows: [(Customer, Currency, Int64)] = []
            for customer in data.snapshot.customers.sorted(by: { $0.code < $1.code }) {
                for currency in currencies {
                    let b = data.customerBalance(customer.id, currency, asOf: asOf)
                    if b != 0 { rows.append((customer, currency, b)) }
                }
            }
            return rows
        }

        static func controls(_ data: AuditData, p: AuditParameters) -> [AuditCheckResult] {
            let lang = p.language
            var overrides = AuditCheckResult(
                id: "control.credit-overrides",
                title: lang.t(
                    "Manager overrides of credit holds", "经理越权放行信用冻结"), severity: .warning)
            var perUser = AuditCheckResult(
                id: "control.voids-credits-per-user",
                title: lang.t(
                    "Voids and credit notes per user", "各用户作废及红字冲销"), severity: .info)
            let byID = Dictionary(data.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            var counts: [String: (posted: Int, voids: Int, credits: Int)] = [:]
            for entry in data.log {
                guard let day = entry.date, day >= p.from, day <= p.to, !data.isLoad(entry) else { continue }
                let changes = AuditData.changes(of: entry)
                switch entry.command {
                case "invoice.post":
                    if (AuditData.payloadField(entry, "asDraft") as? Bool) != true {
                        counts[entry.actor, default: (0, 0, 0)].posted += 1
                    }
                    guard changes.contains(where: { $0.entity == "credit_override" }) else { continue }
                    let doc = changes.first { $0.entity == "invoice" }.flatMap { byID[$0.id] }
                    let reason = AuditData.payloadField(entry, "creditOverrideReason") as? String ?? ""
                    overrides.add(
                        severity: .warning, subject: doc?.displayNumber ?? "seq\(entry.seq)",
                        documents: doc.map { [$0.displayNumber] } ?? [], customer: doc?.customerCode ?? "",
                        amount: doc.map { AuditData.amount($0.total, $0.currency) } ?? "",
                        message: lang.t(
                            "\(entry.actor) posted over a credit hold on \(day): \(reason)",
                            "\(entry.actor) 于 \(day) 越过信用冻结过账：\(reason)"))
                case "invoice.void": counts[entry.actor, default: (0, 0, 0)].voids += 1
                case "credit_note.issue": counts[entry.actor, default: (0, 0, 0)].credits += 1
                default: break
                }
            }
            for (user, c) in counts.sorted(by: { $0.key < $1.key }) {
                guard c.voids + c.credits > 0 else {
                    perUser.notes.append(
                        lang.t(
                            "\(user): \(c.posted) invoices, \(c.voids) voids, \(c.credits) credit notes",
                            "\(user)：销售单 \(c.posted) 张，作废 \(c.voids) 张，红字冲销 \(c.credits) 张"))
                    continue
                }
                perUser.add(
                    severity: .info, subject: user,
                    message: lang.t(
                        "\(user): \(c.voids) voids and \(c.credits) credit notes against \(c.posted) invoices posted",
                        "\(user)：作废 \(c.voids) 张、红字冲销 \(c.credits) 张，过账销售单 \(c.posted) 张"))
            }
            return [
                overrides, perUser, writeOffs(data, byID, p), disputes(data, byID, p), drafts(data, p), overLimit(data, p),
            ]
        }

        static func writeOffs(_ data: AuditData, _ byID: [Int64: AuditDocument], _ p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "control.write-offs", title: lang.t("Bad-debt write-offs (坏账核销)", "坏账核销"),
                severity: .review)
            for a in data.snapshot.allocations
            where a.source == .writeOff && a.reversesID == nil && a.date >= p.from && a.date <= p.to {
                guard let doc = byID[a.invoiceID] else { continue }
                result.add(
                    severity: .review, subject: doc.displayNumber, documents: [doc.displayNumber],
                    customer: doc.customerCode, amount: AuditData.amount(a.amount.minorUnits, a.amount.currency),
                    message: lang.t("written off on \(a.date): \(a.note)", "\(a.date) 核销坏账：\(a.note)"))
            }
            return result
        }

        static func disputes(_ data: AuditData, _ byID: [Int64: AuditDocument], _ p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "control.disputes",
                title: lang.t(
                    "Disputes open longer than \(p.disputeDays) days", "争议超过 \(p.disputeDays) 天未解决"),
                    severity: .warning)
            var since: [Int64: CivilDate] = [:]
            for entry in data.log where entry.command == "invoice.dispute" {
                guard let day = entry.date,
                    let id = AuditData.changes(of: entry).first(where: { $0.entity == "invoice" })?.id
                else { continue }
                if (AuditData.payloadField(entry, "isDisputed") as? Bool) == true {
                    since[id] = since[id] ?? day
                } else {
                    since[id] = nil
                }
            }
            for doc in data.postedDocuments where doc.kind == .invoice && doc.isDisputed {
                let start = since[doc.id] ?? doc.date
                let days = start.days(to: p.to)
                guard days > p.disputeDays else { continue }
                result.add(
                    severity: .warning, subject: doc.displayNumber, documents: [doc.displayNumber],
                    customer: doc.customerCode, amount: AuditData.amount(doc.total, doc.currency),
                    message: lang.t(
                        "disputed since \(start) (\(days) days at \(p.to))",
                        "自 \(start) 起争议（截至 \(p.to) 共 \(days) 天）"))
            }
            return result
        }

        static func drafts(_ data: AuditData, _ p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "control.drafts",
                title: lang.t(
                    "Drafts older than \(p.draftDays) days", "超过 \(p.draftDays) 天的草稿"), severity: .warning)
            for doc in data.documents where doc.status == .draft && doc.date.days(to: p.to) > p.draftDays {
                result.add(
                    severity: .warning, subject: "draft#\(doc.id)", customer: doc.customerCode,
                    amount: AuditData.amount(doc.total, doc.currency),
                    message: lang.t(
                        "draft #\(doc.id) dated \(doc.date) was never posted",
                        "草稿 #\(doc.id)（\(doc.date)）未过账"))
            }
            return result
        }

        static func overLimit(_ data: AuditData, _ p: AuditParameters) -> AuditCheckResult {
            let lang = p.language
            var result = AuditCheckResult(
                id: "control.over-limit",
                title: lang.t(
                    "Customers over their credit limit", "超出信用额度的客户"), severity: .warning)
            // Customers whose every posting came from a bulk load (samples, historical imports) passed credit control
            // by the loader's override: each is still over its limit, an observation (info) rather than a
            // warning, so the check never says "pass" while customers are over their limit (s35-fix: they were
            // only counted in a note under "pass").
            var liveCustomers = Set<Int64>()
            for doc in data.documents where doc.kind == .invoice && !data.isLoad(data.documentPosting[doc.id]) {
                liveCustomers.insert(doc.customerID)
            }
            var loaded = 0
            for (customer, currency, balance) in balances(data, asOf: p.to) {
                guard let limit = customer.creditLimit, limit.currency == currency, balance > limit.minorUnits else {
                    continue
                }
                let live = liveCustomers.contains(customer.id)
                if !live { loaded += 1 }
                result.add(
                    severity: live ? .warning : .info, subject: customer.code, customer: customer.code,
                    amount: AuditData.amount(balance, currency),
                    message: lang.t(
                        "balance \(Money.format(balance, digits: currency.minorDigits, grouping: true)) over the limit "
                            + "\(limit.groupedString) \(currency.code) on \(p.to)",
                        "\(p.to) 余额 \(Money.format(balance, digits: currency.minorDigits, grouping: true)) "
                        + "超出额度 "
                            + "\(limit.groupedString) \(currency.code)"
                    ) + (live ? "" : lang.t(" (bulk-loaded history only)", "（仅因批量导入的历史数据）")))
            }
            if loaded > 0 && loaded == result.findings.count { result.severity = .info }
            if loaded > 0 {
                result.notes.append(
                    lang.t(
                        "\(loaded) customers are over their limit from bulk-loaded history only",
                        "\(loaded) 个客户仅因批量导入的历史数据超出额度"))
            }
            return result
        }
    }
}

import Foundation
@testable import LedgerAudit
import LedgerCore
import LedgerInterop

// The periodic audit as it was before s14-audit (the whole ledger in `AuditData`), kept as the reference the
// streaming checks are compared with (AuditChecksComparisonTests). Copied unchanged, nested in `AuditReference`.
extension AuditReference {
    /// Internal consistency (内部一致性): document totals = sum of lines; no allocation exceeds its invoice, receipt
    /// or
    /// credit note; aging total = customer balances = journal-export receivables (cn-finance §6.1); the audit chain.
    enum ConsistencyChecks {
        static func documentTotals(_ data: AuditData, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "consistency.totals",
                title: lang.t(
                    "Document totals equal the sum of their lines",
                    "单据合计等于明细之和"), severity: .error)
            for doc in data.documents where doc.status != .draft {
                let problems = [
                    doc.subtotal != doc.lineNetSum
                        ? lang.t(
                            "net \(fmt(doc.subtotal, doc)) ≠ lines \(fmt(doc.lineNetSum, doc))",
                            "不含税金额 \(fmt(doc.subtotal, doc)) ≠ 明细 \(fmt(doc.lineNetSum, doc))") : nil,
                    doc.taxTotal != doc.lineTaxSum
                        ? lang.t(
                            "tax \(fmt(doc.taxTotal, doc)) ≠ lines \(fmt(doc.lineTaxSum, doc))",
                            "税额 \(fmt(doc.taxTotal, doc)) ≠ 明细 \(fmt(doc.lineTaxSum, doc))") : nil,
                    doc.total != doc.subtotal &+ doc.taxTotal
                        ? lang.t(
                            "total \(fmt(doc.total, doc)) ≠ net + tax",
                            "价税合计 \(fmt(doc.total, doc)) ≠ 金额 + 税额") : nil,
                ].compactMap { $0 }
                guard !problems.isEmpty else { continue }
                result.add(
                    severity: .error, subject: doc.displayNumber,
                    documents: [doc.displayNumber], customer: doc.customerCode,
                    amount: AuditData.amount(doc.total, doc.currency),
                    message: problems.joined(separator: "; "))
            }
            result.notes.append(lang.t("\(data.documents.count) documents checked",
                                       "已检查 \(data.documents.count) 张单据"))
            return result
        }

        static func allocations(_ data: AuditData, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "consistency.allocations",
                title: lang.t(
                    "No allocation exceeds its invoice, receipt or credit note",
                    "核销金额不超过销售单、收款单或红字冲销"), severity: .error)
            var toInvoice: [Int64: Int64] = [:]
            var fromSource: [String: Int64] = [:]
            for a in data.snapshot.allocations {
                toInvoice[a.invoiceID, default: 0] &+= a.amount.minorUnits
                if let id = a.sourceID, a.source != .writeOff {
                    fromSource["\(a.source.rawValue)#\(id)", default: 0] &+= a.amount.minorUnits
                }
            }
            let docs = Dictionary(data.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            /// A posted document (void: nothing) with more allocated to or from it than it holds.
            func overAllocated(_ doc: AuditDocument, _ allocated: Int64, _ en: String, _ zh: String) {
                let limit = doc.status == .posted ? doc.total : 0
                guard allocated > limit || allocated < 0 else { return }
                result.add(
                    severity: .error, subject: doc.displayNumber, documents: [doc.displayNumber],
                    customer: doc.customerCode, amount: AuditData.amount(allocated, doc.currency),
                    message: lang.t(
                        "allocated \(fmt(allocated, doc)) \(en) of \(fmt(limit, doc))",
                        "核销 \(fmt(allocated, doc))，\(zh)仅 \(fmt(limit, doc))"))
            }
            for (id, allocated) in toInvoice.sorted(by: { $0.key < $1.key }) {
                guard let doc = docs[id] else { continue }
                overAllocated(doc, allocated, "to an invoice", "销售单")
            }
            for receipt in data.snapshot.receipts {
                let allocated = fromSource["receipt#\(receipt.id)"] ?? 0
                guard allocated > receipt.amount.minorUnits || allocated < 0 else { continue }
                result.add(
                    severity: .error, subject: receipt.displayNumber,
                    documents: [receipt.displayNumber],
                    customer: data.customerCode(receipt.customerID),
                    amount: AuditData.amount(allocated, receipt.amount.currency),
                    message: lang.t(
                        "allocated \(Self.plain(allocated, receipt.amount.currency)) from a receipt of"
                            + " \(receipt.amount.plainString)",
                        "核销 \(Self.plain(allocated, receipt.amount.currency))，收款单仅 "
                        + "\(receipt.amount.plainString)"))
            }
            for doc in data.documents where doc.kind == .creditNote {
                overAllocated(doc, fromSource["credit_note#\(doc.id)"] ?? 0, "from a credit note", "红字冲销")
            }
            return result
        }

        /// Aging net receivable, the sum of customer balances and the receivable accounts of the journal export,
        /// per currency, as of the period end.
        static func tieOut(_ data: AuditData, to: CivilDate, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "consistency.tie-out",
                title: lang.t(
                    "Aging total = customer balances = journal-export receivables",
                    "账龄合计 = 客户应收余额 = 凭证导出应收"),
                severity: .error)
            var aging: [String: Int64] = [:]
            for report in Aging.reports(items: data.openItems, credits: data.unappliedCredits, asOf: to) {
                aging[report.currency.code] = report.netReceivable
            }
            var balances: [String: Int64] = [:]
            let currencies = Set(data.snapshot.documents.map(\.currency)).union(
                data.snapshot.receipts.map(\.amount.currency))
            for customer in data.snapshot.customers {
                for currency in currencies {
                    let b = data.customerBalance(customer.id, currency, asOf: to)
                    if b != 0 { balances[currency.code, default: 0] &+= b }
                }
            }
            let journal = JournalReceivables.balances(data: data, to: to)
            let codes = Set(aging.keys).union(balances.keys).union(journal.keys).sorted()
            for code in codes {
                let digits = Currency.named(code)?.minorDigits ?? 2
                let (a, b, j) = (aging[code] ?? 0, balances[code] ?? 0, journal[code] ?? 0)
                func f(_ v: Int64) -> String { Money.format(v, digits: digits, grouping: false) }
                let line = lang.t(
                    "\(code) as of \(to): aging \(f(a)), customer balances \(f(b)), journal \(f(j))",
                    "\(code) 截至 \(to)：账龄 \(f(a))，客户余额 \(f(b))，凭证 \(f(j))")
                result.notes.append(line)
                if a != b || a != j {
                    result.add(
                        severity: .error, subject: code,
                        amount: "\(f(a - b)) \(code)", message: line)
                }
            }
            result.notes.append(
                lang.t(
                    "Maintained balances: none are stored (balances are always recomputed), so there is nothing to compare",
                    "本账不保存余额（余额总是重新计算），无需比较"))
            return result
        }

        /// The audit chain, through the store's own verify entry point (`problem` is its answer: nil when intact).
        static func chain(problem: String?, entries: Int, _ lang: AuditLanguage) -> AuditCheckResult {
            var result = AuditCheckResult(
                id: "consistency.chain", title: lang.t("Audit chain intact", "审计链完整"), severity: .error)
            if let problem {
                result.add(
                    severity: .error, subject: "chain",
                    message: lang.t("audit chain broken at \(problem)", "审计链断裂：\(problem)"))
            } else {
                result.notes.append(lang.t("\(entries) audit entries, chain intact",
                                           "\(entries) 条审计记录，链完整"))
            }
            return result
        }

        static func fmt(_ minor: Int64, _ doc: AuditDocument) -> String {
            Money.format(minor, digits: doc.currency.minorDigits, grouping: false)
        }
    }

    /// The receivable balances of the journal export (`export journal`), per currency code: the journal is rendered
    /// with `JournalExport` up to `to` and its `assets:receivable:` postings are summed.
    enum JournalReceivables {
        static func balances(data: AuditData, to: CivilDate) -> [String: Int64] {
            var customers: [Int64: Customer] = [:]
            for c in data.snapshot.customers { customers[c.id] = c }
            var items: [(CivilDate, Int, JournalItem)] = data.documentTotals.map { ($0.date, 0, .document($0)) }
            items += data.snapshot.receipts.filter { $0.date <= to }.map { r in
                (r.date, 1, .payment(JournalPayment(
                    date: r.date, number: r.displayNumber, customerCode: customers[r.customerID]?.code ?? "",
                    customerName: customers[r.customerID]?.name ?? "", method: r.method.rawValue, amount: r.amount)))
            }
            let documentsByID = Dictionary(data.snapshot.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for a in data.snapshot.allocations where a.source == .writeOff && a.date <= to {
                guard let invoice = documentsByID[a.invoiceID], let customer = customers[invoice.customerID] else {
                    continue
                }
                items.append((a.date, 1, .payment(JournalPayment(
                    date: a.date, number: invoice.number, customerCode: customer.code,
                    customerName: customer.name, method: nil, amount: a.amount))))
            }
            // By date, documents first on a day, otherwise in the order above.
            let sorted = items.enumerated().sorted {
                ($0.element.0, $0.element.1, $0.offset) < ($1.element.0, $1.element.1, $1.offset)
            }
            var text = ""
            var writer = JournalExport.Writer { text += $0 }
            for (_, (_, _, item)) in sorted { writer.add(item) }
            writer.finish()
            var sums: [String: Int64] = [:]
            for line in text.split(separator: "\n") where line.hasPrefix("    assets:receivable:") {
                let parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 3, let currency = Currency.named(parts[parts.count - 1]),
                    let money = try? MoneyParser.parse(parts[parts.count - 2], currency: currency)
                else { continue }
                sums[currency.code, default: 0] &+= money.minorUnits
            }
            return sums
        }
    }
}

extension AuditReference.ConsistencyChecks {
    /// Minor units of `currency` as a plain decimal (no grouping), for finding messages.
    static func plain(_ minor: Int64, _ currency: Currency) -> String {
        Money.format(minor, digits: currency.minorDigits, grouping: false)
    }
}

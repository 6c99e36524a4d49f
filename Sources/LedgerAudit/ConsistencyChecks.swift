import LedgerCore
import LedgerInterop

/// Internal consistency (内部一致性): document totals = sum of lines; no allocation exceeds its invoice, receipt
/// or
/// credit note; aging total = customer balances = journal-export receivables (cn-finance §6.1); the audit chain.
enum ConsistencyChecks {
    /// Reads only the documents that disagree with their lines (`AuditDocumentScope.totalsMismatch`) and a count.
    static func documentTotals(_ q: any AuditCheckQueries, _ lang: AuditLanguage) throws -> AuditCheckResult {
        var result = AuditCheckResult(
            id: "consistency.totals",
            title: lang.t(
                "Document totals equal the sum of their lines",
                "单据合计等于明细之和"), severity: .error)
        try q.forEachAuditDocument(.totalsMismatch) { doc in
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
            guard !problems.isEmpty else { return }
            result.add(
                severity: .error, subject: doc.displayNumber,
                documents: [doc.displayNumber], customer: doc.customerCode,
                amount: AuditFormat.amount(doc.total, doc.currency),
                message: problems.joined(separator: "; "))
        }
        let count = try q.auditDocumentCount()
        result.notes.append(lang.t("\(counted(count, "document")) checked", "已检查 \(count) 张单据"))
        return result
    }

    /// Reads only the over-allocated documents and receipts (`overAllocatedDocuments`, `overAllocatedReceipts`).
    static func allocations(_ q: any AuditCheckQueries, _ lang: AuditLanguage) throws -> AuditCheckResult {
        var result = AuditCheckResult(
            id: "consistency.allocations",
            title: lang.t(
                "No allocation exceeds its invoice, receipt or credit note",
                "核销金额不超过销售单、收款单或红字冲销"), severity: .error)
        /// A posted document (void: nothing) with more allocated to or from it than it holds.
        func overAllocated(_ doc: AuditDocument, _ allocated: Int64, _ en: String, _ zh: String) {
            let limit = doc.status == .posted ? doc.total : 0
            guard allocated > limit || allocated < 0 else { return }
            result.add(
                severity: .error, subject: doc.displayNumber, documents: [doc.displayNumber],
                customer: doc.customerCode, amount: AuditFormat.amount(allocated, doc.currency),
                message: lang.t(
                    "allocated \(fmt(allocated, doc)) \(en) of \(fmt(limit, doc))",
                    "核销 \(fmt(allocated, doc))，\(zh)仅 \(fmt(limit, doc))"))
        }
        for (doc, allocated) in try q.overAllocatedDocuments(toInvoice: true) {
            overAllocated(doc, allocated, "to an invoice", "销售单")
        }
        for (item, allocated) in try q.overAllocatedReceipts() {
            let receipt = item.receipt
            guard allocated > receipt.amount.minorUnits || allocated < 0 else { continue }
            result.add(
                severity: .error, subject: receipt.displayNumber,
                documents: [receipt.displayNumber],
                customer: item.customerCode,
                amount: AuditFormat.amount(allocated, receipt.amount.currency),
                message: lang.t(
                    "allocated \(Self.plain(allocated, receipt.amount.currency)) from a receipt of"
                        + " \(receipt.amount.plainString)",
                    "核销 \(Self.plain(allocated, receipt.amount.currency))，收款单仅 "
                    + "\(receipt.amount.plainString)"))
        }
        for (doc, allocated) in try q.overAllocatedDocuments(toInvoice: false) {
            overAllocated(doc, allocated, "from a credit note", "红字冲销")
        }
        return result
    }

    /// Aging net receivable, the sum of customer balances and the receivable accounts of the journal export,
    /// per currency, as of the period end.
    /// Reads the aging cells and unapplied credits as of `to`, the customer balances (`balances`, read once by the
    /// runner) and the journal export streamed (`JournalReceivables`).
    static func tieOut(_ q: any AuditStore, balances rows: [AuditCustomerBalance], to: CivilDate,
                       _ lang: AuditLanguage) throws -> AuditCheckResult {
        var result = AuditCheckResult(
            id: "consistency.tie-out",
            title: lang.t(
                "Aging total = customer balances = journal-export receivables",
                "账龄合计 = 客户应收余额 = 凭证导出应收"),
            severity: .error)
        var aging: [String: Int64] = [:]
        let buckets = AgingBuckets.standard
        let cells = try q.agingCells(asOf: to, thresholds: buckets.thresholds(asOf: to, basis: .dueDate),
                                     basis: .dueDate, grouping: .none)
        for report in Aging.reports(cells: cells, credits: try q.unappliedCredits(asOf: to), asOf: to) {
            aging[report.currency.code] = report.netReceivable
        }
        var balances: [String: Int64] = [:]
        for row in rows { balances[row.currency.code, default: 0] &+= row.balance }
        let journal = try JournalReceivables.balances(q, to: to)
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

/// The receivable balances of the journal export (`export journal`), per currency code: the journal's items up to
/// `to` streamed (`forEachJournalItem`, what the export reads) and the amount the export posts to each
/// `assets:receivable:` account (`JournalExport.receivable`, what its writer writes) summed, without rendering the
/// text (issue 10: at a million documents the text costs minutes; the figures are the same).
enum JournalReceivables {
    static func balances(_ q: any JournalQueries, to: CivilDate) throws -> [String: Int64] {
        var sums: [String: Int64] = [:]
        try q.forEachJournalItem(from: nil, to: to, progress: nil) { item in
            let currency: Currency
            switch item {
            case .document(let d): currency = d.currency
            case .payment(let p): currency = p.amount.currency
            }
            sums[currency.code, default: 0] &+= JournalExport.receivable(item)
        }
        return sums
    }
}

extension ConsistencyChecks {
    /// Minor units of `currency` as a plain decimal (no grouping), for finding messages.
    static func plain(_ minor: Int64, _ currency: Currency) -> String {
        Money.format(minor, digits: currency.minorDigits, grouping: false)
    }
}

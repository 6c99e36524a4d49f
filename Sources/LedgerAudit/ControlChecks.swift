import LedgerCore

/// Credit balances (贷方余额 → 预收账款, cn-finance §6.7) and controls: credit-hold overrides, voids and
/// credit notes
/// per user, write-offs, long disputes, old drafts, customers over their credit limit.
///
/// Reads (issue 10): the customer balances as of the period end (`auditCustomerBalances`, once, by the runner),
/// the period's entries and the dispute history the runner's log pass kept (`AuditLogScan`), and only the
/// documents those name; write-offs of the period, old drafts and disputed invoices in SQL.
enum ControlChecks {
    static func creditBalances(_ balances: [AuditCustomerBalance], p: AuditParameters) -> AuditCheckResult {
        let lang = p.language
        var result = AuditCheckResult(
            id: "balances.credit",
            title: lang.t(
                "Customers with credit balances (reclassify to 预收账款 advances)",
                "贷方余额客户（重分类至预收账款）"), severity: .warning)
        for row in balances where row.balance < 0 {
            let (customer, currency, balance) = (row.customer, row.currency, row.balance)
            result.add(
                severity: .warning, subject: "\(customer.code) \(currency.code)",
                customer: customer.code,
                amount: AuditFormat.amount(-balance, currency),
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

    /// `liveCustomers`: the customers over their limit with an invoice that no bulk load created.
    static func controls(_ q: any AuditCheckQueries, _ scan: AuditLogScan, balances: [AuditCustomerBalance],
                         disputed: [AuditDocument], liveCustomers: Set<Int64>, p: AuditParameters) throws
        -> [AuditCheckResult]
    {
        let lang = p.language
        var overrides = AuditCheckResult(
            id: "control.credit-overrides",
            title: lang.t(
                "Manager overrides of credit holds", "经理越权放行信用冻结"), severity: .warning)
        var perUser = AuditCheckResult(
            id: "control.voids-credits-per-user",
            title: lang.t(
                "Voids and credit notes per user", "各用户作废及红字冲销"), severity: .info)
        var byID: [Int64: AuditDocument] = [:]
        try q.forEachAuditDocument(.ids(scan.overrides.compactMap(\.documentID))) { byID[$0.id] = $0 }
        for o in scan.overrides {
            let doc = o.documentID.flatMap { byID[$0] }
            overrides.add(
                severity: .warning, subject: doc?.displayNumber ?? "seq\(o.seq)",
                documents: doc.map { [$0.displayNumber] } ?? [], customer: doc?.customerCode ?? "",
                amount: doc.map { AuditFormat.amount($0.total, $0.currency) } ?? "",
                message: lang.t(
                    "\(o.actor) posted over a credit hold on \(o.day): \(o.reason)",
                    "\(o.actor) 于 \(o.day) 越过信用冻结过账：\(o.reason)"))
        }
        let counts = scan.counts
        // One line per user: a note, or the observation when the user voided or credited (never both: tryout s33).
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
            overrides, perUser, try writeOffs(q, p), disputes(scan, disputed, p), try drafts(q, p),
            overLimit(liveCustomers, balances: balances, p),
        ]
    }

    static func writeOffs(_ q: any AuditCheckQueries, _ p: AuditParameters) throws -> AuditCheckResult {
        let lang = p.language
        var result = AuditCheckResult(
            id: "control.write-offs", title: lang.t("Bad-debt write-offs (坏账核销)", "坏账核销"),
            severity: .review)
        let writeOffs = try q.auditWriteOffs(from: p.from, to: p.to)
        var byID: [Int64: AuditDocument] = [:]
        try q.forEachAuditDocument(.ids(writeOffs.map(\.invoiceID))) { byID[$0.id] = $0 }
        for a in writeOffs {
            guard let doc = byID[a.invoiceID] else { continue }
            result.add(
                severity: .review, subject: doc.displayNumber, documents: [doc.displayNumber],
                customer: doc.customerCode, amount: AuditFormat.amount(a.amount.minorUnits, a.amount.currency),
                message: lang.t("written off on \(a.date): \(a.note)", "\(a.date) 核销坏账：\(a.note)"))
        }
        return result
    }

    /// `disputed`: the posted invoices disputed now, by id.
    static func disputes(_ scan: AuditLogScan, _ disputed: [AuditDocument], _ p: AuditParameters) -> AuditCheckResult {
        let lang = p.language
        var result = AuditCheckResult(
            id: "control.disputes",
            title: lang.t(
                "Disputes open longer than \(p.disputeDays) days", "争议超过 \(p.disputeDays) 天未解决"),
                severity: .warning)
        for doc in disputed {
            let start = scan.disputedSince[doc.id] ?? doc.date
            let days = start.days(to: p.to)
            guard days > p.disputeDays else { continue }
            result.add(
                severity: .warning, subject: doc.displayNumber, documents: [doc.displayNumber],
                customer: doc.customerCode, amount: AuditFormat.amount(doc.total, doc.currency),
                message: lang.t(
                    "disputed since \(start) (\(days) days at \(p.to))",
                    "自 \(start) 起争议（截至 \(p.to) 共 \(days) 天）"))
        }
        return result
    }

    static func drafts(_ q: any AuditCheckQueries, _ p: AuditParameters) throws -> AuditCheckResult {
        let lang = p.language
        var result = AuditCheckResult(
            id: "control.drafts",
            title: lang.t(
                "Drafts older than \(p.draftDays) days", "超过 \(p.draftDays) 天的草稿"), severity: .warning)
        // Older than `draftDays` at the period end: dated before `to − draftDays`.
        try q.forEachAuditDocument(.draftsBefore(p.to.adding(days: -p.draftDays))) { doc in
            result.add(
                severity: .warning, subject: "draft#\(doc.id)", customer: doc.customerCode,
                amount: AuditFormat.amount(doc.total, doc.currency),
                message: lang.t(
                    "draft #\(doc.id) dated \(doc.date) was never posted",
                    "草稿 #\(doc.id)（\(doc.date)）未过账"))
        }
        return result
    }

    /// Customers over their limit from the balances as of `to`; the log pass (`liveCustomers`) says which of them
    /// have an invoice that no bulk load created.
    static func overLimit(_ liveCustomers: Set<Int64>, balances: [AuditCustomerBalance], _ p: AuditParameters)
        -> AuditCheckResult
    {
        let lang = p.language
        var result = AuditCheckResult(
            id: "control.over-limit",
            title: lang.t(
                "Customers over their credit limit", "超出信用额度的客户"), severity: .warning)
        // Customers whose every posting came from a bulk load (samples, historical imports) passed credit control
        // by the loader's override: each is still over its limit, an observation (info) rather than a warning, so
        // the check never says "pass" while customers are over their limit (s35-fix: they were only counted in a
        // note under "pass").
        var loaded = 0
        for row in balances {
            let (customer, currency, balance) = (row.customer, row.currency, row.balance)
            guard let limit = customer.creditLimit, limit.currency == currency, balance > limit.minorUnits else {
                continue
            }
            let live = liveCustomers.contains(customer.id)
            if !live { loaded += 1 }
            result.add(
                severity: live ? .warning : .info, subject: customer.code, customer: customer.code,
                amount: AuditFormat.amount(balance, currency),
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

extension ControlChecks {
    /// Customers over their credit limit as of the period end (the ones whose invoices' loaders matter).
    static func overLimitCandidates(_ balances: [AuditCustomerBalance]) -> [Int64] {
        balances.compactMap { row in
            guard let limit = row.customer.creditLimit, limit.currency == row.currency,
                row.balance > limit.minorUnits else { return nil }
            return row.customer.id
        }
    }
}

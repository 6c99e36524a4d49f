import LedgerCore

/// Dates (日期): backdated and future-dated postings (from the audit log's posting time), the cut-off window around
/// the period end and credit notes after the period end for sales before it (cn-finance §6.6).
///
/// Reads (issue 10): the creating entries the runner's log pass kept (`AuditLogScan`), then the few documents and
/// receipts they name; the cut-off window's documents and the credit notes dated after the period end.
enum DateChecks {
    struct Posted {
        var number: String
        var date: CivilDate
        var customer: String
        var amount: String
        /// Documents by id, then receipts by date and id (the order of the findings).
        var order: (Int, Int, Int64)
    }

    /// The documents (not drafts) and receipts of `created`, by what they are.
    static func posted(_ q: any AuditCheckQueries, _ created: [AuditLogScan.Created]) throws
        -> [AuditLogScan.Created: Posted]
    {
        var items: [AuditLogScan.Created: Posted] = [:]
        try q.forEachAuditDocument(.ids(created.filter { !$0.isReceipt }.map(\.id))) { doc in
            guard doc.status != .draft else { return }
            items[AuditLogScan.Created(isReceipt: false, id: doc.id)] = Posted(
                number: doc.displayNumber, date: doc.date, customer: doc.customerCode,
                amount: AuditFormat.amount(doc.total, doc.currency), order: (0, 0, doc.id))
        }
        try q.forEachAuditReceipt(.ids(created.filter(\.isReceipt).map(\.id))) { item in
            let r = item.receipt
            items[AuditLogScan.Created(isReceipt: true, id: r.id)] = Posted(
                number: r.displayNumber, date: r.date, customer: item.customerCode,
                amount: AuditFormat.amount(r.amount.minorUnits, r.amount.currency),
                order: (1, r.date.daysSinceEpoch, r.id))
        }
        return items
    }

    static func postingDates(_ q: any AuditCheckQueries, _ scan: AuditLogScan, p: AuditParameters) throws
        -> [AuditCheckResult]
    {
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
        let loaded = scan.loadedBackdated
        // Posted in the period, dated outside it: the log pass compared them with their dates and kept those
        // posted out of time.
        var candidates = scan.outOfTime.map { ($0.created, $0.posting) }
        candidates += scan.createdInPeriod.sorted(by: { $0.value.seq < $1.value.seq }).map { ($0.key, $0.value) }
        var items = try posted(q, Array(scan.createdInPeriod.keys))
        items.merge(try posted(q, scan.outOfTime.map(\.created)), uniquingKeysWith: { a, _ in a })
        let flagged = candidates.compactMap { c in items[c.0].map { ($0, c.1) } }
            .sorted { $0.0.order < $1.0.order }
        for (item, entry) in flagged {
            guard let posted = entry.day else { continue }
            let lag = item.date.days(to: posted)
            let backdated = lag > p.backdatedDays
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

    static func cutoff(_ q: any AuditCheckQueries, p: AuditParameters) throws -> [AuditCheckResult] {
        let lang = p.language
        let start = p.to.adding(days: -p.cutoffDays + 1)
        let end = p.to.adding(days: p.cutoffDays)
        var window = AuditCheckResult(
            id: "dates.cutoff-window",
            title: lang.t(
                "Cut-off: documents within \(p.cutoffDays) days of the period end (\(start)…\(end))",
                "截止测试：期末前后 \(p.cutoffDays) 天内的单据（\(start)…\(end)）"), severity: .info)
        var lateCredits = AuditCheckResult(
            id: "dates.cutoff-credit-notes",
            title: lang.t(
                "Credit notes after the period end for sales before it",
                "期末后开具、冲减期内销售的红字冲销"), severity: .warning)
        try q.forEachAuditDocument(.dated(from: start, to: end)) { doc in
            guard doc.status == .posted else { return }
            if doc.date >= start && doc.date <= end {
                let side = doc.date <= p.to ? lang.t("before", "期末前") : lang.t("after", "期末后")
                window.add(
                    severity: .info, subject: doc.displayNumber, documents: [doc.displayNumber],
                    customer: doc.customerCode, amount: AuditFormat.amount(doc.total, doc.currency),
                    message: lang.t(
                        "\(doc.kind == .invoice ? "invoice" : "credit note") dated \(doc.date), \(side) the period "
                            + "end",
                        "\(doc.kind == .invoice ? "销售单" : "红字冲销") \(doc.date)，\(side)"))
            }
        }
        var late: [AuditDocument] = []
        try q.forEachAuditDocument(.creditNotesAfter(p.to)) { late.append($0) }
        var targets: [Int64: AuditDocument] = [:]
        try q.forEachAuditDocument(.ids(late.compactMap(\.appliesToID))) { targets[$0.id] = $0 }
        for doc in late {
            if let target = doc.appliesToID.flatMap({ targets[$0] }), target.date <= p.to {
                lateCredits.add(
                    severity: .warning, subject: doc.displayNumber,
                    documents: [doc.displayNumber, target.displayNumber], customer: doc.customerCode,
                    amount: AuditFormat.amount(doc.total, doc.currency),
                    message: lang.t(
                        "credit note dated \(doc.date) reduces \(target.displayNumber) of \(target.date), before "
                            + "the period end \(p.to)",
                        "红字冲销 \(doc.date) 冲减期末 \(p.to) 前的销售单 "
                        + "\(target.displayNumber)（\(target.date)）"))
            }
        }
        return [window, lateCredits]
    }
}

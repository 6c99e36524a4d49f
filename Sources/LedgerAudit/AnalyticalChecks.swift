import LedgerCore

/// Analytical review (分析性复核, cn-finance §6.2): DSO and receivables turnover against the prior period and the
/// same period last year, customers whose balance grew by more than X %, round-number and weekend postings.
/// Everything here is an observation (`info`): it points the auditor somewhere, it does not say something is wrong.
///
/// Reads (issue 10): the DSO inputs per period (`dsoTotals`, set-based), the customer balances at two dates, the
/// period's round-number invoices as the runner streams them and its weekend postings from the log pass.
enum AnalyticalChecks {
    static func trend(_ q: any ReceivablesAggregateQueries, p: AuditParameters) throws -> AuditCheckResult {
        let lang = p.language
        var result = AuditCheckResult(
            id: "analytical.dso",
            title: lang.t(
                "90-day DSO and receivables turnover against the prior 90 days and the same 90 days last year",
                "90天应收账款周转天数及周转率：与上期、去年同期比较"), severity: .info)
        let periods = dsoWindows(p)
        let window = periods[0]
        var current: [String: Int64] = [:]
        for (index, (label, from, to)) in periods.enumerated() {
            // The receivables the day before the period (a one-day period ending then: the same open invoices).
            let before = from.adding(days: -1)
            let opening = Dictionary(
                try q.dsoTotals(from: before, to: before).map { ($0.currency.code, $0.receivablesAtEnd) },
                uniquingKeysWith: { a, _ in a })
            for figure in ReceivablesFigures.dso(from: from, to: to, totals: try q.dsoTotals(from: from, to: to)) {
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

    /// The analytical review's three DSO windows, each `ReceivablesFigures.dsoWindow` (the 90 days `report dso`,
    /// the dashboard and F5 use): ending the audit period's end, the 90 days before that, and the 90 days ending a
    /// year before the period's end. Shapes: (label, from, to), this window first.
    static func dsoWindows(_ p: AuditParameters) -> [(String, CivilDate, CivilDate)] {
        let lang = p.language
        let this = ReceivablesFigures.dsoWindow(endingOn: p.to)
        let prior = ReceivablesFigures.dsoWindow(endingOn: this.from.adding(days: -1))
        let lastYear = ReceivablesFigures.dsoWindow(endingOn: p.to.adding(months: -12))
        return [(lang.t("this period", "本期"), this.from, this.to),
                (lang.t("prior period", "上期"), prior.from, prior.to),
                (lang.t("same period last year", "去年同期"), lastYear.from, lastYear.to)]
    }

    /// Credit sales ÷ average of opening and closing receivables, in tenths (half up); nil without receivables.
    static func turnoverTenths(sales: Int64, opening: Int64, closing: Int64) -> Int64? {
        let average2 = Int128(opening) + Int128(closing)
        guard average2 > 0 else { return nil }
        return Int64(clamping: RoundingRule.halfUp.divide(Int128(sales) * 20, by: average2))
    }

    /// `end`: the balances as of the period end; the balances the day before the period are read here.
    static func growth(_ q: any AuditCheckQueries, end balances: [AuditCustomerBalance], p: AuditParameters) throws
        -> AuditCheckResult
    {
        let lang = p.language
        var result = AuditCheckResult(
            id: "analytical.balance-growth",
            title: lang.t(
                "Customers whose balance grew by more than \(p.growthPercent) %",
                "余额增长超过 \(p.growthPercent)% 的客户"),
            severity: .info)
        let start = p.from.adding(days: -1)
        var opening: [String: Int64] = [:]
        for row in try q.auditCustomerBalances(asOf: start) {
            opening["\(row.customer.id)|\(row.currency.code)"] = row.balance
        }
        for row in balances {
            let (customer, currency, end) = (row.customer, row.currency, row.balance)
            let before = opening["\(customer.id)|\(currency.code)"] ?? 0
            guard before > 0, (Int128(end) - Int128(before)) * 100 > Int128(before) * Int128(p.growthPercent) else {
                continue
            }
            let f = { (v: Int64) in Money.format(v, digits: currency.minorDigits, grouping: false) }
            result.add(
                severity: .info, subject: "\(customer.code) \(currency.code)",
                customer: customer.code,
                amount: AuditFormat.amount(end, currency),
                message: lang.t(
                    "balance \(f(before)) on \(start) → \(f(end)) on \(p.to)",
                    "余额 \(start) \(f(before)) → \(p.to) \(f(end))"))
        }
        return result
    }

    /// Whether a posted invoice's total is a multiple of `roundUnit` major units.
    static func isRound(_ doc: AuditDocument, p: AuditParameters) -> Bool {
        var unit = p.roundUnit
        for _ in 0..<doc.currency.minorDigits { unit = unit.multipliedReportingOverflow(by: 10).partialValue }
        return unit > 0 && doc.total > 0 && doc.total % unit == 0
    }

    /// `round`: the period's posted invoices with a round total (`isRound`), by id.
    static func postings(_ q: any AuditCheckQueries, round roundDocuments: [AuditDocument], _ scan: AuditLogScan,
                         p: AuditParameters) throws -> [AuditCheckResult] {
        let lang = p.language
        var round = AuditCheckResult(
            id: "analytical.round-numbers",
            title: lang.t(
                "Round-number invoices (multiples of \(p.roundUnit))",
                "整数金额销售单（\(p.roundUnit) 的倍数）"), severity: .info)
        var weekend = AuditCheckResult(
            id: "analytical.weekend", title: lang.t("Postings on a Saturday or Sunday", "周末入账"),
            severity: .info)
        for doc in roundDocuments {
            round.add(
                severity: .info, subject: doc.displayNumber,
                documents: [doc.displayNumber], customer: doc.customerCode,
                amount: AuditFormat.amount(doc.total, doc.currency),
                message: lang.t("round amount", "整数金额"))
        }
        var numbers: [AuditLogScan.Created: String] = [:]
        try q.forEachAuditDocument(.ids(scan.weekend.filter { !$0.created.isReceipt }.map(\.created.id))) {
            numbers[AuditLogScan.Created(isReceipt: false, id: $0.id)] = $0.displayNumber
        }
        try q.forEachAuditReceipt(.ids(scan.weekend.filter(\.created.isReceipt).map(\.created.id))) {
            numbers[AuditLogScan.Created(isReceipt: true, id: $0.receipt.id)] = $0.receipt.displayNumber
        }
        for posting in scan.weekend {
            let day = posting.day
            guard let number = numbers[posting.created], !number.isEmpty else { continue }
            weekend.add(
                severity: .info, subject: number, documents: [number],
                message: lang.t(
                    "posted by \(posting.actor) on \(day) (\(day.isoWeekday == 6 ? "Saturday" : "Sunday"))",
                    "\(posting.actor) 于 \(day)（\(day.isoWeekday == 6 ? "周六" : "周日")）入账"))
        }
        return [round, weekend]
    }
}

import LedgerCore

/// The named report queries. Each reads one snapshot of the ledger (`LedgerQueries.readSnapshot`), computes its
/// figures with the one rule in `LedgerCore` (`ReceivablesFigures`, `Aging`, `CustomerStatement`,
/// `CreditExposure`) — over inputs the store sums set-based (`ReceivablesAggregateQueries`) wherever a report
/// spans the whole ledger — and returns them typed, with a `ReportTable` for printing and drawing. The CLI and the
/// TUI
/// call these and nothing else for a report's figures.
public struct Reports {
    public let store: any LedgerQueries

    public init(store: any LedgerQueries) {
        self.store = store
    }

    // MARK: - DSO

    /// The default DSO period: the 90 days ending `to` (inclusive; `ReceivablesFigures.dsoWindow`, the one window).
    public static func defaultDSOStart(_ to: CivilDate) -> CivilDate { ReceivablesFigures.dsoWindow(endingOn: to).from }

    /// DSO per currency for `from...to` (default: the 90 days ending `to`), plus all currencies converted to the
    /// base currency when there are several and every rate is known. Definition: `DSOFigure` (gross receivables
    /// at the end ÷ credit sales in the period × days, to 0.1 day). - Throws: `LedgerError.storage`.
    public func dso(from: CivilDate? = nil, to: CivilDate) throws -> DSOReport {
        let start = from ?? Reports.defaultDSOStart(to)
        return try store.readSnapshot {
            let figures = ReceivablesFigures.dso(from: start, to: to, totals: try store.dsoTotals(from: start, to: to))
            var converted: DSOFigure?
            if figures.count > 1 {
                var sum = ConvertedDSO(rates: try store.exchangeRates())
                try store.forEachDSOEntry(from: start, to: to) { sum.add($0) }
                converted = sum.figure(from: start, to: to)
            }
            return DSOReport(from: start, to: to, figures: figures, converted: converted)
        }
    }

    // MARK: - Customer exposure

    /// A customer's exposure on `asOf` with `newSale` (minor units) about to be added: balance, overdue, credit
    /// used and hold reasons — the same `CreditExposure` rule credit control applies when posting, over the same
    /// maintained aggregates (`maintainedCreditPosition`, issue 10) when nothing is dated after `asOf`; otherwise
    /// over the customer's documents as of that date.
    /// Nil for an unknown customer. - Throws: `LedgerError.storage`.
    public func exposure(customerCode: String, asOf: CivilDate, newSale: Int64 = 0) throws -> CreditExposure? {
        try store.readSnapshot { () throws -> CreditExposure? in
            guard let customer = try store.customer(code: customerCode) else { return nil }
            let rules = try store.storedReminderRules()
            let stop = rules.policy(forClass: customer.customerClass).stopCreditFromDays
            let bills = try store.acceptanceBills(asOf: asOf).filter { $0.customerCode == customer.code }
            if let position = try store.maintainedCreditPosition(customerID: customer.id, currency: customer.currency,
                                                                 asOf: asOf) {
                return CreditExposure.evaluate(customer: customer, position: position, asOf: asOf,
                                               stopCreditFromDays: stop, newSale: newSale, bills: bills)
            }
            let snapshot = try store.receivablesSnapshot(customerID: customer.id)
            return CreditExposure.evaluate(
                customer: customer,
                open: snapshot.openInvoices(asOf: asOf, customerID: customer.id)
                    .map { ($0.invoice.number, $0.invoice.dueDate, $0.invoice.currency, $0.open) },
                unapplied: [(customer.currency, snapshot.unappliedCredit(customerID: customer.id,
                                                                         currency: customer.currency, asOf: asOf))],
                asOf: asOf, stopCreditFromDays: stop, newSale: newSale, bills: bills)
        }
    }

    // MARK: - Statement

    /// The customer statement (对账单) for `from...to`; nil for an unknown customer. - Throws:
    /// `LedgerError.storage`.
    public func statement(customerCode: String, from: CivilDate, to: CivilDate) throws -> CustomerStatement? {
        try store.readSnapshot {
            guard let customer = try store.customer(code: customerCode) else { return nil }
            return CustomerStatement.make(customer: customer, from: from, to: to,
                                          snapshot: try store.receivablesSnapshot(customerID: customer.id))
        }
    }

    // MARK: - Sales

    /// Sales (posted invoices less credit notes) by `dimension` dated in `from...to` (nil: no bound), with one
    /// TOTAL row per currency. `top` (not for month, quarter, year): only the `top` largest rows of each currency,
    /// chosen in SQL, and the TOTAL rows sum those rows. - Throws: `LedgerError.storage`.
    public func sales(by dimension: SalesDimension, from: CivilDate?, to: CivilDate?,
                      top: Int? = nil) throws -> ReportTable {
        let rows = try store.readSnapshot { try store.salesReport(by: dimension, from: from, to: to, top: top) }
        return SalesTable.make(rows, by: dimension)
    }

    // MARK: - Aging

    /// Aging as of `asOf`, one `AgingReport` per currency, grouped by `grouping`. - Throws: `LedgerError.storage`.
    public func aging(asOf: CivilDate, by grouping: AgingGrouping = .none, buckets: AgingBuckets = .standard,
                      basis: AgingBasis = .dueDate) throws -> [AgingReport] {
        try aging(asOf: asOf, by: grouping, buckets: buckets, basis: basis, page: nil).reports
    }

    /// Aging as of `asOf` with only the rows of `page` of the grouped table (nil: every row); each currency's bucket
    /// totals, counts and credits stay those of the whole report (the table's total rows). By customer today the
    /// store reads only the page's customers (`agingCustomerPage`) and the totals ungrouped (issue 10: 10k
    /// customers at 1M invoices); otherwise the whole report is computed and sliced. - Throws: `LedgerError.storage`.
    public func aging(asOf: CivilDate, by grouping: AgingGrouping = .none, buckets: AgingBuckets = .standard,
                      basis: AgingBasis = .dueDate, page: PageRequest?) throws -> AgingPage {
        try store.readSnapshot {
            // Summed in SQL per currency, group and bucket (issue 10), through the one rule of `Aging`.
            let thresholds = buckets.thresholds(asOf: asOf, basis: basis)
            let credits = try store.unappliedCredits(asOf: asOf)
            func reports(_ grouping: AgingGrouping, _ cells: [AgingCell],
                         _ credits: [UnappliedCredit]) -> [AgingReport] {
                Aging.reports(cells: cells, credits: credits, asOf: asOf, buckets: buckets, groupBy: grouping,
                              basis: basis)
            }
            if let page, grouping == .customer,
               let rows = try store.agingCustomerPage(asOf: asOf, thresholds: thresholds, page: page) {
                let keys = Set(rows.keys)
                let shown = reports(.customer, rows.cells, credits.filter {
                    keys.contains(.init(currency: $0.currency, code: $0.customerCode))
                })
                let cells = try store.agingCells(asOf: asOf, thresholds: thresholds, basis: basis, grouping: .none)
                let whole = reports(.none, cells, credits).map { report in
                    var report = report
                    report.groups = shown.first { $0.currency == report.currency }?.groups ?? []
                    return report
                }
                return AgingPage(reports: whole, page: page, rowCount: rows.rowCount)
            }
            let cells = try store.agingCells(asOf: asOf, thresholds: thresholds, basis: basis, grouping: grouping)
            return AgingPage(whole: reports(grouping, cells, credits), page: page)
        }
    }
}

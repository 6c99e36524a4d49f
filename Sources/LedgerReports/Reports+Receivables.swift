import LedgerCore

/// The receivables reports besides aging and DSO: collections, payment days, write-offs, reminders and the
/// receivables dashboard. Each reads one snapshot and computes its figures with `ReceivablesFigures` /
/// `Reminders`; the CLI prints the returned table and the TUI draws the same figures.
extension Reports {
    /// The collections report's default start: 1 January of `to`'s year (`ReportDefaults`, the CLI's and F7's).
    public static func defaultCollectionsStart(_ to: CivilDate) -> CivilDate {
        ReportDefaults.periodStart(endingOn: to)
    }

    /// Collected vs due per month and currency for the months of `from...to` (default: the year to `to`):
    /// due = invoices due in the month; collected = receipts dated in the month; settled_of_due = allocations to the
    /// month's invoices dated by its end. One TOTAL row per currency. - Throws: `LedgerError.storage`.
    public func collections(from: CivilDate? = nil, to: CivilDate) throws -> ReportTable {
        let start = from ?? Reports.defaultCollectionsStart(to)
        let rows = try store.readSnapshot {
            try store.collectionMonths(from: start, to: to)
        }
        return ReportTable(
            name: "collections",
            columns: [ReportColumn("month", .text, en: "Month", zh: "月份"),
                      ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                      ReportColumn("due", .money, en: "Due", zh: "应收"),
                      ReportColumn("collected", .money, en: "Collected", zh: "已收款"),
                      ReportColumn("settled_of_due", .money, en: "Settled of due", zh: "到期已收")],
            rows: rows.map { r in
                [.text(r.month), .text(r.currency.code)]
                    + [r.due, r.collected, r.settledOfDue].map { .amount($0, r.currency) }
            },
            totalRule: .sumPerCurrency(label: "TOTAL"))
    }

    /// Average days to pay and days late per customer over invoices fully settled by receipts (up to `asOf`, nil:
    /// all): days to pay = settled − invoice date, days late = max(0, settled − due), to 0.1 day.
    /// - Throws: `LedgerError.storage`.
    public func paymentDays(asOf: CivilDate? = nil) throws -> ReportTable {
        let rows = try store.readSnapshot {
            try store.paymentBehaviour(asOf: asOf, customerID: nil)
        }
        return PaymentDaysTable.make(rows)
    }

    /// Bad-debt write-offs (坏账核销) and their reversals dated in `from...to`. - Throws: `LedgerError.storage`.
    public func writeOffs(from: CivilDate, to: CivilDate) throws -> ReportTable {
        let rows = try store.readSnapshot {
            try store.writeOffRows(from: from, to: to)
        }
        return ReportTable(
            name: "write-offs",
            columns: [ReportColumn("date", .date, en: "Date", zh: "日期"),
                      ReportColumn("invoice", .text, en: "Invoice", zh: "销售单"),
                      ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                      ReportColumn("name", .text, en: "Name", zh: "名称"),
                      ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                      ReportColumn("amount", .money, en: "Amount", zh: "金额"),
                      ReportColumn("reason", .text, en: "Reason", zh: "原因")],
            rows: rows.map { r in
                [.date(r.date), .text(r.invoiceNumber), .text(r.customerCode), .text(r.customerName),
                 .text(r.currency.code), .amount(r.amount, r.currency), .text(r.reason)]
            })
    }

    /// Reminders (回款提醒) on `date` by the stored rules; `dueOnly`: only those with a reminder due that day.
    /// - Throws: `LedgerError.storage`.
    public func reminders(on date: CivilDate, dueOnly: Bool) throws -> [ReminderItem] {
        var items: [ReminderItem] = []
        try forEachReminder(on: date, dueOnly: dueOnly) { items.append($0) }
        return items
    }

    /// `reminders(on:dueOnly:)` streamed (issue 10): each item to `body` in the list's order (oldest due date,
    /// then invoice date and number), from the invoices open on `date` read through a cursor — memory bounded by
    /// the contacts, snoozes and customers, not by the open invoices. With `dueOnly` the pages of `reminderPage`
    /// (only the invoices the engine's selection names; the engine decides each, as for all).
    /// - Throws: `LedgerError.storage`.
    public func forEachReminder(on date: CivilDate, dueOnly: Bool, _ body: (ReminderItem) throws -> Void) throws {
        if dueOnly { return try forEachDueReminder(on: date, body) }
        try store.readSnapshot {
            let (contacts, snoozes) = try store.reminderContacts(asOf: date)
            let engine = ReminderEngine(on: date, contacts: contacts, snoozes: snoozes,
                                        rules: try store.storedReminderRules(), dueOnly: dueOnly)
            // Only the invoices the engine can list (s18): every overdue one and those due on a reminder's day before
            // their due date — not the open invoices due later (52k of 180k at 1M), read and dropped.
            let listed = ReminderCandidates(daysBeforeDue: engine.candidates.daysBeforeDue, everyDays: [1],
                                            customerIDs: [])
            try store.forEachOpenInvoice(asOf: date, candidates: listed) { invoice, open, customer in
                if let item = engine.item(invoice: invoice, open: open, customer: customer) { try body(item) }
            }
        }
    }

    /// The receivables dashboard (应收账款) as of `asOf`: aging per currency, the first page (`overduePage` items)
    /// of the open items past due in the main currency, oldest due date first, the number past due per currency,
    /// DSO per currency over the 90 days ending `asOf`, the first page of the reminders due that day and their
    /// number per currency — all from one snapshot, so the figures agree with each other and with `report aging`,
    /// `report dso` and `reminders`. Aging and reminders read the set-based and paged queries of those reports
    /// (maintained open amounts for today); further pages come from `overdueItems` and `reminderPage`.
    /// `readsOverdueItems` false leaves `overdue` empty (its count is still read): the receivables screen reads that
    /// page only when it shows the overdue list. - Throws: `LedgerError.storage`.
    public func dashboard(asOf: CivilDate, overduePage: Int = Reports.overduePageSize,
                          readsOverdueItems: Bool = true) throws -> ReceivablesDashboard {
        try store.readSnapshot {
            let aging = try self.aging(asOf: asOf)
            let start = Reports.defaultDSOStart(asOf)
            let dso = ReceivablesFigures.dso(from: start, to: asOf, totals: try store.dsoTotals(from: start, to: asOf))
            let parts = try dueReminderParts(on: asOf)
            let first = try duePage(parts, on: asOf, from: nil, backwards: false, limit: overduePage)
            var dashboard = ReceivablesDashboard(asOf: asOf, aging: aging, overdue: [], dso: dso,
                                                 reminders: ReminderPage(items: first.map(\.item),
                                                                         keys: first.map(\.key)))
            dashboard.reminderCounts = try reminderCounts(parts, on: asOf)
            dashboard.overdueCounts = try store.overdueCounts(asOf: asOf)
            if readsOverdueItems, let currency = dashboard.main?.currency {
                dashboard.overdue = try overdueItems(asOf: asOf, currency: currency, order: .dueDate, after: nil,
                                                     limit: overduePage)
            }
            return dashboard
        }
    }

    /// Rows per page of the receivables screen's overdue list.
    public static let overduePageSize = 200

    /// One keyset page of the open items of `currency` past due on `asOf`, in `order`, after `after` (the last
    /// item of the previous page; nil: the first page), or when `backwards` the page before `after` (nil: the last
    /// page), still in `order`. - Throws: `LedgerError.storage`.
    public func overdueItems(asOf: CivilDate, currency: Currency, order: OverdueOrder, after: OpenItem?,
                             backwards: Bool = false, limit: Int = Reports.overduePageSize) throws -> [OpenItem] {
        try store.overdueItems(asOf: asOf, currency: currency, order: order, after: after, backwards: backwards,
                               limit: limit)
    }
}

/// `report payment-days` as a table: customer, name, settled and late invoice counts, averages in tenths of a day.
public enum PaymentDaysTable {
    public static func make(_ rows: [PaymentBehaviour]) -> ReportTable {
        ReportTable(
            name: "payment-days",
            columns: [ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                      ReportColumn("name", .text, en: "Name", zh: "名称"),
                      ReportColumn("settled", .count, en: "Settled", zh: "已结清"),
                      ReportColumn("late", .count, en: "Late", zh: "逾期"),
                      ReportColumn("avg_days_to_pay", .days, en: "Avg days to pay", zh: "平均回款天数"),
                      ReportColumn("avg_days_late", .days, en: "Avg days late", zh: "平均逾期天数")],
            rows: rows.map { r in
                [.text(r.customerCode), .text(r.customerName), .count(r.settledInvoices), .count(r.lateInvoices),
                 r.averageDaysToPayTenths.map(ReportCell.days) ?? .empty,
                 r.averageDaysLateTenths.map(ReportCell.days) ?? .empty]
            },
            // The counts add up; averages of averages would mislead, so the TOTAL row leaves them empty.
            totalRule: .sumPerCurrency(label: "TOTAL"))
    }
}

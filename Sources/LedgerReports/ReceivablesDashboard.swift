import LedgerCore

/// The receivables dashboard's figures as of a date (`Reports.dashboard`): what the receivables screen shows and
/// `report dashboard` prints, from one snapshot.
public struct ReceivablesDashboard: Sendable, Hashable {
    public var asOf: CivilDate
    /// Aging by bucket, one report per currency.
    public var aging: [AgingReport]
    /// The first page of the open items past due on `asOf` in the main currency, oldest due date first (then
    /// number); further pages: `Reports.overdueItems`.
    public var overdue: [OpenItem]
    /// The number of open items past due on `asOf`, per currency (none: left out).
    public var overdueCounts: [Currency: Int] = [:]
    /// DSO per currency over the 90 days ending `asOf` (`Reports.defaultDSOStart`).
    public var dso: [DSOFigure]
    /// The first page of the reminders due on `asOf` (every currency); further pages: `Reports.reminderPage`.
    public var reminders: ReminderPage
    /// The number of reminders due on `asOf`, per currency (none: left out).
    public var reminderCounts: [Currency: Int] = [:]
    /// The number of reminders due on `asOf`, every currency.
    public var reminderTotal: Int { reminderCounts.values.reduce(0, +) }

    /// The currency the screen shows: the one with the largest open total.
    public var main: AgingReport? { aging.max { $0.openTotal < $1.openTotal } }

    public func dso(_ currency: Currency) -> DSOFigure? { dso.first { $0.currency == currency } }

    /// One row per currency: net receivable (open − unapplied credits), open, overdue, unapplied credits (negative,
    /// as aging and the receivables screen show them: `UnappliedCreditSign`), DSO, overdue invoices and reminders
    /// due. No total row (currencies do not add up).
    public var table: ReportTable {
        ReportTable(
            name: "dashboard",
            columns: [ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                      ReportColumn("net_receivable", .money, en: "Net receivable", zh: "应收余额"),
                      ReportColumn("open", .money, en: "Open invoices", zh: "未核销销售单"),
                      ReportColumn("overdue", .money, en: "Overdue", zh: "逾期"),
                      ReportColumn("unapplied_credits", .money, en: "Unapplied credits", zh: "未核销预收"),
                      ReportColumn("dso", .days, en: "DSO 90d", zh: "90天周转天数"),
                      ReportColumn("overdue_invoices", .count, en: "Overdue invoices", zh: "逾期单数"),
                      ReportColumn("reminders_due", .count, en: "Reminders due", zh: "待提醒")],
            rows: aging.map { r in
                func money(_ minor: Int64) -> ReportCell { .amount(minor, r.currency) }
                return [.text(r.currency.code), money(r.netReceivable), money(r.openTotal), money(r.overdueTotal),
                        money(r.unappliedCreditsShown), dso(r.currency)?.tenths.map(ReportCell.days) ?? .empty,
                        .count(overdueCounts[r.currency] ?? 0),
                        .count(reminderCounts[r.currency] ?? 0)]
            },
            notes: ["Receivables as of \(asOf); DSO over the 90 days ending \(asOf)"])
    }
}

import LedgerCore

/// The commission report's month on the Reports screen (业务员提成): this month or `monthsBack` months earlier
/// (`p` steps back through the last 12 months); the table is `report commission`'s (`Reports.commission`).
enum CommissionReportView {
    static func month(_ monthsBack: Int, today: CivilDate) -> CivilDate {
        today.startOfMonth.adding(months: -monthsBack)
    }

    static func title(_ monthsBack: Int, context: AppContext) -> String {
        let first = month(monthsBack, today: context.today)
        let last = first.adding(months: 1).adding(days: -1)
        return context.strings.t("Commission \(first) – \(last)", "业务员提成 \(first) – \(last)") + "  [p]"
    }
}

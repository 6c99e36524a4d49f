import LedgerCore

/// The commission report on the Reports screen (业务员提成): `CommissionMonth`, the rows `report commission --month`
/// prints, for this month or `monthsBack` months earlier (`p` steps back through the last 12 months).
enum CommissionReportView {
    static func month(_ monthsBack: Int, today: CivilDate) -> CivilDate {
        today.startOfMonth.adding(months: -monthsBack)
    }

    /// Header, rows (total last) and the amount columns.
    static func grid(_ monthsBack: Int, context: AppContext) -> ([String], [[String]], Set<Int>) {
        let s = context.strings
        let header = [s.t("Salesperson", "业务员"), s.t("Name", "姓名"), s.t("Basis", "提成基数"), s.t("Rate", "比例"),
                      s.t("From", "起始日"), s.t("Currency", "币种"), s.t("Basis amount", "基数金额"), s.t("Commission", "提成")]
        guard let report = context.read({ try CommissionMonth.make(month: month(monthsBack, today: context.today),
                                                                   store: context.store) }) else { return (header, [], [6, 7]) }
        let rows = report.rows.map { row -> [String] in
            var row = row
            row[2] = basisName(row[2], s)
            return row
        }
        let total = report.total.map { row -> [String] in
            var row = row
            row[0] = s.t("TOTAL", "合计")
            return row
        }
        return (header, rows + (total.map { [$0] } ?? []), [6, 7])
    }

    static func basisName(_ raw: String, _ s: Strings) -> String {
        switch CommissionBasis(rawValue: raw) {
        case .netSales: return s.t("net sales", "净销售额")
        case .collections: return s.t("collections", "回款")
        case nil: return raw
        }
    }

    static func title(_ monthsBack: Int, context: AppContext) -> String {
        let first = month(monthsBack, today: context.today)
        let last = first.adding(months: 1).adding(days: -1)
        return context.strings.t("Commission \(first) – \(last)", "业务员提成 \(first) – \(last)") + "  [p]"
    }
}

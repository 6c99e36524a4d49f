import LedgerCore

/// The fapiao reports on the Reports screen (发票报表): the same `FapiaoReports` tables as `report fapiao`,
/// as of today (销项税 over the screen's period). `d` cycles the four reports.
enum FapiaoReportView {
    static func name(_ index: Int, _ s: Strings) -> String {
        switch index % FapiaoReports.kinds.count {
        case 0: return s.t("Sold, not invoiced", "应收未开票")
        case 1: return s.t("Invoiced, unpaid", "已开票未收款")
        case 2: return s.t("Output VAT by rate", "销项税（按税率）")
        default: return s.t("Fapiao to issue", "待开票")
        }
    }

    /// Header, rows (totals last) and the amount columns.
    static func grid(_ index: Int, from: CivilDate?, to: CivilDate?, context: AppContext) -> ([String], [[String]], Set<Int>) {
        let kind = FapiaoReports.kinds[index % FapiaoReports.kinds.count]
        guard let table = context.read({ try FapiaoReports.table(kind, queries: context.store, asOf: context.today, from: from, to: to,
                                                                 customer: nil) }) else { return ([], [], []) }
        let zh = context.strings.zh
        let header = table.columns.map { zh ? $0.chinese : $0.english }
        let numeric = Set(table.columns.enumerated().filter { $0.element.isAmount }.map(\.offset))
        return (header, table.rows + table.totals, numeric)
    }
}

import LedgerReports

/// The fapiao reports on the Reports screen (发票报表): the same `FapiaoTables` as `report fapiao`, as of today
/// (销项税 over the screen's period). `d` cycles the four reports.
enum FapiaoReportView {
    static func name(_ index: Int, _ s: Strings) -> String {
        switch index % FapiaoTables.kinds.count {
        case 0: return s.t("Sold, not invoiced", "应收未开票")
        case 1: return s.t("Invoiced, unpaid", "已开票未收款")
        case 2: return s.t("Output VAT by rate", "销项税（按税率）")
        default: return s.t("Fapiao to issue", "待开票")
        }
    }
}

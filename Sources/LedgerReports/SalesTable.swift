import LedgerCore

/// The sales report as a table: dimension key, label (the key again for months, quarters, years), currency, documents,
/// net,
/// tax, total; one TOTAL row per currency (`TotalRule.sumPerCurrency`).
public enum SalesTable {
    public static func make(_ rows: [SalesReportRow], by dimension: SalesDimension) -> ReportTable {
        let titles: [SalesDimension: (String, String)] = [
            .month: ("Month", "月份"), .quarter: ("Quarter", "季度"), .year: ("Year", "年度"),
            .customer: ("Customer", "客户"), .region: ("Region", "区域"), .channel: ("Channel", "渠道"),
            .salesperson: ("Salesperson", "业务员"), .product: ("Product", "商品"), .category: ("Category", "商品类别"),
        ]
        let title = titles[dimension]
        let columns = [ReportColumn(dimension.rawValue, .text, en: title?.0, zh: title?.1),
                       ReportColumn("label", .text, en: "Name", zh: "名称"),
                       ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                       ReportColumn("documents", .count, en: "Docs", zh: "单数"),
                       ReportColumn("net", .money, en: "Net", zh: "不含税"),
                       ReportColumn("tax", .money, en: "Tax", zh: "税额"),
                       ReportColumn("total", .money, en: "Total", zh: "价税合计")]
        return ReportTable(name: "sales-by-\(dimension.rawValue)", columns: columns, rows: rows.map { r in
            [.text(r.key), .text(r.label), .text(r.currency.code), .count(r.documents),
             .amount(r.net, r.currency), .amount(r.tax, r.currency), .amount(r.total, r.currency)]
        }, totalRule: .sumPerCurrency(label: "TOTAL"))
    }
}

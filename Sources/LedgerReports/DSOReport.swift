import LedgerCore

/// DSO for a period: one figure per currency, and the converted figure over all currencies when there are several.
public struct DSOReport: Sendable, Hashable {
    public var from: CivilDate
    public var to: CivilDate
    public var figures: [DSOFigure]
    public var converted: DSOFigure?

    /// The figure of `currency`, if it had sales or receivables.
    public func figure(_ currency: Currency) -> DSOFigure? { figures.first { $0.currency == currency } }

    public var table: ReportTable {
        var rows = figures.map { row($0, label: $0.currency.code) }
        if let converted { rows.append(row(converted, label: converted.currency.code + " (all, converted)")) }
        return ReportTable(
            name: "dso",
            columns: [ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                      ReportColumn("receivables_at_end", .money, en: "Receivables at end", zh: "期末应收"),
                      ReportColumn("credit_sales", .money, en: "Credit sales", zh: "赊销额"),
                      ReportColumn("days", .count, en: "Days", zh: "天数"),
                      // No figure when credit sales are 0 or less (credit notes on older sales outweigh the
                      // window's sales): CSV and JSON leave it empty, the table says why.
                      ReportColumn("dso", .days, en: "DSO", zh: "周转天数", termsZH: ["": "无（赊销额≤0）"],
                                   termsEN: ["": "n/a (credit sales ≤ 0)"])],
            rows: rows, totalRule: .none,
            notes: ["DSO \(from) … \(to): receivables at end ÷ credit sales × days"])
    }

    private func row(_ f: DSOFigure, label: String) -> [ReportCell] {
        [.text(label), .amount(f.receivablesAtEnd, f.currency), .amount(f.creditSales, f.currency), .count(f.days),
         f.tenths.map(ReportCell.days) ?? .empty]
    }
}

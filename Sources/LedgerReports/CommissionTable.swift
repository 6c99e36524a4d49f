import LedgerCore

/// The commission month (业务员提成) as a report table (`report commission`, the Reports screen's commission tab):
/// one row per salesperson and rule (salesperson, name, basis, rate, rule start, currency, basis amount and
/// commission in minor units; documents without a salesperson: an empty code named `noSalesperson`) and one TOTAL
/// row per currency (`TotalRule.sumPerCurrency`).
public enum CommissionTable {
    /// The basis words in Chinese (the basis column's terms; CSV and JSON keep `net_sales`, `collections`).
    public static let basisZH = ["net_sales": "净销售额", "collections": "回款"]
    /// The basis words in an English table and on screen (s32-fixc: the CLI showed the raw `net_sales`).
    public static let basisEN = ["net_sales": "net sales"]

    /// The name of the row of documents without a salesperson (its code is empty): these words in every format
    /// (a program tells the row by its empty code), `（无业务员）` in a Chinese table and on screen.
    public static let noSalesperson = "(no salesperson)"

    public static let columns = [ReportColumn("salesperson", .text, en: "Salesperson", zh: "业务员"),
                                 ReportColumn("name", .text, en: "Name", zh: "姓名",
                                              termsZH: [noSalesperson: "（无业务员）"]),
                                 ReportColumn("basis", .text, en: "Basis", zh: "提成基数", termsZH: basisZH,
                                              termsEN: basisEN),
                                 ReportColumn("rate", .text, en: "Rate", zh: "比例"),
                                 ReportColumn("from", .date, en: "From", zh: "起始日"),
                                 ReportColumn("currency", .text, en: "Currency", zh: "币种"),
                                 ReportColumn("basis_amount", .money, en: "Basis amount", zh: "基数金额"),
                                 ReportColumn("commission", .money, en: "Commission", zh: "提成")]

    public static func make(_ month: CommissionMonth) -> ReportTable {
        ReportTable(name: "commission", columns: columns, rows: month.lines.map { l in
            [.text(l.salesperson), .text(l.salesperson.isEmpty ? noSalesperson : month.names[l.salesperson] ?? ""),
             .text(l.rule.basis.rawValue),
             .text(l.rule.rate.description), .date(l.rule.start), .text(l.currency.code),
             .amount(l.basisAmount, l.currency), .amount(l.commission, l.currency)]
        }, totalRule: .sumPerCurrency(label: "TOTAL"))
    }
}

extension Reports {
    /// The commission of the month starting `first` (the first day of a month), read in one snapshot
    /// (`CommissionMonth.make`). - Throws: `LedgerError.storage`.
    public func commission(month first: CivilDate) throws -> ReportTable {
        CommissionTable.make(try CommissionMonth.make(month: first, store: store))
    }
}

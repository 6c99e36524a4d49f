import LedgerCore

/// Customer exposure rows: customer, balance, overdue, acceptance bills held, credit limit, credit used (balance
/// and bills held), hold and its reasons. `reasonText`: a hold reason's message as shown (the CLI in Chinese passes
/// the app's translation; CSV and JSON of an English run keep the English message).
public enum ExposureTable {
    public static func make(_ exposures: [CreditExposure], reasonText: (String) -> String = { $0 }) -> ReportTable {
        ReportTable(
            name: "exposure",
            columns: [ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                      ReportColumn("balance", .money, en: "Balance", zh: "应收余额"),
                      ReportColumn("overdue", .money, en: "Overdue", zh: "逾期"),
                      ReportColumn("bills_held", .money, en: "Bills held", zh: "未到期汇票"),
                      ReportColumn("credit_limit", .money, en: "Credit limit", zh: "信用额度"),
                      ReportColumn("credit_used", .percent, en: "Used", zh: "已用"),
                      ReportColumn("hold", .text, en: "Hold", zh: "冻结", termsZH: ["yes": "是", "no": "否"]),
                      ReportColumn("reason", .text, en: "Reason", zh: "原因")],
            rows: exposures.map { e in
                [.text(e.customerCode), .amount(e.balance, e.currency), .amount(e.overdue, e.currency),
                 .amount(e.billsHeld, e.currency), e.creditLimit.map { .amount($0, e.currency) } ?? .empty,
                 e.creditUsedBasisPoints.map(ReportCell.percent) ?? .empty,
                 .text(e.isOnHold ? "yes" : "no"),
                 .text(e.holdReasons.map { reasonText($0.message) }.joined(separator: "; "))]
            }, totalRule: .none)
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports

/// The 承兑汇票 options of `receipt add`: with `--method acceptance_bill` the bill is recorded in the same
/// transaction as the receipt.
struct AcceptanceBillOptions: ParsableArguments {
    @Option(help: "承兑汇票: bill number (with --method acceptance_bill).") var billNumber: String?
    @Option(help: "承兑汇票: issuing (accepting) bank.") var billBank: String?
    @Option(help: "承兑汇票: maturity date.") var billMaturity: String?

    var isEmpty: Bool { billNumber == nil && billBank == nil && billMaturity == nil }

    /// Runs `record` and, for an acceptance bill, records the bill: one transaction.
    func run(_ record: RecordReceipt, service: LedgerService, chinese: Bool) throws -> RecordReceipt.Outcome {
        var issues = IssueCollector()
        let maturity = parseDate(billMaturity, "billMaturity", service.clock.today(), &issues)
        if record.method != .acceptanceBill && !isEmpty {
            issues.add("method", "bill options need --method acceptance_bill")
        }
        try issues.throwIfAny()
        return try TradeCLI.run(chinese: chinese) {
            try service.runBatch { batch in
                let outcome = try batch.run(record)
                if record.method == .acceptanceBill {
                    try batch.run(RecordAcceptanceBill(receiptNumber: outcome.receipt.displayNumber, billNumber: billNumber ?? "",
                                                       bank: billBank ?? "", maturity: maturity))
                }
                return outcome
            }
        }
    }
}

/// `report bills [--as-of D] [--by customer]`: acceptance bills by maturity; a bill is held (at risk) until it
/// matures. By customer: the balance, the bills held and the exposure (balance + bills held).
struct BillsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bills", abstract: "Acceptance bills held (承兑汇票) by maturity; exposure by customer.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "As-of date (default today).") var asOf: String?
    @Option(help: "bill (default) or customer") var by = "bill"
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let date = parseDate(asOf, "asOf", service.clock.today(), &issues) ?? service.clock.today()
        if by != "bill" && by != "customer" { issues.add("by", "'\(by)' is not bill or customer") }
        try issues.throwIfAny()
        let bills = try store.acceptanceBills(asOf: date)
        func m(_ v: Int64, _ c: Currency) -> String { Money.format(v, digits: c.minorDigits, grouping: false) }
        if by == "bill" {
            let rows = bills.map { b in
                [b.maturity.description, b.billNumber, b.bank, b.customerCode, b.customerName, b.receiptNumber,
                 b.amount.currency.code, m(b.amount.minorUnits, b.amount.currency), String(date.days(to: b.maturity)),
                 b.isHeld(on: date) ? "held" : "matured"]
            }
            let held = bills.filter { $0.isHeld(on: date) }
            let total = ["TOTAL held", "", "", "", "", "", held.first?.amount.currency.code ?? "",
                         m(held.reduce(0) { $0 + $1.amount.minorUnits }, held.first?.amount.currency ?? .cny), "", String(held.count)]
            print(TabularOutput(columns: [("maturity", .text), ("bill", .text), ("bank", .text), ("customer", .text), ("name", .text),
                                          ("receipt", .text), ("currency", .text), ("amount", .amount), ("days_to_maturity", .integer),
                                          ("status", .text)], rows: rows, totalRow: total).render(format), terminator: "")
            return
        }
        // The exposure credit control uses (`Reports.exposure`: balance + bills held until maturity), per customer.
        let reports = Reports(store: store)
        let rows = try Set(bills.filter { $0.isHeld(on: date) }.map(\.customerCode)).sorted().compactMap { code -> [String]? in
            guard let e = try reports.exposure(customerCode: code, asOf: date) else { return nil }
            let name = bills.first { $0.customerCode == code }?.customerName ?? ""
            return [code, name, e.currency.code, m(e.balance, e.currency), m(e.billsHeld, e.currency), m(e.atRisk, e.currency)]
        }
        print(TabularOutput(columns: [("customer", .text), ("name", .text), ("currency", .text), ("balance", .amount),
                                      ("bills_held", .amount), ("exposure", .amount)], rows: rows).render(format), terminator: "")
    }
}

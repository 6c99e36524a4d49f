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
                    try batch.run(RecordAcceptanceBill(receiptNumber: outcome.receipt.displayNumber,
                                                       billNumber: billNumber ?? "",
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
    static let configuration = CommandConfiguration(commandName: "bills",
                                                    abstract: "Acceptance bills held (承兑汇票) by maturity; "
                                                              + "exposure by customer.")
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
        if by == "bill" {
            let rows = bills.map { b -> [ReportCell] in
                [.date(b.maturity), .text(b.billNumber), .text(b.bank), .text(b.customerCode), .text(b.customerName),
                 .text(b.receiptNumber), .text(b.amount.currency.code), .money(b.amount),
                 .count(date.days(to: b.maturity)), .text(b.isHeld(on: date) ? "held" : "matured")]
            }
            if bills.isEmpty && format == .table {
                print("no acceptance bills as of \(date)")
                return
            }
            // One total row per currency of the bills still held (amounts of two currencies are never added).
            let held = Dictionary(grouping: bills.filter { $0.isHeld(on: date) }, by: \.amount.currency)
            let totals = held.keys.sorted { $0.code < $1.code }.map { currency -> [ReportCell] in
                let bills = held[currency] ?? []
                var sum: Int64? = 0   // checked: an overflow leaves the total empty
                for b in bills {
                    sum = sum.flatMap {
                        let (v, o) = $0.addingReportingOverflow(b.amount.minorUnits); return o ? nil : v
                    }
                }
                return [.text("TOTAL held"), .empty, .empty, .empty, .empty, .empty, .text(currency.code),
                        sum.map { .amount($0, currency) } ?? .empty, .empty, .count(bills.count)]
            }
            var table = listTable("bills", [("maturity", .date), ("bill", .text), ("bank", .text), ("customer", .text),
                                            ("name", .text), ("receipt", .text), ("currency", .text),
                                            ("amount", .money), ("days_to_maturity", .count), ("status", .text)], rows)
            table.totalRule = .given(totals)
            table.columns[0].termsZH = ["TOTAL held": "持有合计"]
            table.columns[9].termsZH = ["held": "持有中", "matured": "已到期"]
            printReport(table, format)
            return
        }
        // The exposure credit control uses (`Reports.exposure`: balance + bills held until maturity), per customer.
        let reports = Reports(store: store)
        let rows = try Set(bills.filter { $0.isHeld(on: date) }.map(\.customerCode)).sorted()
            .compactMap { code -> [ReportCell]? in
            guard let e = try reports.exposure(customerCode: code, asOf: date) else { return nil }
            let name = bills.first { $0.customerCode == code }?.customerName ?? ""
            return [.text(code), .text(name), .text(e.currency.code), .amount(e.balance, e.currency),
                    .amount(e.billsHeld, e.currency), .amount(e.atRisk, e.currency)]
        }
        printReport(listTable("bills-by-customer",
                              [("customer", .text), ("name", .text), ("currency", .text), ("balance", .money),
                                                    ("bills_held", .money), ("exposure", .money)], rows), format)
    }
}

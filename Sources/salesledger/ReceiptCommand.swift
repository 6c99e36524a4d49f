import ArgumentParser
import LedgerCore

struct ReceiptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "receipt", abstract: "Record receipts (收款单).",
                                                    subcommands: [Add.self, ReceiptAllocateCommand.self,
                                                                  ReceiptReverseCommand.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a receipt and allocate it.",
            discussion: "--allocate auto (oldest due first, default), none (keep as customer credit), or "
                        + "INV-2026-000001=100.00,INV-2026-000002=50")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String
        @Option(parsing: .unconditional, help: "Amount received.") var amount: String
        @Option(help: "Date received (default today).") var date: String?
        @Option(help: "cash, bank_transfer, cheque, card, wechat_pay, alipay, acceptance_bill, other")
        var method = "bank_transfer"
        @Option var reference = ""
        @Option var note = ""
        @Option(help: "auto, none, or NUMBER=AMOUNT,…") var allocate = "auto"
        @OptionGroup var bill: AcceptanceBillOptions

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            var issues = IssueCollector()
            let currency = try store.customer(code: customer)?.currency ?? .cny
            var money = Money.zero(currency)
            do { money = try MoneyParser.parse(amount, currency: currency) } catch { issues.add("amount",
                                                                                                error.description) }
            let method = PaymentMethod(rawValue: self.method)
            if method == nil { issues.add("method",
                                          "'\(self.method)' is not one of "
                                          + "\(PaymentMethod.allCases.map(\.rawValue).joined(separator: ", "))") }
            let plan = AllocationSyntax.parse(allocate, currency: currency, issues: &issues)
            var record = RecordReceipt(customerCode: customer, date: parseDate(date, "date", today, &issues) ?? today,
                                       amount: money, allocation: plan)
            record.method = method ?? .other
            record.reference = reference
            record.note = note
            try service.throwIfAny(issues, with: record)
            let outcome = try bill.run(record, service: service, chinese: global.isChinese)
            print("recorded \(outcome.receipt.displayNumber): \(money.groupedString) \(currency.code); allocated to "
                  + "\(outcome.allocation.allocations.count) invoice(s); unapplied "
                    + "\(outcome.allocation.unapplied.groupedString)")
        }
    }
}

import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop

/// `export journal`: the ledger as an hledger journal (see JournalExport for the accounts).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the ledger.",
                                                    subcommands: [Journal.self, VoucherExportCommand.self, CustomerExportCommand.self,
                                                                  ProductExportCommand.self, OpeningExportCommand.self])

    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A plain-text accounting journal that hledger reads.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "From date.") var from: String?
        @Option(help: "To date.") var to: String?
        @Option(help: "Write to this file (default: standard output).") var output: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            try service.authorize(.export, detail: "journal to \(output ?? "standard output")")
            var issues = IssueCollector()
            let today = service.clock.today()
            let fromDate = parseDate(from, "from", today, &issues), toDate = parseDate(to, "to", today, &issues)
            try issues.throwIfAny()
            let snapshot = try store.receivablesSnapshot(customerID: nil)
            var customers: [Int64: Customer] = [:]
            for c in snapshot.customers { customers[c.id] = c }
            func inRange(_ d: CivilDate) -> Bool { (fromDate.map { d >= $0 } ?? true) && (toDate.map { d <= $0 } ?? true) }
            var payments: [JournalExport.Payment] = snapshot.receipts.filter { inRange($0.date) }.map { r in
                JournalExport.Payment(date: r.date, number: r.displayNumber, customerCode: customers[r.customerID]?.code ?? "",
                                      customerName: customers[r.customerID]?.name ?? "", account: "assets:bank:\(r.method.rawValue)", amount: r.amount)
            }
            let documentsByID = Dictionary(snapshot.documents.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for a in snapshot.allocations where a.source == .writeOff && inRange(a.date) {
                guard let invoice = documentsByID[a.invoiceID], let customer = customers[invoice.customerID] else { continue }
                payments.append(JournalExport.Payment(date: a.date, number: invoice.number, customerCode: customer.code,
                                                      customerName: customer.name, account: "expenses:bad debts", amount: a.amount))
            }
            let text = JournalExport.render(documents: try store.documentTotals(from: fromDate, to: toDate), payments: payments)
            if let output {
                guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                    throw UserError("output: cannot write \(output)")
                }
            } else {
                print(text, terminator: "")
            }
        }
    }
}

import Foundation
import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "List and add customers.",
                                                    subcommands: [List.self, Add.self, CustomerEditCommand.self,
                                                                  ExposureCommand.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List customers with balance and overdue (paged).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Search code, name, pinyin, initials or phone.") var search: String?
        @Option(help: "Rows to show.") var limit = 100
        @Option(help: "Rows to skip.") var offset = 0
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openExistingLedger()
            let rows = try store.customers(search: search, asOf: service.clock.today(),
                                           page: PageRequest(offset: offset, limit: limit))
            // Region and channel by name in a table (tryout s33: codes like CN-34-04 and DEALER); CSV keeps codes.
            let words = global.words(format)
            let regions = words == nil ? [:] : try CLIClassNames.nodes(store, "region")
            let channels = words == nil ? [:] : try CLIClassNames.nodes(store, "channel")
            printReport(listTable("customers", [("code", .text), ("name", .text), ("class", .text), ("region", .text),
                                                ("channel", .text), ("currency", .text), ("balance", .money),
                                                ("overdue", .money), ("last_purchase", .date)],
                                  rows.map { r in
                                      [.text(r.code), .text(r.name), .text(r.customerClass),
                                       .text(words.map { w in regions[r.region].map(w.className) ?? r.region }
                                             ?? r.region),
                                       .text(words?.channelName(r.channel, classes: channels) ?? r.channel),
                                       .text(r.currency.code), .amount(r.balance, r.currency),
                                       .amount(r.overdue, r.currency), r.lastPurchase.map(ReportCell.date) ?? .empty]
                                  }), format)
            if limit > 0, rows.count == limit {
                // A full page: say that more may follow (on stderr, so CSV and JSON stay clean).
                let next = offset + limit
                let note = CLIChinese.isOn
                    ? "仅显示第 \(offset + 1)–\(next) 行，可能还有更多：用 '--offset \(next)' 或更大的 '--limit'"
                    : "showing rows \(offset + 1)–\(next); more may follow: use --offset \(next) or a larger --limit"
                FileHandle.standardError.write(Data(("salesledger: " + note + "\n").utf8))
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a customer.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Unique customer code.") var code: String
        @Option(help: "Name (Chinese names welcome).") var name: String
        @Option var contact = ""
        @Option var phone = ""
        @Option var email = ""
        @Option var address = ""
        @Option(help: "Region class code, e.g. CN-33-01.") var region = ""
        @Option(help: "Sales channel code.") var channel = ""
        @Option(name: .customLong("class"), help: "Customer class (tier).") var customerClass = ""
        @Option(help: "Credit limit, e.g. 50000 or 50,000.00.") var creditLimit: String?
        @Option(help: "Payment terms: NET30, NET1M, EOM+30D, EOM+1M, 月结30天, INST:50@30,50@60.")
        var terms = "NET30"
        @Option(help: "ISO 4217 currency code (default: the ledger's base currency, `rate base`; else CNY).")
        var currency: String?
        @Option var notes = ""
        @OptionGroup var tax: CustomerTaxOptions

        func run() throws {
            var issues = IssueCollector()
            let (store, service) = try global.openLedger()
            let cur = ProductOptions.currency(currency, store: store, issues: &issues)
            var fields = CustomerFields(code: code, name: name)
            fields.contact = contact
            fields.phone = phone
            fields.email = email
            fields.address = address
            fields.region = region
            fields.channel = channel
            fields.customerClass = customerClass
            fields.currency = cur
            fields.notes = notes
            do { fields.paymentTerms = try PaymentTerms.parse(terms) } catch { issues.add("terms", error.description) }
            if let creditLimit {
                do { fields.creditLimit = try MoneyParser.parse(creditLimit, currency: fields.currency) } catch {
                    issues.add("creditLimit", error.description)
                }
            }
            if !issues.issues.isEmpty {
                // Also report the command's own checks (dry run, rolled back), so every problem is listed at once.
                throw LedgerError.validation(issues.issues + service.validationIssues(of: CreateCustomer(fields)))
            }
            let details = tax.apply(to: CustomerTaxDetails(), issues: &issues)
            try issues.throwIfAny()
            let customer = try TradeCLI.run(chinese: global.isChinese, chineseNames: TradeCLI.customerNames) {
                try service.runBatch { batch in
                    let customer = try batch.run(CreateCustomer(fields))
                    if !tax.isEmpty { try batch.run(SetCustomerTaxDetails(customerCode: customer.code,
                                                                          details: details)) }
                    return customer
                }
            }
            print("customer \(customer.code) added: \(customer.name)")
        }
    }
}

import ArgumentParser
import LedgerCore
import LedgerReports

/// `confirmation issue|reply|list`: statements sent for confirmation (对账确认) and the replies.
struct ConfirmationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "confirmation",
                                                    abstract: "Statement confirmation (对账确认): issue, record "
                                                              + "replies, list unconfirmed.",
                                                    subcommands: [Issue.self, Reply.self, List.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a statement sent for confirmation (balance "
                                                                  + "as of a date).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer code.") var customer: String
        @Option(help: "As-of date (default today).") var asOf: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            let date = try parseDate(asOf, "asOf", service.clock.today()) ?? service.clock.today()
            guard let row = try store.customers(search: customer, asOf: date,
                                                page: .all).first(where: { $0.code == customer }) else {
                throw LedgerError.validation([FieldIssue("customer", "unknown customer code \(customer)")])
            }
            let record = try TradeCLI.run(chinese: global.isChinese) {
                try service.run(IssueStatementConfirmation(customerCode: customer, asOf: date,
                                                           balance: Money(minorUnits: row.balance,
                                                                          currency: row.currency)))
            }
            print("\(record.number): \(customer) \(record.balance.groupedString) \(record.balance.currency.code) as of "
                  + "\(date)")
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a reply: --confirmed, or --disputed with "
                                                                  + "--difference and --note.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Statement number, e.g. DZ-2026-000001.") var number: String
        @Flag(help: "数据证明无误.") var confirmed = false
        @Flag(help: "数据不符.") var disputed = false
        @Option(help: "The customer's figure less ours.") var difference: String?
        @Option var note = ""
        @Option(help: "Reply date (default today).") var date: String?

        func run() throws {
            let (_, service) = try global.openLedger()
            let record = try TradeCLI.run(chinese: global.isChinese) {
                var issues = IssueCollector()
                if confirmed == disputed { issues.add("reply", "give --confirmed or --disputed") }
                var minor: Int64 = 0
                if let difference {
                    do { minor = try MoneyParser.parse(difference, currency: .cny).minorUnits } catch {
                        issues.add("difference", String(describing: error))
                    }
                }
                let day = parseDate(date, "date", service.clock.today(), &issues)
                try issues.throwIfAny()
                return try service.run(RecordStatementReply(number: number, reply: confirmed ? .confirmed : .disputed,
                                                            difference: minor, note: note, date: day))
            }
            print("\(record.number): \(record.reply.rawValue)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Statements sent for confirmation; --unconfirmed for "
                                                                  + "those without a reply.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only statements without a reply.") var unconfirmed = false
        @Option(help: "table, csv or json") var format: OutputFormat = .table

        func run() throws {
            let (store, service) = try global.openLedger()
            let today = service.clock.today()
            let rows = try store.statementConfirmations(unconfirmedOnly: unconfirmed).map { s -> [ReportCell] in
                [.text(s.number), .text(s.customerCode), .date(s.asOf), .text(s.balance.currency.code),
                 .money(s.balance), .date(s.issued), .text(s.reply.rawValue), .count(s.issued.days(to: today)),
                 .amount(s.difference, s.balance.currency), .text(s.note)]
            }
            printReport(listTable("confirmations",
                                  [("number", .text), ("customer", .text), ("as_of", .date), ("currency", .text),
                                                    ("balance", .money), ("issued", .date), ("reply", .text),
                                                    ("days_out", .count),
                                                    ("difference", .money), ("note", .text)], rows), format)
        }
    }
}

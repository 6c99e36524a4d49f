import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

extension ContactChannel: ExpressibleByArgument {}

/// `reminders --date D [--all]`: reminders due on a date (催款), from the rules, invoices, contacts and snoozes.
struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminders", abstract: "Payment reminders due on a date (disputed invoices get none).",
        discussion: "Shows reminders due on the date; --all shows the whole collection list (overdue invoices and any "
                    + "reminder due), oldest due date first.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Date (default today).") var date: String?
    @Flag(help: "List every overdue invoice, not only reminders due on the date.") var all = false
    @Option var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let day = parseDate(date, "date", today, &issues) ?? today
        try issues.throwIfAny()
        // Streamed (issue 10): rows are written as the open invoices are read, never held as a list.
        let reports = Reports(store: store), chinese = global.isChinese, codes = format != .table
        let none = all ? "nothing overdue on \(day)" : "no reminders due on \(day)"
        try printStreamedReport(RemindersTable.empty, format, whenEmpty: none + "\n") { row in
            try reports.forEachReminder(on: day, dueOnly: !all) {
                try row(RemindersTable.row($0, chinese: chinese, levelCodes: codes))
            }
        }
    }
}

/// `contact log|list|snooze`: the contact log (跟进记录) and snoozes.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contact",
                                                    abstract: "Contact log and reminder snoozes.",
                                                    subcommands: [Log.self, List.self, Snooze.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log a contact with a customer (a promised date may "
                                                                  + "be given).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String
        @Option(help: "Invoice number talked about (optional).") var invoice: String?
        @Option(help: "Date (default today).") var date: String?
        @Option(help: "Who made the contact (default: the acting user).") var who: String?
        @Option(help: "phone, email, visit, wechat, letter, other") var channel: ContactChannel = .phone
        @Option var note = ""
        @Option(help: "Promised payment date.") var promised: String?

        func run() throws {
            let (_, service) = try global.openLedger()
            var issues = IssueCollector()
            let today = service.clock.today()
            let command = LogContact(customerCode: customer, invoiceNumber: invoice,
                                     date: parseDate(date, "date", today, &issues) ?? today, who: who ?? global.actor,
                                     channel: channel, note: note, promisedDate: parseDate(promised, "promisedDate",
                                                                                           today, &issues))
            try service.throwIfAny(issues, with: command)
            let entry = try service.run(command)
            let promise = entry.promisedDate.map { "; promised \($0)" } ?? ""
            print("logged contact #\(entry.id) with \(customer) on \(entry.date)\(promise)")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the contact log of a customer.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String
        @Option var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            guard let found = try store.customer(code: customer) else {
                throw LedgerError.validation([FieldIssue("customer", "unknown customer code \(customer)")])
            }
            let snapshot = try store.receivablesSnapshot(customerID: found.id)
            let words = global.words(format)
            var numbers: [Int64: String] = [:]
            for doc in snapshot.documents { numbers[doc.id] = doc.number }
            printReport(listTable("contacts", [("date", .date), ("who", .text), ("channel", .text), ("invoice", .text),
                                               ("promised", .date), ("note", .text)],
                                  snapshot.contacts.map { c in
                                      [.date(c.date), .text(c.who),
                                       .text(words?.contactChannelName(c.channel) ?? c.channel.rawValue),
                                       .text(c.invoiceID.flatMap { numbers[$0] } ?? ""),
                                       c.promisedDate.map(ReportCell.date) ?? .empty, .text(c.note)]
                                  }), format)
        }
    }

    struct Snooze: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Hold back reminders for a customer (or one invoice) "
                                                                  + "until a date.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Customer code.") var customer: String
        @Option(help: "Invoice number (optional).") var invoice: String?
        @Option(help: "Reminders resume on this date.") var until: String
        @Option(help: "Why (required).") var reason: String
        func run() throws {
            let (_, service) = try global.openLedger()
            var issues = IssueCollector()
            let today = service.clock.today()
            let untilDate = parseDate(until, "until", today, &issues)
            try issues.throwIfAny()
            guard let untilDate else { throw LedgerError.validation([FieldIssue("until", "a date is required")]) }
            let snooze = try service.run(SnoozeReminders(customerCode: customer, invoiceNumber: invoice,
                                                         until: untilDate, reason: reason))
            print("snoozed reminders for \(customer)\(invoice.map { " \($0)" } ?? "") until \(snooze.until)")
        }
    }
}

import ArgumentParser
import Foundation
import LedgerAudit
import LedgerCore
import LedgerStore

extension ConfirmationForm: ExpressibleByArgument {}

/// `audit confirm`: confirmation letters (询证函), replies, and the summary of a round.
struct AuditConfirmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Confirmation letters (询证函): letters, replies, summary.",
        subcommands: [Letters.self, Reply.self, Summary.self], defaultSubcommand: Letters.self)

    struct Letters: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "letters",
            abstract: "Write a confirmation letter per customer as of a date and record them as sent.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The as-of date of the balances.") var asOf: String
        @Option(help: "Customer codes, comma-separated (default: every customer with a balance).") var customers:
            String?
        @Option(help: "Only balances of at least this amount (absolute).") var minBalance: String?
        @Option(help: "positive (reply always) or negative (reply only when wrong).") var form: ConfirmationForm =
            .positive
        @Option(help: "Write one file per customer into this folder (default: standard output).") var outputDir: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            let date = parseDate(asOf, "as-of", service.clock.today(), &issues)
            var minimum: Int64 = 0
            if let minBalance {
                do { minimum = try MoneyParser.parse(minBalance, currency: .cny).minorUnits } catch {
                    issues.add("min-balance", error.description)
                }
            }
            try issues.throwIfAny()
            guard let date else { return }
            let codes = customers.map {
                $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            }
            let letters = try Confirmations.letters(
                store: store, asOf: date,
                customerCodes: codes, minBalance: minimum, form: form)
            let lang: AuditLanguage = global.isChinese ? .zh : .en
            for letter in letters {
                let text = Confirmations.render(letter, language: lang)
                if let outputDir {
                    try FileManager.default.createDirectory(atPath: outputDir, withIntermediateDirectories: true)
                    let path = "\(outputDir)/confirm-\(letter.customer.code)-\(date).txt"
                    try AuditCheckCommand.write(text, to: path)
                    print(path)
                } else {
                    print(text + "\u{0C}")
                }
            }
            try service.run(
                RecordConfirmationSent(
                    asOf: date,
                    letters: letters.map {
                        .init(
                            customerCode: $0.customer.code, currency: $0.currency, balance: $0.balance,
                            form: $0.form.rawValue)
                    }))
            FileHandle.standardError.write(
                Data(lang.t("\(counted(letters.count, "letter")) as of \(date)\n",
                            "截至 \(date) 共 \(letters.count) 封询证函\n").utf8))
        }
    }

    struct Reply: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a customer's reply: --agreed or --difference AMOUNT --note TEXT.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Customer code.") var customer: String
        @Flag(help: "The customer confirms the balance (数据证明无误).") var agreed = false
        @Option(help: "The customer's figure minus ours (数据不符).") var difference: String?
        @Option(help: "The customer's explanation.") var note = ""
        @Option(help: "As-of date of the letter (default: the latest round).") var asOf: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            var issues = IssueCollector()
            issues.check(agreed != (difference != nil), "agreed", "give either --agreed or --difference")
            var date = parseDate(asOf, "as-of", service.clock.today(), &issues)
            if date == nil {
                date =
                    ConfirmationSummary.from(log: try store.auditLog(filter: AuditLogFilter(command: "audit.confirm")))
                    .asOf
                if date == nil { issues.add("as-of", "no confirmation letters have been recorded") }
            }
            let currency = try store.customer(code: customer)?.currency ?? .cny
            var amount: Money?
            if let difference {
                do { amount = try MoneyParser.parse(difference, currency: currency) } catch {
                    issues.add("difference", error.description)
                }
            }
            try issues.throwIfAny()
            guard let date else { return }
            print(
                try service.run(
                    RecordConfirmationReply(
                        customerCode: customer, asOf: date, agreed: agreed,
                        difference: amount, note: note)))
        }
    }

    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sent, replied, agreed, differences and no reply.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "As-of date of the round (default: the latest).") var asOf: String?

        func run() throws {
            let (store, service) = try global.openLedger()
            let date = try parseDate(asOf, "as-of", service.clock.today())
            let summary = ConfirmationSummary.from(
                log: try store.auditLog(filter: AuditLogFilter(command: "audit.confirm")), asOf: date)
            var details: [String: ConfirmationLetter] = [:]
            if let round = summary.asOf {
                let codes = summary.rows.filter {
                    if case .difference? = $0.reply { return true } else { return false }
                }.map(\.customerCode)
                if !codes.isEmpty {
                    for letter in try Confirmations.letters(
                        store: store, asOf: round,
                        customerCodes: codes, minBalance: 0, form: .positive)
                    {
                        details[letter.customer.code] = letter
                    }
                }
            }
            print(summary.render(global.isChinese ? .zh : .en, details: details), terminator: "")
        }
    }
}

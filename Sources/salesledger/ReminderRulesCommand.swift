import ArgumentParser
import LedgerCore
import LedgerReports
import SalesLedgerApp

/// `reminder-rules show|set`: the dunning schedule (催款规则) — reminders before and on the due date, every N
/// days
/// while overdue, and the escalation days of second notice, final notice and stop further credit; per customer
/// class if wanted. Setting needs the manager or admin role and is audited.
struct ReminderRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reminder-rules",
                                                    abstract: "Show or set the reminder (dunning) rules.",
                                                    subcommands: [Show.self, Set.self])

    static func describe(_ p: ReminderPolicy, _ words: Strings?) -> [String] {
        [p.daysBeforeDue.map(String.init).joined(separator: ","),
         words?.yesNo(p.onDueDate) ?? (p.onDueDate ? "yes" : "no"),
         String(p.overdueEveryDays),
         String(p.secondNoticeFromDays), String(p.finalNoticeFromDays), String(p.stopCreditFromDays)]
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the rules in force.")
        @OptionGroup var global: GlobalOptions
        @Option var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openExistingLedger()
            let rules = try store.storedReminderRules()
            let words = global.words(format)
            let standard = words.map { $0.language == .zh ? "（标准）" : "(standard)" } ?? "(standard)"
            var rows = [[standard] + ReminderRulesCommand.describe(rules.standardPolicy, words)]
            for (cls, policy) in rules.byCustomerClass.sorted(by: { $0.key < $1.key }) {
                rows.append([cls] + ReminderRulesCommand.describe(policy, words))
            }
            printReport(listTable("reminder-rules",
                                  [("class", .text), ("days_before_due", .text), ("on_due_date", .text),
                                                     ("every_days_overdue", .number), ("second_notice_from", .number),
                                                     ("final_notice_from", .number), ("stop_credit_from", .number)],
                                  rows.map { $0.map { ReportCell.text($0) } }), format)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the standard rules, or those of one customer "
                                                                  + "class (--class).")
        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("class"),
                help: "Customer class the rules apply to (default: the standard rules).") var customerClass: String?
        @Option(help: "Days before the due date, e.g. 7,3 (empty for none).") var before: String?
        @Option(help: "Remind on the due date: yes or no.") var onDue: String?
        @Option(help: "While overdue, remind every N days.") var every: Int?
        @Option(help: "Second notice from N days overdue.") var second: Int?
        @Option(help: "Final notice from N days overdue.") var final: Int?
        @Option(help: "Stop further credit from N days overdue (credit control holds new invoices).") var stop: Int?
        @Flag(help: "Remove the rules of --class (it then uses the standard rules).") var remove = false

        func run() throws {
            let (store, service) = try global.openLedger()
            var rules = try store.storedReminderRules()
            if remove {
                guard let customerClass else { throw ValidationError("--remove needs --class") }
                rules.byCustomerClass[customerClass] = nil
            } else {
                var policy = customerClass.flatMap { rules.byCustomerClass[$0] } ?? rules.standardPolicy
                var issues = IssueCollector()
                if let before {
                    let parts = before.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                    if parts.contains(where: { $0 == nil }) { issues.add("before",
                                                                         "'\(before)' is not a list of day counts such "
                                                                         + "as 7,3") }
                    policy.daysBeforeDue = parts.compactMap { $0 }.sorted(by: >)
                }
                if let onDue {
                    switch onDue.lowercased() {
                    case "yes", "true", "1": policy.onDueDate = true
                    case "no", "false", "0": policy.onDueDate = false
                    default: issues.add("onDue", "must be yes or no")
                    }
                }
                if let every { policy.overdueEveryDays = every }
                if let second { policy.secondNoticeFromDays = second }
                if let final { policy.finalNoticeFromDays = final }
                if let stop { policy.stopCreditFromDays = stop }
                try issues.throwIfAny()
                if let customerClass {
                    rules.byCustomerClass[customerClass] = policy
                } else {
                    rules.standardPolicy = policy
                }
            }
            try service.run(SetReminderRules(rules))
            print("reminder rules saved" + (customerClass.map { " for class \($0)" } ?? ""))
        }
    }
}

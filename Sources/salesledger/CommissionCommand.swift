import ArgumentParser
import LedgerCore
import LedgerReports

/// `commission set|rules`: commission rules (业务员提成), manager only; a rate change is a new rule with a start.
struct CommissionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commission",
                                                    abstract: "Commission rules (业务员提成).",
                                                    subcommands: [Set.self, Rules.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a rule (manager). A rate change is a new rule starting today or later; it never applies "
                      + "backwards.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Salesperson code (default: everyone).") var salesperson = ""
        @Option(name: .customLong("class"), help: "Customer class (default: every class).") var customerClass = ""
        @Option(help: "net-sales or collections") var basis: String
        @Option(help: "Rate in percent, e.g. 3 or 2.5.") var rate: String
        @Option(help: "collections: count receipts dated at most N days after the due date.") var withinDays: Int?
        @Option(help: "First day the rule applies (default today).") var start: String?

        func run() throws {
            let (_, service) = try global.openLedger()
            let today = service.clock.today()
            let rule = try TradeCLI.run(chinese: global.isChinese) {
                var issues = IssueCollector()
                let parsedBasis = CommissionBasis(rawValue: basis.replacingOccurrences(of: "-", with: "_"))
                if parsedBasis == nil { issues.add("basis", "'\(basis)' is not net-sales or collections") }
                var parsedRate = Rate.zero
                do { parsedRate = try Rate.parsePercent(rate) } catch { issues.add("rate", String(describing: error)) }
                let startDate = parseDate(start, "start", today, &issues) ?? today
                try issues.throwIfAny()
                return try service.run(SetCommissionRule(CommissionRule(
                    salesperson: salesperson, customerClass: customerClass, basis: parsedBasis ?? .netSales,
                    rate: parsedRate, withinDays: withinDays, start: startDate)))
            }
            print("commission rule #\(rule.id): \(rule.salesperson.isEmpty ? "*" : rule.salesperson) "
                                                                               + "\(rule.basis.rawValue) \(rule.rate) "
                                                                                 + "from \(rule.start)")
        }
    }

    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List commission rules.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "table, csv or json") var format: OutputFormat = .table
        func run() throws {
            let (store, _) = try global.openLedger()
            let rows = try store.commissionRules().map { r -> [ReportCell] in
                [.count(Int(r.id)), .text(r.salesperson.isEmpty ? "*" : r.salesperson),
                 .text(r.customerClass.isEmpty ? "*" : r.customerClass),
                 .text(r.basis.rawValue), .text(r.rate.description), r.withinDays.map(ReportCell.count) ?? .empty,
                 .date(r.start)]
            }
            printReport(listTable("commission-rules",
                                  [("id", .count), ("salesperson", .text), ("class", .text), ("basis", .text),
                                                       ("rate", .text), ("within_days", .count), ("start", .date)],
                                                       rows), format)
        }
    }
}

/// `report commission --month YYYY-MM`: commission per salesperson and rule for a month.
struct CommissionReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "commission",
                                                    abstract: "Commission (业务员提成) per salesperson and rule "
                                                              + "for a month.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Month, e.g. 2026-03 (default this month).") var month: String?
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openLedger()
        let today = service.clock.today()
        var first = today.startOfMonth
        if let month {
            guard let date = CivilDate(iso: month + "-01") else {
                throw LedgerError.validation([FieldIssue("month", "'\(month)' is not a month such as 2026-03")])
            }
            first = date
        }
        if format == .table { print("Commission \(first) … \(first.adding(months: 1).adding(days: -1))") }
        printReport(try Reports(store: store).commission(month: first), format)
    }
}

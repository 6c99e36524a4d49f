import ArgumentParser
import Classification
import LedgerCore
import LedgerReports
import LedgerStore

/// `salesledger class run abc|rfm|risk|scheduled`.
struct ClassRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a classification rule now (abc, rfm, risk) or the daily schedule.",
        discussion: "ABC: A = top records up to --a of revenue (default 80 %), B the next --b (15 %), C the rest. RFM: "
                    + "quintile scores → segments. Risk: average days late and share paid late over --months. "
                      + "Classes set by hand are kept unless --overwrite-manual.")

    enum Rule: String, ExpressibleByArgument, CaseIterable { case abc, rfm, risk, scheduled }
    enum Target: String, ExpressibleByArgument, CaseIterable { case customers, products }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "abc, rfm, risk or scheduled") var rule: Rule
    @Option(help: "ABC: customers or products.") var of: Target = .customers
    @Option(help: "ABC period start (default: --months before --as-of).") var from: String?
    @Option(help: "ABC period end / as-of date of RFM and risk (default today).") var asOf: String?
    @Option(help: "Look-back in months.") var months = 12
    @Option(help: "ABC: A share in percent.") var a = 80
    @Option(help: "ABC: B share in percent.") var b = 15
    @Flag(help: "Also replace classes set by hand.") var overwriteManual = false

    func run() throws {
        let (_, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let end = parseDate(asOf, "asOf", today, &issues) ?? today
        let start = parseDate(from, "from", today, &issues) ?? end.adding(months: -months).adding(days: 1)
        issues.check(months > 0 && months <= 600, "months", "must be 1…600")
        try issues.throwIfAny()
        let rules = ClassificationRules(service: service, scheduledMonths: months)
        switch rule {
        case .abc:
            let t = ABCThresholds(aShareBP: a * 100, bShareBP: b * 100)
            let outcome = of == .customers
                ? try rules.runCustomerABC(from: start, to: end, thresholds: t, overwriteManual: overwriteManual)
                : try rules.runProductABC(from: start, to: end, thresholds: t, overwriteManual: overwriteManual)
            print("\(outcome) (\(start) … \(end))")
        case .rfm: print(try rules.runRFM(asOf: end, months: months, overwriteManual: overwriteManual))
        case .risk: print(try rules.runPaymentRisk(asOf: end, months: months, overwriteManual: overwriteManual))
        case .scheduled:
            let outcomes = try rules.runScheduledRulesIfDue(today: end)
            print(outcomes.isEmpty ? "already run on \(end)" : outcomes.map(\.description).joined(separator: "\n"))
        }
    }
}

/// `salesledger class find customers|products|invoices|open --class region=CN-33 --search 杭州`.
struct ClassFindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find", abstract: "List records by classes (a class includes its sub-classes) and search.")
    enum ListKind: String, ExpressibleByArgument, CaseIterable { case customers, products, invoices, open }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "customers, products, invoices or open (receivables)") var list: ListKind
    @Option(name: .customLong("class"),
            help: "dimension=code[|code…]; repeat to combine (AND).") var classes: [String] = []
    @Option(help: "Search text (code, name, pinyin).") var search: String?
    @Option(help: "Documents: posting (class at posting) or current.") var basis: ClassBasis = .atPosting
    @Option(help: "As-of date of balances (default today).") var asOf: String?
    @Option(help: "Maximum rows.") var limit = 200
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        let date = try parseDate(asOf, "asOf", service.clock.today()) ?? service.clock.today()
        let filter = try ClassFilter.parse(terms: classes, basis: basis, search: search)
        let page = PageRequest(limit: limit)
        let table: ReportTable
        switch list {
        case .customers:
            table = listTable("customers", [("code", .text), ("name", .text), ("class", .text), ("region", .text),
                                            ("channel", .text), ("balance", .money), ("overdue", .money)],
                              try store.classifiedCustomers(filter: filter, asOf: date, page: page).map {
                                  [.text($0.code), .text($0.name), .text($0.customerClass), .text($0.region),
                                   .text($0.channel),
                                   .amount($0.balance, $0.currency), .amount($0.overdue, $0.currency)]
                              })
        case .products:
            table = listTable("products", [("sku", .text), ("name", .text), ("category", .text), ("price", .money)],
                              try store.classifiedProducts(filter: filter, page: page).map {
                                  [.text($0.sku), .text($0.name), .text($0.category), .money($0.unitPrice)]
                              })
        case .invoices:
            table = listTable("invoices", [("number", .text), ("date", .date), ("customer", .text), ("total", .money),
                                           ("open", .money)],
                              try store.classifiedInvoices(filter: filter, invoiceFilter: InvoiceFilter(),
                                                           page: page).map {
                                  [.text($0.number), .date($0.date), .text($0.customerCode), .money($0.total),
                                   .amount($0.open, $0.total.currency)]
                              })
        case .open:
            table = listTable("open", [("number", .text), ("due", .date), ("customer", .text), ("region", .text),
                                       ("open", .money)],
                              try store.classifiedOpenItems(filter: filter, asOf: date).prefix(limit).map {
                                  [.text($0.number), .date($0.dueDate), .text($0.customerCode), .text($0.region),
                                   .amount($0.open, $0.currency)]
                              })
        }
        printReport(table, format)
    }
}

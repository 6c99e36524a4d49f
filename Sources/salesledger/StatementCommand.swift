import Foundation
import ArgumentParser
import LedgerCore
import LedgerReports
import LedgerInterop

/// Output format of a statement.
enum StatementFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

/// `statement CUSTOMER --from D --to D [--lang zh] [--format text|csv]`: the customer statement (对账单).
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Customer statement (对账单) for a period, with aging at the end.",
        discussion: "Opening balance, invoices, credit notes, receipts, write-offs, closing balance; English or "
                    + "Chinese (--lang zh).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer code.") var customer: String
    @OptionGroup var period: PeriodOptions
    @Option(help: "text or csv") var format: StatementFormat = .text

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let found = try store.customer(code: customer)
        if found == nil { issues.add("customer", "unknown customer code \(customer)") }
        try issues.throwIfAny()
        // The statement's one default period (`ReportDefaults`), the customer screen's: the year to today.
        let (fromDate, toDate) = try period.dates(today: today, defaultFrom: ReportDefaults.periodStart(endingOn:))
        guard found != nil,
              let statement = try Reports(store: store).statement(customerCode: customer, from: fromDate,
                                                                  to: toDate) else { return }
        let words = StatementWords(chinese: global.isChinese)
        guard format == .csv else { return print(StatementText.text(statement, words), terminator: "") }
        // The byte-order mark is written as is (the terminal-safe `print` would show it as an escape).
        FileHandle.standardOutput.write(Data("\u{FEFF}".utf8))
        print(String(StatementText.csv(statement, words).dropFirst()), terminator: "")
    }
}

/// Renders a statement as aligned text or as CSV.
enum StatementText {
    static func amount(_ minor: Int64, _ s: CustomerStatement) -> String {
        Money.format(minor, digits: s.currency.minorDigits, grouping: false)
    }

    static func text(_ s: CustomerStatement, _ w: StatementWords) -> String {
        var out = "\(w.title)\n\(w.customer): \(s.customerName) (\(s.customerCode))\n"
        out += "\(w.period): \(s.from) … \(s.to)    \(w.currency): \(s.currency.code)\n\n"
        out += ReportRenderer.text(StatementTable.make(s, w), chinese: w.chinese)
        out += "\n" + StatementTable.activityFigures(s, w).map { "\($0.label) \(amount($0.amount, s))" }
            .joined(separator: "   ") + "\n\n"
        out += "\(w.aging) (\(s.to))\n"
        out += ReportRenderer.text(StatementTable.aging(s, w))
        out += "\(w.overdue): \(amount(s.overdue, s))\n"
        return out
    }

    /// The statement's CSV: BOM, header block (customer, period, currency, opening balance), the table.
    static func csv(_ s: CustomerStatement, _ w: StatementWords) -> String { StatementTable.csv(s, w) }
}

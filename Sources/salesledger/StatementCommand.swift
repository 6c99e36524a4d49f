import ArgumentParser
import LedgerCore
import LedgerInterop

/// Output format of a statement.
enum StatementFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv
}

/// `statement CUSTOMER --from D --to D [--lang zh] [--format text|csv]`: the customer statement (对账单).
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Customer statement (对账单) for a period, with aging at the end.",
        discussion: "Opening balance, invoices, credit notes, receipts, write-offs, closing balance; English or Chinese (--lang zh).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer code.") var customer: String
    @Option(help: "First day of the period.") var from: String
    @Option(help: "Last day of the period (default today).") var to: String?
    @Option(help: "text or csv") var format: StatementFormat = .text

    func run() throws {
        let (store, service) = try global.openLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues) ?? today
        let found = try store.customer(code: customer)
        if found == nil { issues.add("customer", "unknown customer code \(customer)") }
        if let fromDate, fromDate > toDate { issues.add("from", "\(fromDate) is after the end date \(toDate)") }
        try issues.throwIfAny()
        guard let found, let fromDate else { return }
        let statement = CustomerStatement.make(customer: found, from: fromDate, to: toDate,
                                               snapshot: try store.receivablesSnapshot(customerID: found.id))
        let words = StatementWords(chinese: global.isChinese)
        print(format == .csv ? StatementText.csv(statement, words) : StatementText.text(statement, words), terminator: "")
    }
}

/// Renders a statement as aligned text or as CSV.
enum StatementText {
    static func amount(_ minor: Int64, _ s: CustomerStatement) -> String {
        Money.format(minor, digits: s.currency.minorDigits, grouping: false)
    }

    static func lineRows(_ s: CustomerStatement, _ w: StatementWords) -> [[String]] {
        var rows = [["", "", w.openingBalance, "", "", "", "", amount(s.openingBalance, s)]]
        for line in s.lines {
            rows.append([line.date.description, line.number, line.kind.displayName(chinese: w.chinese),
                         line.dueDate?.description ?? "", line.reference,
                         line.debit == 0 ? "" : amount(line.debit, s), line.credit == 0 ? "" : amount(line.credit, s),
                         amount(line.balance, s)])
        }
        rows.append(["", "", w.closingBalance, "", "", amount(s.invoiced, s), amount(s.credited + s.received + s.writtenOff, s),
                     amount(s.closingBalance, s)])
        return rows
    }

    static func header(_ w: StatementWords) -> [String] {
        [w.date, w.document, w.type, w.dueDate, w.reference, w.debit, w.credit, w.balance]
    }

    static func text(_ s: CustomerStatement, _ w: StatementWords) -> String {
        var out = "\(w.title)\n\(w.customer): \(s.customerName) (\(s.customerCode))\n"
        out += "\(w.period): \(s.from) … \(s.to)    \(w.currency): \(s.currency.code)\n\n"
        let kinds: [TabularOutput.Kind] = [.text, .text, .text, .text, .text, .amount, .amount, .amount]
        let table = TabularOutput(columns: Array(zip(header(w), kinds)).map { ($0.0, $0.1) }, rows: lineRows(s, w))
        out += table.render(.table)
        out += "\n\(w.invoiced) \(amount(s.invoiced, s))   \(w.credited) \(amount(s.credited, s))   "
        out += "\(w.received) \(amount(s.received, s))   \(w.writtenOff) \(amount(s.writtenOff, s))\n\n"
        out += "\(w.aging) (\(s.to))\n"
        var agingRows = s.aging.map { [w.bucket($0.label), amount($0.amount, s), String($0.count)] }
        agingRows.append([w.unappliedCredit, amount(-s.unappliedCredit, s), ""])
        out += TabularOutput(columns: [(w.aging, .text), (w.balance, .amount), ("#", .integer)], rows: agingRows,
                             totalRow: [w.closingBalance, amount(s.closingBalance, s), ""]).render(.table)
        out += "\(w.overdue): \(amount(s.overdue, s))\n"
        return out
    }

    /// One CSV table: a `section` column (opening, line, closing, aging, unapplied) then the line columns.
    static func csv(_ s: CustomerStatement, _ w: StatementWords) -> String {
        let sections = ["opening"] + s.lines.map { _ in "line" } + ["closing"]
        var rows = zip(sections, lineRows(s, w)).map { [$0.0] + $0.1 }
        for bucket in s.aging {
            rows.append(["aging", s.to.description, "", w.bucket(bucket.label), "", String(bucket.count), "", "", amount(bucket.amount, s)])
        }
        rows.append(["unapplied", s.to.description, "", w.unappliedCredit, "", "", "", "", amount(-s.unappliedCredit, s)])
        return CSVOutput.render(header: ["section"] + header(w), rows: rows)
    }
}

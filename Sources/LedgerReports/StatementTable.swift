import LedgerCore
import LedgerInterop

/// The customer statement (对账单) in its one shape, on screen, in text and in CSV: date, document, type, due
/// date, reference, debit, credit, running balance; an opening-balance row first and a closing row last (debit =
/// invoiced, credit = credit notes + receipts + write-offs of the period). No total rule: the balance runs.
public enum StatementTable {
    public static func make(_ s: CustomerStatement, _ w: StatementWords) -> ReportTable {
        func money(_ minor: Int64) -> ReportCell { .amount(minor, s.currency) }
        func optional(_ minor: Int64) -> ReportCell { minor == 0 ? .empty : money(minor) }
        var rows: [[ReportCell]] = [[.empty, .empty, .text(w.openingBalance), .empty, .empty, .empty, .empty,
                                     money(s.openingBalance)]]
        for line in s.lines {
            rows.append([.date(line.date), .text(line.number), .text(line.kind.displayName(chinese: w.chinese)),
                         line.dueDate.map(ReportCell.date) ?? .empty, .text(line.reference),
                         optional(line.debit), optional(line.credit), money(line.balance)])
        }
        rows.append([.empty, .empty, .text(w.closingBalance), .empty, .empty, money(s.invoiced),
                     money(s.credited + s.received + s.writtenOff), money(s.closingBalance)])
        return ReportTable(
            name: "statement",
            columns: [ReportColumn("date", .date, en: w.date, zh: w.date),
                      ReportColumn("document", .text, en: w.document, zh: w.document),
                      ReportColumn("type", .text, en: w.type, zh: w.type),
                      ReportColumn("due_date", .date, en: w.dueDate, zh: w.dueDate),
                      ReportColumn("reference", .text, en: w.reference, zh: w.reference),
                      ReportColumn("debit", .money, en: w.debit, zh: w.debit),
                      ReportColumn("credit", .money, en: w.credit, zh: w.credit),
                      ReportColumn("balance", .money, en: w.balance, zh: w.balance)],
            rows: rows, totalRule: .none)
    }

    /// The statement's activity of the period, in the one order the CLI and the screen show: invoiced, credited,
    /// received, written off (label in the statement's language, minor units of the statement's currency).
    public static func activityFigures(_ s: CustomerStatement, _ w: StatementWords)
        -> [(label: String, amount: Int64)] {
        [(w.invoiced, s.invoiced), (w.credited, s.credited), (w.received, s.received), (w.writtenOff, s.writtenOff)]
    }

    /// The statement's aging as of its end, in the one order and sign the CLI and the screen show: one figure per
    /// bucket (label in the statement's language, open amount in minor units, invoice count), then the unapplied
    /// credit as shown (`UnappliedCreditSign`: negative, count nil).
    public static func agingFigures(_ s: CustomerStatement, _ w: StatementWords)
        -> [(label: String, amount: Int64, count: Int?)] {
        s.aging.map { (w.bucket($0.label), $0.amount, $0.count) } + [(w.unappliedCredit, s.unappliedCreditShown, nil)]
    }

    /// `agingFigures` as a table (bucket, balance, count) whose total row is the closing balance.
    public static func aging(_ s: CustomerStatement, _ w: StatementWords) -> ReportTable {
        let rows: [[ReportCell]] = agingFigures(s, w).map { figure in
            [.text(figure.label), .amount(figure.amount, s.currency), figure.count.map(ReportCell.count) ?? .empty]
        }
        return ReportTable(name: "statement-aging",
                           columns: [ReportColumn(w.aging, .text), ReportColumn(w.balance, .money),
                                     ReportColumn("#", .count)],
                           rows: rows,
                           totalRule: .given([[.text(w.closingBalance), .amount(s.closingBalance, s.currency),
                                               .empty]]))
    }

    /// The statement as CSV for Excel: a UTF-8 byte-order mark (so Excel on Chinese Windows reads UTF-8), a header
    /// block (customer, period, currency, opening balance), a blank line, then the table with its column names in
    /// the statement's language. Plain numbers.
    public static func csv(_ s: CustomerStatement, _ w: StatementWords) -> String {
        let table = make(s, w)
        let opening = ReportRenderer.plain(.amount(s.openingBalance, s.currency))
        let header = [[w.customer, s.customerCode, s.customerName], [w.period, s.from.description, s.to.description],
                      [w.currency, s.currency.code], [w.openingBalance, opening]]
        let style = CSVStyle.safe
        var lines = header.map { CSVOutput.line($0, style: style) }
        lines.append("")
        lines.append(CSVOutput.line(table.columns.map { $0.title(chinese: w.chinese) }, style: style))
        lines += table.rows.map { CSVOutput.line($0.map(ReportRenderer.plain), style: style) }
        return "\u{FEFF}" + PracticeWatermark.mark(lines.joined(separator: "\n") + "\n")
    }
}

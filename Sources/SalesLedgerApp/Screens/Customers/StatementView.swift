import Foundation
import LedgerCore
import LedgerReports
import TerminalUI

/// A customer's statement (对账单) for a period on screen: opening balance, invoices, credit notes, receipts
/// and write-offs with the running balance, closing balance and aging at the end. `p` changes the period,
/// `x` exports it to CSV.
struct StatementView {
    var statement: CustomerStatement
    var periodIndex = 0
    var state = TableState()

    init?(customer: Customer, context: AppContext, periodIndex: Int = 0) {
        let (from, to) = StatementView.period(periodIndex, today: context.today)
        guard let snapshot = context.read({ try context.store.receivablesSnapshot(customerID: customer.id) }) else { return nil }
        statement = CustomerStatement.make(customer: customer, from: from, to: to, snapshot: snapshot)
        self.periodIndex = periodIndex
    }

    /// This year, last 12 months, this month.
    static func period(_ index: Int, today: CivilDate) -> (CivilDate, CivilDate) {
        switch index {
        case 1: return (today.startOfMonth.adding(months: -11), today)
        case 2: return (today.startOfMonth, today)
        default: return (CivilDate(year: today.year, month: 1, day: 1)!, today)
        }
    }

    /// The statement in its one shape (`StatementTable`): the CLI's columns and rows.
    func table(_ words: StatementWords) -> ReportTable { StatementTable.make(statement, words) }

    /// Writes `salesledger-statement-<code>-<to>.csv` in the working directory: the CLI's statement CSV (BOM,
    /// header block with customer, period and opening balance, then the table).
    func export(context: AppContext) -> ScreenOutcome {
        let csv = StatementTable.csv(statement, StatementWords(chinese: context.strings.zh))
        let path = FileManager.default.currentDirectoryPath + "/salesledger-statement-\(statement.customerCode)-\(statement.to).csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(csv.utf8), attributes: [.posixPermissions: 0o600]) else {
            return .error(context.strings.t("cannot write \(path)", "无法写入 \(path)"))
        }
        return .message("\(context.strings.exported) \(path)")
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let w = StatementWords(chinese: context.strings.zh)
        let s = statement
        buffer.setFitted("\(w.title): \(s.customerName) (\(s.customerCode))   \(w.period) \(s.from) – \(s.to)   \(w.currency) \(s.currency.code)",
                         x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.header, [.bold]))
        let agingText = s.aging.map { "\(w.bucket($0.label)) \(context.money($0.amount, s.currency))" }.joined(separator: "  ")
        buffer.setFitted("\(w.aging): \(agingText)  \(w.unappliedCredit) \(context.money(s.unappliedCredit, s.currency))",
                         x: area.x + 1, y: area.maxY - 1, width: area.width - 2, style: Style(.muted))
        var st = state
        ReportTableView(table: table(w)).render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width,
                                                                       height: max(0, area.height - 2)),
                                                 state: &st, chinese: w.chinese)
    }
}

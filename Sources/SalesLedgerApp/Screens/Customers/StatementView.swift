import Foundation
import LedgerCore
import LedgerInterop
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
        guard let snapshot = try? context.store.receivablesSnapshot(customerID: customer.id) else { return nil }
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

    func rows(_ words: StatementWords) -> [[String]] {
        let s = statement
        func amount(_ minor: Int64) -> String { Money.format(minor, digits: s.currency.minorDigits, grouping: true) }
        var rows = [["", "", words.openingBalance, "", "", amount(s.openingBalance)]]
        for line in s.lines {
            rows.append([line.date.description, line.number, line.kind.displayName(chinese: words.chinese),
                         line.debit == 0 ? "" : amount(line.debit), line.credit == 0 ? "" : amount(line.credit), amount(line.balance)])
        }
        rows.append(["", "", words.closingBalance, amount(s.invoiced), amount(s.credited + s.received + s.writtenOff), amount(s.closingBalance)])
        return rows
    }

    func header(_ w: StatementWords) -> [String] { [w.date, w.document, w.type, w.debit, w.credit, w.balance] }

    /// Writes `salesledger-statement-<code>-<to>.csv` in the working directory (plain numbers).
    func export(context: AppContext) -> ScreenOutcome {
        let w = StatementWords(chinese: context.strings.zh)
        let plain = rows(w).map { $0.map { $0.replacingOccurrences(of: ",", with: "") } }
        let path = FileManager.default.currentDirectoryPath + "/salesledger-statement-\(statement.customerCode)-\(statement.to).csv"
        guard FileManager.default.createFile(atPath: path, contents: Data(CSVOutput.render(header: header(w), rows: plain).utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            return .error(context.strings.t("cannot write \(path)", "无法写入 \(path)"))
        }
        return .message("\(context.strings.exported) \(path)")
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let w = StatementWords(chinese: context.strings.zh)
        let s = statement
        buffer.setFitted(PartsLine.fit(["\(w.title): \(s.customerName) (\(s.customerCode))", "\(w.period) \(s.from) – \(s.to)",
                                        "\(w.currency) \(s.currency.code)"], width: area.width - 2),
                         x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.header, [.bold]))
        let agingParts = s.aging.map { "\(w.bucket($0.label)) \(context.money($0.amount, s.currency))" }
        buffer.setFitted(PartsLine.fit(["\(w.aging):"] + agingParts
                                       + ["\(w.unappliedCredit) \(context.money(s.unappliedCredit, s.currency))"],
                                       width: area.width - 2, separator: "  "),
                         x: area.x + 1, y: area.maxY - 1, width: area.width - 2, style: Style(.muted))
        var st = state
        TableView(columns: [TableColumn(w.date, width: .fixed(10)), TableColumn(w.document, width: .fixed(15)),
                            TableColumn(w.type, width: .flexible(weight: 1, minimum: 8)),
                            TableColumn(w.debit, width: .fixed(14), alignment: .right),
                            TableColumn(w.credit, width: .fixed(14), alignment: .right),
                            TableColumn(w.balance, width: .fixed(14), alignment: .right)])
            .render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 2)),
                    source: ArrayTableDataSource(rows: rows(w)), state: &st)
    }
}

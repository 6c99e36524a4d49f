import Foundation
import LedgerCore
import LedgerReports
import TerminalUI

/// A customer's statement (对账单) for a period on screen: opening balance, invoices, credit notes, receipts
/// and write-offs with the running balance, closing balance and aging at the end. `p` changes the period,
/// `x` exports it to CSV.
struct StatementView {
    let customer: Customer
    var statement: CustomerStatement
    var periodIndex = 0
    var state = TableState()
    /// A custom range (`r`): shown instead of the standard period's name; nil for a standard period.
    var customRange: ReportPeriod?

    /// `periodIndex` into `ReportPeriod.standard` (本月, 上月, 本季, 本年, 近12个月); default the statement's one
    /// default period (`ReportDefaults`, `statement`'s without `--from`: the year to today).
    init?(customer: Customer, context: AppContext, periodIndex: Int? = nil, custom: ReportPeriod? = nil) {
        let periods = ReportPeriod.standard(today: context.today)
        let standard = ReportDefaults.period(today: context.today)
        let periodIndex = periodIndex ?? periods.firstIndex { $0.from == standard.from && $0.to == standard.to } ?? 0
        let (from, to) = custom.map { ($0.from, $0.to) } ?? StatementView.period(periodIndex, today: context.today)
        customRange = custom
        self.customer = customer
        guard let snapshot = context.read({ try context.store.receivablesSnapshot(customerID: customer.id) }) else {
            return nil
        }
        statement = CustomerStatement.make(customer: customer, from: from, to: to, snapshot: snapshot)
        self.periodIndex = periodIndex
    }

    /// The range of `ReportPeriod.standard(today:)[index]` (same ranges offered once).
    static func period(_ index: Int, today: CivilDate) -> (CivilDate, CivilDate) {
        let periods = ReportPeriod.standard(today: today)
        let period = periods[min(max(0, index), periods.count - 1)]
        return (period.from, period.to)
    }

    /// The period's name in the UI language (本月, 上月, …).
    func periodName(today: CivilDate, chinese: Bool) -> String {
        if customRange != nil { return chinese ? "自定义" : "Custom" }
        let periods = ReportPeriod.standard(today: today)
        return periods.indices.contains(periodIndex) ? periods[periodIndex].name(chinese: chinese) : ""
    }

    /// The statement in its one shape (`StatementTable`): the CLI's columns and rows.
    func table(_ words: StatementWords) -> ReportTable { StatementTable.make(statement, words) }

    /// Asks where to write the CLI's statement CSV (BOM, header block with customer, period and opening balance,
    /// then the table): `salesledger-statement-<code>-<to>.csv` in the output folder offered (`ExportPrompt`).
    func export(context: AppContext) -> PromptModal<CustomersScreen> {
        ExportPrompt.modal(StatementTable.csv(statement, StatementWords(chinese: context.strings.zh)),
                           name: "statement-\(statement.customerCode)-\(statement.to).csv", context: context)
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext) {
        let w = StatementWords(chinese: context.strings.zh)
        let s = statement
        // Below 100 columns the heading leaves room at its right end for the table's "+N columns" marker (drawn
        // above the table, so the amounts keep the table's whole width).
        let marker = area.width < 100 ? 12 : 0
        buffer.setFitted(PartsLine.fit(["\(w.title): \(s.customerName) (\(s.customerCode))",
                                        "\(w.period) \(periodName(today: context.today, chinese: w.chinese)) "
                                            + "\(s.from) – \(s.to)",
                                        "\(w.currency) \(s.currency.code)"], width: area.width - 2 - marker),
                         x: area.x + 1, y: area.y, width: area.width - 2 - marker, style: Style(.header, [.bold]))
        // The CLI's aging figures, in its order and signs (the unapplied credit negative); the line wraps onto a
        // second line rather than cut a figure (80 columns).
        let agingParts = StatementTable.agingFigures(s, w).map { "\($0.label) \(context.money($0.amount, s.currency))" }
        // The CLI's activity line (s35-fix: the screen lacked it), from the same statement.
        let activity = PartsLine.wrap(StatementTable.activityFigures(s, w).map {
            "\($0.label) \(context.money($0.amount, s.currency))"
        }, width: area.width - 2, maxLines: 2, separator: "   ")
        let footer = activity + PartsLine.wrap(["\(w.aging):"] + agingParts, width: area.width - 2, maxLines: 2,
                                               separator: "  ")
        for (i, line) in footer.enumerated() {
            buffer.setFitted(line, x: area.x + 1, y: area.maxY - footer.count + i, width: area.width - 2,
                             style: Style(.muted))
        }
        var st = state
        // When the columns do not fit, the due date and the reference are left out first, so the three amounts
        // (invoiced, received, balance) stay on screen (tryout s15); the table's "+N columns" marker counts them and
        // ←/→ reach them (s35-fix: they were left out without a word); the CSV and a wide terminal keep every column.
        var view = ReportTableView(table: table(w), dropsFirst: ["due_date", "reference"], marksAbove: true)
        view.scrollsColumns = true   // ←/→ reach any column still hidden (a very narrow window)
        view.render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width,
                                            height: max(0, area.height - 1 - footer.count)),
                    state: &st, chinese: w.chinese)
    }
}

import LedgerCore
import TerminalUI

extension ReceivablesScreen {
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        if modals.coversOwner { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        let date = asOf ?? context.today
        var y = area.y
        // Totals: one line, or two where one does not hold them (80 columns).
        if let report {
            for line in Self.totalsLines(report, dso: dso, date: date, width: area.width - 2, context: context) {
                buffer.setFitted(line, x: area.x + 1, y: y, width: area.width - 2, style: Style(.header, [.bold]))
                y += 1
            }
            y -= 1
        } else {
            buffer.setFitted("\(s.asOf) \(date)   \(s.totalOpen): 0", x: area.x + 1, y: y, width: area.width - 2,
                             style: Style(.header))
        }
        y += 1
        // Aging: stacked bar plus a line per bucket with amount and count.
        let labels = s.agingLabels
        if let report, report.openTotal > 0 {
            let values = report.buckets.map(\.amount)
            let c = report.currency
            let glyphs = ChartGlyphs.forTerminal(unicode: unicode)
            StackedBarChart(segments: [], rows: [StackedBarChart.Row(s.aging, values)],
                            format: { [c] in Money.format($0, digits: c.minorDigits, grouping: true) })
                .render(into: &buffer, in: Rect(x: area.x + 1, y: y, width: area.width - 2, height: 1), glyphs: glyphs)
            y += 1
            // Legend: fill glyph in the segment's colour, bucket name, amount and count; flows onto a second row.
            var x = area.x + 1
            for (i, bucket) in report.buckets.enumerated() where i < labels.count {
                let text = "\(labels[i]) \(context.money(bucket.amount, c)) (\(bucket.count))"
                let width = DisplayWidth.of(text) + 4
                if x + width > area.maxX && x > area.x + 1 { x = area.x + 1; y += 1 }
                buffer.setSymbol(glyphs.segmentFills[i % glyphs.segmentFills.count], x: x, y: y,
                                 style: Style(StyleRole.series(index: i)))
                let role: StyleRole = i == 0 ? .ok : (i >= 3 ? .overdue : .warning)
                x += 2 + buffer.setString(text, x: x + 2, y: y, maxWidth: max(0, area.maxX - x - 2),
                                          style: Style(role)) + 2
            }
            y += 1
        } else {
            buffer.setString(s.nothingOverdue, x: area.x + 1, y: y, style: Style(.muted))
            y += 3
        }
        // The other currencies' open totals, on the free line above the list: the bar and the lists are the main
        // currency's (tryout s18: a CNY sale in a USD ledger was on no line of F5).
        let others = dashboard?.aging.filter { $0.currency != report?.currency && $0.openTotal != 0 } ?? []
        if !others.isEmpty {
            let text = others.map { "\($0.currency.code) \(context.money($0.openTotal, $0.currency))" }
            buffer.setFitted(PartsLine.fit([s.t("Other currencies:", "其他币种应收：")] + text, width: area.width - 2),
                             x: area.x + 1, y: y, width: area.width - 2, style: Style(.muted))
        }
        // Overdue invoices.
        let remindersTitle = s.reminders(on: date, today: context.today)
        let heading = showsReminders
            ? "\(remindersTitle) (\(reminders.total))   [t] \(s.overdueInvoices) (\(overdue.total))"
            : "\(s.overdueInvoices) (\(overdue.total))  —  \(sortByAmount ? s.sortByAmount : s.sortByDays)   "
                + "[t] \(remindersTitle) (\(reminders.total))"
        buffer.setFitted(heading, x: area.x + 1, y: y + 1, width: area.width - 2, style: Style(.accent, [.bold]))
        let tableArea = Rect(x: area.x, y: y + 2, width: area.width, height: max(0, area.maxY - y - 2))
        var state = table
        tableView(s, width: tableArea.width).render(into: &buffer, in: tableArea, source: shownSource, state: &state)
        return modals.render(into: &buffer, in: area, context: context, unicode: unicode)
    }

    /// The totals of `report` in `width` cells, on one line or two, of whole parts (a figure is never cut). The as-of
    /// date always stays (s34-fix3, tryout defect 6: at 80 columns it left, with DSO and the net total); where two
    /// lines do not hold every figure the least important leave first: DSO, then the net total, then overdue. The
    /// lead figure is always the one the aging bar below sums (the open invoices), under the same label at every
    /// width: "Total open" when there are no unapplied credits, else "Open invoices", with the unapplied credits and
    /// the net total (open − unapplied) after it.
    static func totalsLines(_ report: AgingReport, dso: DSOFigure?, date: CivilDate, width: Int,
                            context: AppContext) -> [String] {
        let s = context.strings, c = report.currency
        // Grouped like every figure on screen (tryout s30: "DSO 90d 28344.3"); the CLI's CSV keeps `text`.
        let dsoText = dso?.tenths.map { Money.format($0, digits: 1, grouping: true) } ?? "–"
        let credits = report.unappliedCredits != 0
        let lead = "\(credits ? s.openInvoicesTotal : s.totalOpen) \(context.money(report.openTotal, c))"
        let unapplied = credits ? "\(s.unappliedCredits) \(context.money(report.unappliedCreditsShown, c))" : ""
        let net = credits ? "\(s.totalOpen) \(context.money(report.netReceivable, c))" : ""
        return PartsLine.wrap(ranked: [
            ("\(s.asOf) \(date)", 0), (lead, 0),
            ("\(s.overdueTotal) \(context.money(report.overdueTotal, c))", 2), (unapplied, 1), (net, 3),
            ("\(s.dso) \(dsoText)", 4), (c != .cny ? c.code : "", 0),
        ], width: width, maxLines: 2)
    }

    /// The shown list as the table reads it (its whole length, the pages read in place).
    private var shownSource: any TableDataSource { showsReminders ? reminders.source : overdue.source }
}

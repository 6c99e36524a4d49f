import LedgerCore
import LedgerReports
import TerminalUI

/// Charts (图表): monthly sales trend with the previous year, sales by a dimension, top 10 customers, and the
/// aging distribution. Drawn from the report layer's queries (`Reports.sales`, `Reports.aging`), so the figures
/// agree to the cent.
struct ChartsScreen: KeyedScreen {
    enum Kind: Int, CaseIterable { case trend, byDimension, topCustomers, aging }
    var kind = Kind.trend
    var months = 12
    /// The customers the top-customers chart shows.
    static let topCustomers = 10
    var dimensionIndex = 0
    static let dimensions: [SalesDimension] = [.region, .channel, .category, .salesperson]
    var trend: (current: [Int64], previous: [Int64], labels: [String]) = ([], [], [])
    var bars: [ChartItem] = []
    var top: [ChartItem] = []
    var aging: AgingReport?
    var currency = Currency.cny
    /// The period the charts show (the trend's first month to today) and whether its last month is still running.
    var period: (from: CivilDate, to: CivilDate)?
    var lastMonthPartial = false

    var modals = ModalStack<ChartsScreen>()
    var isTyping: Bool { false }

    /// The charts computed since the last refresh: the trend (it picks the currency) at once, the others when
    /// shown (issue 10: entering the screen reads one chart's figures, not four).
    var loaded: Set<Kind> = []

    mutating func refresh(context: AppContext) {
        let today = context.today
        let first = today.startOfMonth.adding(months: -(months - 1))
        let previousFirst = first.adding(months: -12)
        period = (first, today)
        lastMonthPartial = today.adding(days: 1).startOfMonth == today.startOfMonth
        loaded = [.trend]
        // Every figure is `report sales`'s own (`Reports.sales`): the trend by month, the bars by a dimension.
        let reports = Reports(store: context.store)
        let monthly = ChartsScreen.totals(context.read {
            try reports.sales(by: .month, from: previousFirst, to: today)
        })
        currency = Dictionary(grouping: monthly, by: \.currency).max { $0.value.count < $1.value.count }?.key ?? .cny
        var byMonth: [String: Int64] = [:]
        for row in monthly where row.currency == currency { byMonth[row.key] = row.total }
        let keys = (0..<months).map { first.adding(months: $0).monthKey }
        trend = (keys.map { byMonth[$0] ?? 0 },
                 (0..<months).map { byMonth[first.adding(months: $0 - 12).monthKey] ?? 0 },
                 keys.map { String($0.suffix(5)) })
        bars = []
        top = []
        aging = nil
        load(kind, context: context)
    }

    /// Computes chart `which` unless computed since the last refresh.
    mutating func load(_ which: Kind, context: AppContext) {
        guard !loaded.contains(which), let (first, today) = period else { return }
        loaded.insert(which)
        let reports = Reports(store: context.store)
        switch which {
        case .trend: break
        case .byDimension:
            let dimension = ChartsScreen.dimensions[dimensionIndex]
            bars = ChartsScreen.totals(context.read { try reports.sales(by: dimension, from: first, to: today) })
                .filter { $0.currency == currency }.prefix(12)
                .map { row in
                    let name = dimension == .region ? context.className("region", row.key)
                        : dimension == .channel ? context.channelName(row.key)
                        : (row.label.isEmpty ? row.key : row.label)
                    return ChartItem(name, row.total)
                }
        case .topCustomers:
            // The ten largest customers per currency, picked in SQL (`report sales --by customer --top 10`).
            top = ChartsScreen.totals(context.read {
                try reports.sales(by: .customer, from: first, to: today, top: ChartsScreen.topCustomers)
            }).filter { $0.currency == currency }.map { ChartItem($0.label, $0.total) }
        case .aging:
            // The aging chart draws `report aging`'s own figures (one query, unapplied credits included).
            aging = (context.read { try reports.aging(asOf: today) } ?? []).first { $0.currency == currency }
        }
    }

    /// A sales table's rows as (key, label, currency, total in minor units), in the table's order (no TOTAL rows).
    static func totals(_ table: ReportTable?) -> [(key: String, label: String, currency: Currency, total: Int64)] {
        guard let table else { return [] }
        return table.rows.indices.compactMap { i in
            guard let total = table.cell(i, "total").money, case .text(let key) = table.rows[i][0] else { return nil }
            guard case .text(let label) = table.cell(i, "label") else {
                return (key, key, total.currency, total.minorUnits)
            }
            return (key, label, total.currency, total.minorUnits)
        }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        dispatch(event, context: context) ?? .none
    }

    func keyTable(_ s: Strings) -> KeyTable<ChartsScreen, ScreenOutcome> {
        func turn(_ step: Int) -> (inout ChartsScreen, AppContext) -> ScreenOutcome {
            { screen, context in
                screen.kind = Kind(rawValue: (screen.kind.rawValue + step) % Kind.allCases.count)!
                screen.load(screen.kind, context: context)
                return .none
            }
        }
        var next = KeyCommand<ChartsScreen, ScreenOutcome>([.tab, .right], s.t("Next chart", "下一图表"), run: turn(1))
        next.hintKeys = [.tab]
        return KeyTable([
            next,
            KeyCommand([.backTab, .left], s.t("Previous chart", "上一图表"), hint: false,
                       run: turn(Kind.allCases.count - 1)),
            KeyCommand(.char("p"), "12/24 \(s.months)") { screen, context in
                screen.months = screen.months == 12 ? 24 : 12
                screen.refresh(context: context)
                return .none
            },
            // The dimension is the sales-by chart's: on another chart `d` first shows that chart (it never changes
            // a chart that is not on screen), then each press picks the next dimension.
            KeyCommand(.char("d"), s.dimension) { screen, context in
                guard screen.kind == .byDimension else {
                    screen.kind = .byDimension
                    screen.load(.byDimension, context: context)
                    return .none
                }
                screen.dimensionIndex = (screen.dimensionIndex + 1) % ChartsScreen.dimensions.count
                screen.refresh(context: context)
                return .none
            },
        ])
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let glyphs = ChartGlyphs.forTerminal(unicode: unicode)
        let titles = ["\(s.monthlySales) (\(months) \(s.months))",
                      "\(s.salesBy) \(s.dimensionName(ChartsScreen.dimensions[dimensionIndex].rawValue))",
                      s.topCustomers, s.agingDistribution]
        // Every chart's tab stays on the bar (issue 12): tighter padding first, then short titles.
        let short = [s.t("Monthly", "月度"),
                     s.t("By \(s.dimensionName(ChartsScreen.dimensions[dimensionIndex].rawValue))",
                         "按\(s.dimensionName(ChartsScreen.dimensions[dimensionIndex].rawValue))"),
                     s.t("Top 10", "前十客户"), s.t("Aging", "账龄")]
        var bar = TabBar(titles: titles, selected: kind.rawValue)
        if TabBar.width(of: titles) > area.width { bar.padding = 0 }
        if TabBar.width(of: titles, padding: 0) > area.width { bar.titles = short }
        bar.render(into: &buffer, in: area.row(0))
        // Every chart states its period and unit on a line of its own, outside the plot.
        let caption: String
        if kind == .aging {
            caption = "\(s.t("As of", "截至")) \(context.today) · \(currency.code)"
        } else if let period {
            caption = "\(s.t("Period", "期间")) \(period.from) … \(period.to) · \(currency.code), "
                + "\(s.t("incl. VAT", "含税"))"
        } else {
            caption = currency.code
        }
        buffer.setString(caption, x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: Style(.muted))
        let chartArea = Rect(x: area.x + 1, y: area.y + 3, width: area.width - 2, height: max(0, area.height - 3))
        let c = currency
        let format: @Sendable (Int64) -> String = { Money.format($0, digits: c.minorDigits, grouping: true) }
        switch kind {
        case .trend:
            // Axis labels in whole units (no cents); the legend on its own row above the plot, with the markers that
            // tell the lines apart without colour.
            let unit = (0..<c.minorDigits).reduce(Int64(1)) { acc, _ in acc * 10 }
            let axis: @Sendable (Int64) -> String = { v in
                let whole = v / unit + (unit > 1 && abs(v % unit) * 2 >= unit ? (v < 0 ? -1 : 1) : 0)
                return Money.format(whole, digits: 0, grouping: true)
            }
            let markers: [Character] = unicode ? ["●", "◆"] : ["o", "x"]
            // No sales in either year: no values at all, so the chart says "no data" instead of a flat line at 0.
            let empty = trend.current.allSatisfy { $0 == 0 } && trend.previous.allSatisfy { $0 == 0 }
            let series = [LineChart.Series("\(s.thisPeriod)", empty ? [] : trend.current),
                          LineChart.Series(s.previousYear, empty ? [] : trend.previous)]
            var chart = LineChart(series: series, xLabels: trend.labels, format: axis)
            chart.markers = markers
            chart.partialMarker = unicode ? "○" : "?"
            chart.partialFrom = lastMonthPartial ? trend.current.count - 1 : nil
            chart.noDataText = s.noData
            var x = chartArea.x
            for (i, name) in [s.thisPeriod, s.previousYear].enumerated() {
                x += buffer.setString("\(markers[i])━", x: x, y: chartArea.y - 1, style: Style(.series(index: i)))
                x += buffer.setString(" \(name)   ", x: x, y: chartArea.y - 1, style: Style(.text))
            }
            if lastMonthPartial, let period {
                let note = "\(chart.partialMarker) \(s.t("month in progress, to", "本月未结束，截至")) \(period.to)"
                buffer.setString(note, x: x, y: chartArea.y - 1, maxWidth: max(0, chartArea.maxX - x),
                                 style: Style(.muted))
            }
            chart.render(into: &buffer, in: chartArea, glyphs: glyphs)
        case .byDimension:
            var chart = HorizontalBarChart(items: bars, format: format)
            chart.noDataText = s.noData
            chart.render(into: &buffer, in: chartArea, glyphs: glyphs)
        case .topCustomers:
            var chart = HorizontalBarChart(items: top, format: format)
            chart.noDataText = s.noData
            chart.render(into: &buffer, in: chartArea, glyphs: glyphs)
        case .aging:
            let values = aging?.buckets.map(\.amount) ?? Array(repeating: 0, count: 5)
            VerticalBarChart(items: zip(s.agingLabels, values).map { ChartItem($0, $1) }, format: format)
                .render(into: &buffer, in: chartArea, glyphs: glyphs)
        }
        return nil
    }
}

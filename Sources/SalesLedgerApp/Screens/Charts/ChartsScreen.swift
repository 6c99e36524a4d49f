import LedgerCore
import TerminalUI

/// Charts (图表): monthly sales trend with the previous year, sales by a dimension, top 10 customers, and the
/// aging distribution. Drawn from the same store queries as the reports, so the figures agree to the cent.
struct ChartsScreen: LedgerScreen {
    enum Kind: Int, CaseIterable { case trend, byDimension, topCustomers, aging }
    var kind = Kind.trend
    var months = 12
    var dimensionIndex = 0
    static let dimensions: [SalesDimension] = [.region, .channel, .category, .salesperson]
    var trend: (current: [Int64], previous: [Int64], labels: [String]) = ([], [], [])
    var bars: [ChartItem] = []
    var top: [ChartItem] = []
    var aging: AgingReport?
    var currency = Currency.cny

    var capturesText: Bool { false }
    var hasUnsavedChanges: Bool { false }

    mutating func refresh(context: AppContext) {
        let today = context.today
        let first = today.startOfMonth.adding(months: -(months - 1))
        let previousFirst = first.adding(months: -12)
        let rows = context.read { try context.store.salesReport(by: .month, from: previousFirst, to: today) } ?? []
        currency = Dictionary(grouping: rows, by: \.currency).max { $0.value.count < $1.value.count }?.key ?? .cny
        var byMonth: [String: Int64] = [:]
        for row in rows where row.currency == currency { byMonth[row.key] = row.total }
        let keys = (0..<months).map { first.adding(months: $0).monthKey }
        trend = (keys.map { byMonth[$0] ?? 0 }, (0..<months).map { byMonth[first.adding(months: $0 - 12).monthKey] ?? 0 },
                 keys.map { String($0.suffix(5)) })
        let dimension = ChartsScreen.dimensions[dimensionIndex]
        bars = (context.read { try context.store.salesReport(by: dimension, from: first, to: today) } ?? [])
            .filter { $0.currency == currency }.prefix(12)
            .map { ChartItem(dimension == .region ? context.className("region", $0.key) : ($0.label.isEmpty ? $0.key : $0.label), $0.total) }
        top = (context.read { try context.store.salesReport(by: .customer, from: first, to: today) } ?? [])
            .filter { $0.currency == currency }.prefix(10).map { ChartItem($0.label, $0.total) }
        let items = context.read { try context.store.openItems(asOf: today) } ?? []
        aging = Aging.reports(items: items, credits: [], asOf: today).first { $0.currency == currency }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        guard case .key(let key) = event else { return .none }
        switch key {
        case .tab, .right: kind = Kind(rawValue: (kind.rawValue + 1) % Kind.allCases.count)!
        case .backTab, .left: kind = Kind(rawValue: (kind.rawValue + Kind.allCases.count - 1) % Kind.allCases.count)!
        case .char("p"): months = months == 12 ? 24 : 12; refresh(context: context)
        case .char("d"): dimensionIndex = (dimensionIndex + 1) % ChartsScreen.dimensions.count; refresh(context: context)
        default: break
        }
        return .none
    }

    func keyBindings(_ s: Strings) -> [KeyBinding] {
        [KeyBinding([.tab, .backTab], s.t("Next chart", "下一图表")), KeyBinding(.char("p"), "12/24 \(s.months)"),
         KeyBinding(.char("d"), s.dimension)]
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let glyphs = ChartGlyphs.forTerminal(unicode: unicode)
        let titles = ["\(s.monthlySales) (\(months) \(s.months))",
                      "\(s.salesBy) \(s.dimensionName(ChartsScreen.dimensions[dimensionIndex].rawValue))",
                      s.topCustomers, s.agingDistribution]
        TabBar(titles: titles, selected: kind.rawValue).render(into: &buffer, in: area.row(0))
        let chartArea = Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: max(0, area.height - 2))
        let c = currency
        let format: @Sendable (Int64) -> String = { Money.format($0, digits: c.minorDigits, grouping: true) }
        switch kind {
        case .trend:
            let series = [LineChart.Series("\(s.thisPeriod)", trend.current), LineChart.Series(s.previousYear, trend.previous)]
            LineChart(series: series, xLabels: trend.labels, format: format).render(into: &buffer, in: chartArea, glyphs: glyphs)
            if trend.current.allSatisfy({ $0 == 0 }) && trend.previous.allSatisfy({ $0 == 0 }) {
                buffer.setString(" \(s.noData) ", x: chartArea.x + chartArea.width / 2 - 4, y: chartArea.y + chartArea.height / 2, style: Style(.muted))
            } else if chartArea.height > 4 {
                let legend = "━ \(s.thisPeriod)   ━ \(s.previousYear)"
                buffer.setString("━", x: chartArea.maxX - DisplayWidth.of(legend) - 1, y: chartArea.y, style: Style(.series(1)))
                buffer.setString(" \(s.thisPeriod)   ", x: chartArea.maxX - DisplayWidth.of(legend), y: chartArea.y, style: Style(.text))
                let second = chartArea.maxX - DisplayWidth.of("━ \(s.previousYear)") - 1
                buffer.setString("━", x: second, y: chartArea.y, style: Style(.series(2)))
                buffer.setString(" \(s.previousYear)", x: second + 1, y: chartArea.y, style: Style(.text))
            }
        case .byDimension:
            HorizontalBarChart(items: bars, format: format).render(into: &buffer, in: chartArea, glyphs: glyphs)
            if bars.isEmpty { buffer.setString(s.noData, x: chartArea.x, y: chartArea.y, style: Style(.muted)) }
        case .topCustomers:
            HorizontalBarChart(items: top, format: format).render(into: &buffer, in: chartArea, glyphs: glyphs)
            if top.isEmpty { buffer.setString(s.noData, x: chartArea.x, y: chartArea.y, style: Style(.muted)) }
        case .aging:
            let values = aging?.buckets.map(\.amount) ?? Array(repeating: 0, count: 5)
            VerticalBarChart(items: zip(s.agingLabels, values).map { ChartItem($0, $1) }, format: format)
                .render(into: &buffer, in: chartArea, glyphs: glyphs)
        }
        return nil
    }
}

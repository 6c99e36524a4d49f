import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Issue 9: the charts draw `report sales`'s figures (`Reports.sales`), not a query of their own — on the IBM
/// sample (today 2013-06-30) and on a generated Chinese ledger.
@Suite struct ReportLayerChartTests {
    /// The CLI's CSV total of each row of `table` in `currency`, by the row's first field.
    static func csvTotals(_ table: ReportTable, _ currency: Currency) -> [(key: String, total: String)] {
        let rows = ReportLayerTests.csvRows(table)
        guard let header = rows.first, let t = header.firstIndex(of: "total"), let c = header.firstIndex(of: "currency") else { return [] }
        return rows.dropFirst().filter { $0[c] == currency.code && $0[0] != "TOTAL" }.map { ($0[0], $0[t]) }
    }

    @Test(arguments: [false, true]) func trendEqualsSalesByMonth(chinese: Bool) throws {
        var h = try chinese ? ReportLayerTests.chinese() : ReportLayerTests.ibm()
        h.press(.function(6))
        let charts = h.app.charts
        let period = try #require(charts.period)
        let table = try Reports(store: h.store).sales(by: .month, from: period.from.adding(months: -12), to: period.to)
        let cli = Dictionary(uniqueKeysWithValues: Self.csvTotals(table, charts.currency))
        #expect(cli.count >= 6, "the sample has monthly sales: \(cli)")
        for (i, value) in charts.trend.current.enumerated() {
            let month = period.from.adding(months: i).monthKey
            #expect(Money.format(value, digits: charts.currency.minorDigits, grouping: false) == cli[month] ?? "0.00", "\(month)")
        }
        for (i, value) in charts.trend.previous.enumerated() {
            let month = period.from.adding(months: i - 12).monthKey
            #expect(Money.format(value, digits: charts.currency.minorDigits, grouping: false) == cli[month] ?? "0.00", "\(month)")
        }
    }

    /// The bars by a dimension and the top customers show on screen the CLI's totals, in its order.
    @Test(arguments: [false, true]) func barsEqualSalesByDimension(chinese: Bool) throws {
        var h = try chinese ? ReportLayerTests.chinese() : ReportLayerTests.ibm()
        h.press(.function(6))
        for (tab, dimension, limit) in [(1, ChartsScreen.dimensions[0], 12), (2, SalesDimension.customer, 10)] {
            h.press(.tab)
            #expect(h.app.charts.kind.rawValue == tab)
            let charts = h.app.charts
            let period = try #require(charts.period)
            let table = try Reports(store: h.store).sales(by: dimension, from: period.from, to: period.to)
            let cli = Self.csvTotals(table, charts.currency).prefix(limit)
            #expect(cli.count >= 2, "\(dimension): \(ReportRenderer.csv(table))")
            let bars = tab == 1 ? charts.bars : charts.top
            #expect(bars.map { Money.format($0.value, digits: 2, grouping: false) } == cli.map(\.total), "\(dimension)")
            let screen = h.text.replacingOccurrences(of: ",", with: "")
            for row in cli { #expect(screen.contains(row.total), "\(dimension) \(row.key) \(row.total)\n\(h.text)") }
        }
    }
}

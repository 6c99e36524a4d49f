import Testing
import LedgerCore
import TerminalUI
import LedgerReports
@testable import SalesLedgerApp

/// Issue 12, honest charts: period and unit stated, legend outside the plot with shape markers, the running month
/// marked as partial, whole-unit axis labels, and "no data" in the UI's language.
@Suite struct ChartHonestyTests {
    @Test func trendStatesPeriodMarksThePartialMonthAndKeepsTheLegendOutside() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: seedGenerated)
        h.press(.function(6))
        let lines = h.screen()
        #expect(lines[3].contains("期间 2025-12-01 … 2026-11-29 · CNY, 含税"), "\(lines[3])")
        // The legend row sits above the plot's first row (the one with the top axis label).
        #expect(lines[4].contains("●━ 本期") && lines[4].contains("◆━ 上年同期"), "\(lines[4])")
        #expect(lines[4].contains("○ 本月未结束，截至 2026-11-29"))
        #expect(!lines[4].contains("│") && lines[5].contains("│"))
        // 2026-11-29 is not a month end: the current month's point is the hollow marker, once.
        #expect(lines.joined().filter { $0 == "○" }.count == 2, "legend and one point")
        // Axis labels in whole yuan: no decimal point left of the axis.
        let axis = lines[5...].compactMap { $0.split(separator: "│").first }.filter { $0.contains(where: \.isNumber) }
        #expect(!axis.isEmpty && axis.allSatisfy { !$0.contains(".") }, "\(axis)")
    }

    @Test(arguments: [Language.en, .zh]) func emptyLedgerSaysNoDataInItsLanguage(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24))
        for key in [Key.function(6), .tab, .tab] {
            h.press(key)
            let text = h.text
            #expect(text.contains(language == .zh ? "无数据" : "No data"), "\(text)")
            #expect(!text.contains("(no data)") && !text.contains("dataa"))
        }
    }

    /// One figure, one implementation: the aging chart shows `report aging`'s bucket amounts.
    @Test func agingChartShowsTheReportsBuckets() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30), seedLedger: seedGenerated)
        h.press(.function(6), .backTab)
        let report = try #require(try Reports(store: h.store).aging(asOf: CivilDate(iso: "2026-11-29")!)
            .first { $0.currency == .cny })
        let nonZero = report.buckets.map(\.amount).filter { $0 != 0 }
        #expect(nonZero.count >= 2)
        for amount in nonZero {
            #expect(h.text.contains(Money.format(amount, digits: 2, grouping: true)), "\(amount)\n\(h.text)")
        }
    }

    @Test func lineMarkersAreOptInAndDrawnOnEachValue() {
        var chart = LineChart(series: [.init("a", [10, 20, 30]), .init("b", [30, 20, 10])], xLabels: [])
        var plain = CellBuffer(size: Size(width: 30, height: 8))
        chart.render(into: &plain, in: plain.bounds)
        #expect(!plain.lines.joined().contains("●"))
        chart.markers = ["●", "◆"]
        chart.partialFrom = 2
        var marked = CellBuffer(size: Size(width: 30, height: 8))
        chart.render(into: &marked, in: marked.bounds)
        let text = marked.lines.joined()
        // Series a: 2 full points and its last one partial; series b: 3 points (the middle ones share a cell).
        #expect(text.filter { $0 == "○" }.count == 1)
        #expect(text.filter { $0 == "◆" }.count == 3)
        #expect(text.filter { $0 == "●" }.count == 1, "a's middle point is under b's marker")
    }
}

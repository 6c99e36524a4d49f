import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// The Reports screen's fapiao tab shows the same tables as `report fapiao` (FapiaoTables over one query).
struct FapiaoReportScreenTests {
    @Test func fapiaoTabCyclesTheFourReportsInChinese() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 120, height: 30), seedLedger: seedGenerated)
        h.press(.function(7), .tab, .tab, .tab)
        #expect(h.text.contains("应收未开票"))
        let today = h.context.today
        let expected = try Reports(store: h.store).fapiao("uninvoiced", asOf: today, from: nil, to: nil)
        let total = try #require(expected.totals.first?.last)
        #expect(h.text.contains(ReportRenderer.display(total)))
        #expect(h.text.contains("合计"))
        h.press(.char("d"))
        #expect(h.text.contains("已开票未收款"))
        h.press(.char("d"))
        #expect(h.text.contains("销项税（按税率）"))
        #expect(h.text.contains("13%"))
        h.press(.char("d"))
        #expect(h.text.contains("待开票"))
        #expect(h.text.contains("待开金额"))
    }
}

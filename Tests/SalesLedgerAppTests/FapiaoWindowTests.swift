import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Issue 10, session 30: F7's fapiao tab reads the page of rows around the selection (`ReportWindow`) and the whole
/// report's TOTAL rows from `Reports.fapiaoPage`, the query of `report fapiao`; moving reads the next page, End the
/// last, and a filter searches every row.
@Suite struct FapiaoWindowTests {
    @Test func uninvoicedIsReadAPageAtATime() throws {
        var h = try ReportLayerTests.ibm(size: Size(width: 140, height: 14))
        h.app.reports.windowSize = 20
        h.press(.function(7), .tab, .tab, .tab)
        #expect(h.app.reports.kind == .fapiao && h.app.reports.fapiaoIndex == 0)
        let whole = try Reports(store: h.store).fapiao("uninvoiced", asOf: h.context.today, from: nil, to: nil)
        let n = whole.rows.count
        #expect(n > 40 && whole.totals.count == 1, "\(n) rows")
        guard n > 40, let total = whole.totals.first else { return }
        #expect(h.app.reports.window == ReportWindow(start: 0, rowCount: n, loaded: 20, margin: 6))
        #expect(h.app.reports.rows.count == 20 + 1)
        func expectRow(_ row: [ReportCell], _ what: String) {
            let figures = row.dropFirst(3).map(ReportRenderer.plain)
            ReportLayerReceivablesTests.expectLine(h, first: ReportRenderer.plain(row[0]), values: figures, what)
        }
        expectRow(whole.rows[0], "first row")
        // Down to row 30: the page around it was read, the row is on screen with the CLI's figures.
        for _ in 0..<30 { h.press(.down) }
        #expect(h.app.reports.table.selectedRow == 30)
        #expect(h.app.reports.window?.covers(30) == true)
        #expect(h.app.reports.window?.start != 0)
        expectRow(whole.rows[30], "row 30")
        // End: the last customer and the whole report's TOTAL row (not the page's).
        h.press(.end)
        expectRow(whole.rows[n - 1], "last row")
        expectRow(total, "TOTAL")
        // A filter searches every row: the whole table is read.
        h.press(.home, .char("/"))
        for c in ReportRenderer.plain(whole.rows[37][0]) { h.press(.char(c)) }
        #expect(h.app.reports.window == nil)
        expectRow(whole.rows[37], "filtered")
    }
}

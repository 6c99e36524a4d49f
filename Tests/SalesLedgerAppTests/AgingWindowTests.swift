import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// Issue 10, session 17: F7's aging by customer reads a window of rows around the selection (`ReportWindow`), with
/// the whole report's TOTAL rows; moving reads the next window, End the last, and a filter searches every row.
@Suite struct AgingWindowTests {
    @Test func agingByCustomerIsReadAWindowAtATime() throws {
        var h = try ReportLayerTests.ibm(size: Size(width: 140, height: 14))
        h.app.reports.windowSize = 20
        h.press(.function(7), .tab)
        #expect(h.app.reports.agingIndex == 0)
        let whole = AgingTable.grouped(try Reports(store: h.store).aging(asOf: h.context.today, by: .customer),
                                       by: .customer)
        let csv = Array(ReportLayerTests.csvRows(whole).dropFirst())
        let body = csv.filter { $0.first != "TOTAL" }, totals = csv.filter { $0.first == "TOTAL" }
        let n = body.count
        #expect(n > 40 && totals.count == 1, "\(n) rows")
        guard n > 40, totals.count == 1 else { return }
        #expect(h.app.reports.window == ReportWindow(start: 0, rowCount: n, loaded: 20, margin: 6))
        #expect(h.app.reports.rows.count == 20 + totals.count)
        func expectRow(_ row: [String], _ what: String) {
            let figures = row.indices.filter { $0 >= 2 && !row[$0].isEmpty }.map { row[$0] }
            ReportLayerReceivablesTests.expectLine(h, first: row[0], values: figures, what)
        }
        expectRow(body[0], "first row")
        // Down to row 30: the window around it was read, the row is on screen with the CLI's figures.
        for _ in 0..<30 { h.press(.down) }
        #expect(h.app.reports.table.selectedRow == 30)
        #expect(h.app.reports.window?.covers(30) == true)
        #expect(h.app.reports.window?.start != 0)
        expectRow(body[30], "row 30")
        // End: the last customer and the whole report's TOTAL row.
        h.press(.end)
        expectRow(body[n - 1], "last row")
        expectRow(totals[0], "TOTAL")
        // A filter searches every row: the whole table is read.
        h.press(.home, .char("/"))
        for c in body[37][0] { h.press(.char(c)) }
        #expect(h.app.reports.window == nil)
        expectRow(body[37], "filtered")
    }
}

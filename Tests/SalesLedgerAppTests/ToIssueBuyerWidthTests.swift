import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// s33-fix (tryout): F7 fapiao "To issue" at 80 columns in Chinese gave the buyer's name 6 cells (`阳泉嘉~`) while the
/// empty taxpayer-number column kept its cut title (`纳 ~`): the buyer is the report's name column (found by its key,
/// not its position) and keeps 10 cells, and text columns with no text give way first. Figures stay whole.
@Suite struct ToIssueBuyerWidthTests {
    @Test(arguments: [Language.zh, .en]) func theBuyerKeepsTenCellsAt80(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(7), .tab, .tab, .tab)
        for _ in 1..<FapiaoTables.kinds.count { h.press(.char("d")) }
        #expect(h.app.reports.fapiaoIndex == FapiaoTables.kinds.firstIndex(of: "to-issue"))
        let table = try Reports(store: h.store).fapiao("to-issue", asOf: h.context.today, from: nil, to: nil)
        let first = try #require(table.rows.first)
        let (number, buyer) = (ReportRenderer.plain(first[0]), ReportRenderer.plain(first[3]))
        let amount = ReportsScreen.grouped(ReportRenderer.plain(first[8]))
        let line = try #require(h.screen().first { $0.contains(number) }, "\(h.text)")
        // At least 10 cells of the name: its first four Chinese characters (6 cells held three at most).
        #expect(line.contains(String(buyer.prefix(4))), "\(h.text)")
        #expect(line.contains(amount), "\(h.text)")
        let titles = h.screen()[4]
        #expect(!titles.contains(language == .zh ? "纳 ~" : "Taxp~"), "\(h.text)")
    }
}

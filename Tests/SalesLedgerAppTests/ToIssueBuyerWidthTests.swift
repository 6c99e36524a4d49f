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

    /// s34-fix2 (tryout s33): at 120 columns the three empty fapiao columns kept their titles while the buyer's name
    /// was cut, and the "+N columns" marker kept a blank strip on every row. Empty columns give way first: every
    /// buyer's name and every figure is whole, and the rows reach the right edge.
    @Test(arguments: [Language.zh, .en]) func everyBuyerIsWholeAt120(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 120, height: 30), seedLedger: seedGenerated)
        h.press(.function(7), .tab, .tab, .tab)
        for _ in 1..<FapiaoTables.kinds.count { h.press(.char("d")) }
        let table = try Reports(store: h.store).fapiao("to-issue", asOf: h.context.today, from: nil, to: nil)
        let screen = h.screen()
        var checked = 0
        for row in table.rows {
            let number = ReportRenderer.plain(row[0])
            guard let line = screen.first(where: { $0.hasPrefix(number) }) else { continue }
            #expect(line.contains(ReportRenderer.plain(row[3])), "buyer cut: \(line)")
            #expect(line.contains(ReportsScreen.grouped(ReportRenderer.plain(row[8]))), "\(line)")
            #expect(line.contains(ReportsScreen.grouped(ReportRenderer.plain(row[9]))), "\(line)")
            checked += 1
        }
        #expect(checked >= 10, "\(h.text)")
        // The figures end at the right edge: no cells kept blank for the marker on the rows.
        let first = try #require(screen.first { $0.hasPrefix(ReportRenderer.plain(table.rows[0][0])) })
        #expect(DisplayWidth.of(first.trimmingCharacters(in: .whitespaces)) >= 117, "\(first)")
        // The marker is on the heading row above the table, at its right end.
        #expect(screen[3].hasSuffix(language == .zh ? "另有2列" : "+2 columns"), "\(screen[3])")
        #expect(!screen[4].contains(language == .zh ? "另有" : "columns"), "\(screen[4])")
    }
}

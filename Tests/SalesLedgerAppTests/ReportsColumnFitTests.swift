import Testing
import LedgerCore
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// s32-fixc (tryout): at 80 columns a report's figure never gives way to text. Text columns narrow to their cells
/// (the title cut), the report's less important columns go, names narrow, then text columns go — before a figure.
@Suite struct ReportsColumnFitTests {
    /// A month with a basis of 1,200,001,507.01: the Commission column was hidden ("+2 columns") while Salesperson
    /// (11 cells for `S01`), Name, Basis and Rate stayed.
    static func bigCommission(_ service: LedgerService) throws {
        try service.run(CreateSalesperson(code: "S01", name: "Wang Fang"))
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "One")))
        for salesperson in ["S01", ""] {
            try service.run(SetCommissionRule(CommissionRule(salesperson: salesperson, basis: .netSales,
                                                             rate: Rate(basisPoints: 300),
                                                             start: CivilDate(iso: "2026-11-29")!)))
        }
        for (salesperson, minor) in [("S01", Int64(120_000_150_701)), ("", Int64(2_500_000))] {
            var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-29")!, lines: [
                LineInput(description: "goods", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: minor, currency: .cny), taxRate: Rate(basisPoints: 1300))])
            post.salespersonCode = salesperson
            try service.run(post)
        }
    }

    @Test(arguments: [Language.en, .zh]) func commissionKeepsItsFiguresAndNamesAt80(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: Self.bigCommission)
        h.press(.function(7), .tab, .tab, .tab, .tab)
        let report = try Reports(store: h.store).commission(month: CivilDate(iso: "2026-11-01")!)
        let big = try #require(report.rows.first { ReportRenderer.plain($0[0]) == "S01" })
        #expect(ReportRenderer.plain(big[6]) == "1200001507.01" && ReportRenderer.plain(big[7]) == "36000045.21")
        let zh = language == .zh
        let row = try #require(h.screen().first { $0.contains("Wang Fang") }, "\(h.text)")
        #expect(row.contains("1,200,001,507.01") && row.contains("36,000,045.21"), "\(h.text)")
        // In English the rule's start date is left out, the name whole (s34-fix2: the "+1 column" marker is on the
        // heading row, no longer taking 10 cells of every row); in Chinese everything fits.
        let none = try #require(h.screen().first { $0.contains(zh ? "（无业务员）" : "(no salesperson)") }, "\(h.text)")
        #expect(none.contains("25,000.00") && none.contains("750.00"), "\(h.text)")
        #expect(h.text.contains(zh ? "净销售额" : "net sales"), "\(h.text)")
        assertScreen(h.screen(), named: "reports.commission-big.\(language.rawValue).80x24")
    }

    /// Every F7 tab (and every fapiao report, every aging grouping) at 80×24: each figure of the report's total
    /// rows is on screen whole, except the aging's credits and middle buckets (left out first by design, s18).
    @Test(arguments: [Language.en, .zh]) func everyTabShowsItsTotalsAt80(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(7))
        for tab in 0..<7 {
            let steps = tab == 1 ? ReportsScreen.agingGroupings.count : tab == 3 ? FapiaoTables.kinds.count : 1
            for _ in 0..<steps {
                try checkTotals(&h, tab: tab)
                if steps > 1 { h.press(.char("d")) }
            }
            h.press(.tab)
        }
    }

    private func checkTotals(_ h: inout AppHarness, tab: Int) throws {
        h.press(.end)   // the total rows are the last rows
        let screen = h.app.reports
        guard let table = screen.reportTable, tab != 2 else { return }   // the pivot has its own view
        let shown = h.text
        for total in table.totals.prefix(1) {
            for (i, cell) in total.enumerated() where table.columns[i].kind == .money {
                if tab == 1 && (screen.agingDropsFirst(i)) { continue }
                let figure = ReportRenderer.display(cell)
                #expect(shown.contains(figure), "\(table.name) \(table.columns[i].key) \(figure)\n\(shown)")
            }
        }
    }

    @Test(arguments: [Language.en, .zh]) func fapiaoUninvoicedKeepsItsTotalAt80(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(7), .tab, .tab, .tab)
        let total = try #require(try Reports(store: h.store).fapiao("uninvoiced", asOf: h.context.today, from: nil,
                                                                     to: nil).totals.first?.last)
        #expect(h.text.contains(ReportRenderer.display(total)), "\(h.text)")
        assertScreen(h.screen(), named: "reports.fapiao-uninvoiced.\(language.rawValue).80x24")
    }

    /// The layout's order: a fixed text column narrows to its cells, rank ≥ 3 goes before a name narrows, then
    /// names narrow, then ranks 1–2 go; figures (rank 0) are never cut.
    @Test func layoutNarrowsThenDropsByRank() {
        let code = TableColumn("Salesperson", width: .fixed(11), narrowest: 3)
        let name = TableColumn("Name", width: .flexible(weight: 2, minimum: 16), dropRank: 1, narrowest: 10)
        let from = TableColumn("From", width: .fixed(10), dropRank: 3)
        let money = TableColumn("Amount", width: .fixed(16), alignment: .right)
        // All fit at 60: 11 + 16 + 10 + 16 + 3 separators = 56.
        #expect(TableColumn.layout([code, name, from, money], totalWidth: 60) == [11, 20, 10, 16])
        // At 48: the code narrows to 3 (48 = 3 + 16 + 10 + 16 + 3), nothing is left out.
        #expect(TableColumn.layout([code, name, from, money], totalWidth: 48) == [3, 16, 10, 16])
        // At 40: `from` goes before the name is cut; the code narrows only as far as needed.
        #expect(TableColumn.layout([code, name, from, money], totalWidth: 40) == [6, 16, 0, 16])
        // At 30: the name at 10 does not fit either (3 + 10 + 16 + 2 = 31): it goes; the figure stays whole.
        #expect(TableColumn.layout([code, name, from, money], totalWidth: 30) == [11, 0, 0, 16])
        // At 32: the name at 10 fits.
        #expect(TableColumn.layout([code, name, from, money], totalWidth: 32) == [3, 11, 0, 16])
    }
}

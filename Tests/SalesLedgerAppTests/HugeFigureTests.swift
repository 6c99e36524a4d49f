import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Session 13 tryout: a huge sale (quantity 99,999,999) at 80×24 — the credit banner, the "please check" dialog and
/// the credit-override dialog show every figure whole; pre-filled fields are replaced by typing.
@Suite struct HugeFigureTests {
    /// C9001 (limit 10,000.00), P004 at 99,999,999 × 80,000.00 (+13 % tax): total 9,039,999,909,600.00.
    func typeHugeSale(_ h: inout AppHarness) {
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type("99999999"); h.press(.tab)
        h.type("80000"); h.press(.tab)
    }

    @Test(arguments: [Language.en, .zh])
    func theCreditBannerAndBothDialogsShowWholeFigures(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        typeHugeSale(&h)
        let banner = h.screen()[3]
        #expect(banner.contains("9,039,999,909,600.00") && banner.contains("10,000.00"), "\(banner)")
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
        h.press(.function(2))
        #expect(h.text.contains(language == .en ? "Please check" : "请核对"))
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
        h.press(.char("y"))
        #expect(h.text.contains(language == .en ? "Credit check" : "信用检查"))
        #expect(h.text.contains("9,039,999,909,600.00") && h.text.contains("10,000.00 CNY"), "\(h.text)")
        #expect(NothingCutTests.cutNumbers(in: h.screen()).isEmpty, "\(h.text)")
    }

    @Test func aLongBannerKeepsWholeReasonsAndCountsTheRest() {
        let s = Strings(.en)
        let reasons: [CreditHoldReason] = [
            .overLimit(balance: 999_999_962_430_542, limit: 29_000_000, currency: .cny),
            .stopCredit(invoice: "INV-2026-000042", daysOverdue: 185, fromDays: 45)]
        let line = CreditHoldText.banner(reasons, prefix: "⚠ credit hold: ", width: 78, strings: s)
        #expect(line == "⚠ credit hold: balance 9,999,999,624,305.42 > limit 290,000.00 CNY +1")
        let wide = CreditHoldText.banner(reasons, prefix: "⚠ credit hold: ", width: 200, strings: s)
        #expect(wide.hasSuffix("invoice INV-2026-000042 is 185 days overdue (stop further credit from 45 days)"))
    }

    @Test func typingReplacesTheListPriceAndOtherKeysEditIt() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type("2"); h.press(.tab)
        #expect(h.app.salesEntry.text(.price(0)) == "1454.00")
        h.type("1200.5")
        #expect(h.app.salesEntry.text(.price(0)) == "1200.5")
        h.press(.tab, .tab)                                  // discount → tax, pre-filled with the product's 13
        #expect(h.app.salesEntry.text(.tax(0)) == "13")
        h.press(.backspace)                                  // another key first edits the value
        h.type("0")
        #expect(h.app.salesEntry.text(.tax(0)) == "10")
    }

    @Test func aSearchTypedAgainReplacesTheLastOne() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.press(.function(4), .char("/"))
        h.type("北京"); h.press(.enter)
        #expect(h.app.customers.table.filter.text == "北京")
        h.press(.char("/"))
        h.type("上海")
        #expect(h.app.customers.table.filter.text == "上海")
        h.press(.enter, .char("/"), .backspace)
        #expect(h.app.customers.table.filter.text == "上")
    }
}

/// The generated sample plus two sales of 9,999,999,620,000.00 (one 6 months overdue): every screen the tryout read
/// at 80×24 and 200×50, in both languages, shows no figure cut.
@Suite struct HugeLedgerScreenTests {
    static func seed(_ service: LedgerService) throws {
        try seedGenerated(service)
        try service.run(CreateCustomer(CustomerFields(code: "CBIG", name: "Riverside Supplies Co., Ltd. 2")))
        for date in ["2026-05-20", "2026-11-28"] {
            var post = PostInvoice(customerCode: "CBIG", date: CivilDate(iso: date)!, lines: [
                LineInput(description: "Copy paper A4", quantity: Quantity(99_999_999),
                          unitPrice: Money(minorUnits: 9_259_259, currency: .cny), taxRate: Rate(basisPoints: 800))])
            post.creditOverrideReason = "test"
            try service.run(post)
        }
    }

    @Test(arguments: [Language.en, .zh], [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func noFigureIsCut(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, seedLedger: Self.seed)
        var found: [String: [String]] = [:]
        func look(_ name: String) {
            let cut = NothingCutTests.cutNumbers(in: h.screen())
            if !cut.isEmpty { found[name] = cut }
        }
        h.press(.function(5)); look("F5")
        h.press(.function(6)); look("F6")
        for tab in 1...3 { h.press(.tab); look("F6 tab \(tab)") }
        h.press(.function(7)); look("F7")
        for tab in 1...2 { h.press(.tab); look("F7 tab \(tab)") }
        h.press(.end); look("F7 pivot end")
        h.press(.function(9), .enter); look("F9 detail")
        #expect(found.isEmpty, "cut at \(size.width)×\(size.height) \(language): \(found.sorted { $0.key < $1.key })")
    }

    @Test func f5ShowsTheDSOAndTheAgingTotalWhole() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.press(.function(5))
        let lines = h.screen()
        // The totals take two lines at 80 columns when one cannot hold them (s34-fix3), the aging bar follows.
        let totals = lines[2] + "  " + lines[3]
        #expect(totals.contains("DSO "), "\(totals)")
        #expect(!totals.contains("DSO~"))
        let bar = try #require(lines.first { $0.hasPrefix(" Aging ") }, "\(h.text)")
        #expect(bar.trimmingCharacters(in: .whitespaces).hasSuffix(" 20,000,000,938,872.00"), "\(bar)")
        #expect(!bar.contains("~"), "\(bar)")
    }

    @Test func f7AgingMarkerLeavesTheTitlesAndPivotPagesAndCountsHiddenPeriods() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.press(.function(7), .tab)
        let header = h.screen()[4]
        // The marker is on the heading row above the table (s34-fix2), the titles whole below it.
        #expect(h.screen()[3].hasSuffix("columns"), "\(h.screen()[3])")
        #expect(!header.contains("columns"), "\(header)")
        // (s19: the middle buckets give way first.)
        #expect(header.range(of: "91+ days ") != nil, "\(header)")
        #expect(!header.contains("days+"), "\(header)")
        h.press(.tab)
        #expect(h.screen()[4].contains("+"), "\(h.screen()[4])")   // periods left out are counted
        let rows = h.app.reports.pivot.table?.rows.count ?? 0
        h.press(.pageDown)
        #expect(h.app.reports.pivot.state.selectedRow == min(15, rows - 1))
        h.press(.end)
        #expect(h.app.reports.pivot.state.selectedRow == rows - 1)
        #expect(h.text.contains("TOTAL"))
        h.press(.home)
        #expect(h.app.reports.pivot.state.selectedRow == 0)
    }

    @Test(arguments: [Language.en, .zh])
    func f9DetailShowsTaxTotalAndDueDateWhole(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: Self.seed)
        h.press(.function(9), .char("/"))
        h.type("Riverside Supplies")
        h.press(.enter, .enter)
        let text = h.text
        for figure in ["740,740,712,592.59", "9,999,999,620,000.00"] {
            #expect(text.contains(figure), "\(figure) in\n\(text)")
        }
        #expect(text.contains(/(Due date|到期日) 2026-\d\d-\d\d/), "\(text)")
    }
}

/// Session 13 tryout: the help overlay names what a key does before its longer help, in both languages.
@Suite struct HelpNamesTests {
    @Test(arguments: [Language.en, .zh])
    func theImportKeyIsNamed(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30), seedLedger: SalesEntryTests.seed)
        h.press(.function(5), .function(1))
        let want = language == .en ? "Import receipts — WeChat" : "导入收款 — 微信"
        #expect(h.text.contains(want), "\(h.text)")
    }
}

/// Session 13 tryout, item 4: keys act on what is on screen, and a bad line is refused before the reason is typed.
@Suite struct ActOnWhatIsShownTests {
    @Test(arguments: [Language.en, .zh])
    func aLineTheInvoiceDoesNotHaveIsRefusedBeforeTheReason(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30), seedLedger: FapiaoEntryTests.seed)
        h.press(.function(9), .enter, .char("c"))
        h.type("9:1")
        h.press(.enter)
        #expect(!h.text.contains(language == .en ? "Reason for the credit note" : "红字冲销原因"))
        #expect(h.text.contains(language == .en ? "has no line 9 (it has" : "没有第 9 行（共"), "\(h.text)")
        #expect(try h.store.summary().creditNotes == 0)
    }

    @Test func dOnTheMonthlyChartShowsTheDimensionChartFirst() throws {
        var h = try AppHarness(language: .en, seedLedger: seedGenerated)
        h.press(.function(6))
        #expect(h.app.charts.kind == .trend)
        let dimension = h.app.charts.dimensionIndex
        h.press(.char("d"))
        #expect(h.app.charts.kind == .byDimension)
        #expect(h.app.charts.dimensionIndex == dimension, "the chart not on screen is not changed")
        h.press(.char("d"))
        #expect(h.app.charts.dimensionIndex == (dimension + 1) % ChartsScreen.dimensions.count)
    }
}

@Suite struct PromptLabelTests {
    @Test func theEnglishCreditReasonPromptIsWholeAt80Columns() throws {
        var h = try AppHarness(language: .en, seedLedger: FapiaoEntryTests.seed)
        h.press(.function(9), .enter, .char("c"))
        h.type("1:1")
        h.press(.enter)
        #expect(h.text.contains("Reason for the credit note (Enter posts it): "), "\(h.text)")
    }
}

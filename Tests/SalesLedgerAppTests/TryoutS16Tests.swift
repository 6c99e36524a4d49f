import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s16-fix: the open findings of the s15 new-user tryout, each driven by keys on the rendered cell grid.
@Suite struct TryoutS16Tests {
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    /// SalesEntryTests' ledger, with C9002's 100.00 sale of 2026-08-01 (NET30) 90 days overdue on 2026-11-29.
    static func seedOverdue(_ service: LedgerService) throws {
        try SalesEntryTests.seed(service)
        try service.run(PostInvoice(customerCode: "C9002", date: CivilDate(iso: "2026-08-01")!,
                                    lines: [LineInput(description: "goods", quantity: Quantity(1), unitPrice: money(10_000))]))
    }

    @Test(arguments: [Language.en, .zh]) func anOverdueHoldAsksForAnOverdueReason(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: Self.seedOverdue)
        h.type("C9002"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P001"); h.press(.enter); h.type("1")
        h.press(.function(2))
        let text = h.text
        #expect(text.contains(language == .zh ? "逾期放行原因:" : "Overdue override reason:"), "\(text)")
        #expect(!text.contains("超额原因") && !text.contains("Over-limit"))
        #expect(Strings(.zh).overrideReason(["balance would be 1.00, over the credit limit 0.50 CNY"]) == "超额原因")
    }

    @Test(arguments: [Language.en, .zh]) func theSalesTotalsKeepEveryFigureAt80(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter)
        h.type("99999999"); h.press(.tab)
        h.type("80000"); h.press(.tab)
        // 99,999,999 × 80,000.00 = 7,999,999,920,000.00 net; 13 % tax 1,039,999,989,600.00.
        let totals = try #require(h.screen().first { $0.contains("9,039,999,909,600.00 CNY") }, "\(h.text)")
        #expect(totals.contains("7,999,999,920,000.00") && totals.contains("1,039,999,989,600.00"), "\(totals)")
        var wide = try AppHarness(language: language, size: Size(width: 200, height: 50), seedLedger: SalesEntryTests.seed)
        wide.type("C9001"); wide.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        wide.type("P004"); wide.press(.enter); wide.type("2")
        #expect(wide.text.contains("\(language == .zh ? "价税合计" : "Total") 3,286.04 CNY"), "\(wide.text)")
        #expect(wide.text.contains(language == .zh ? "不含税金额 2,908.00" : "Subtotal 2,908.00"), "\(wide.text)")
    }

    @Test func theExportMessageClearsOnTheNextReport() throws {
        var h = try AppHarness(language: .en, seedLedger: seedGenerated)
        // An earlier run's file would be asked about first (the export never replaces a file unasked).
        try? FileManager.default.removeItem(atPath: h.context.exportPath(name: "sales-by-month-\(h.context.today).csv"))
        h.press(.function(7), .char("x"))
        h.press(.enter)                                      // the path offered
        h.press(.enter)                                      // the dialog naming the file
        #expect(h.screen()[22].contains("salesledger-sales-by-month"), "\(h.text)")
        h.press(.tab)
        #expect(!h.text.contains("salesledger-sales-by-month"), "\(h.text)")
    }

    @Test func salesByMonthColumnsAreAsWideAsTheirWordsAt200() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 200, height: 50), seedLedger: seedGenerated)
        h.press(.function(7))
        let header = try #require(h.screen().first { $0.contains("月份") && $0.contains("币种") }, "\(h.text)")
        let month = try #require(cellColumn(of: "月份", in: header)), currency = try #require(cellColumn(of: "币种", in: header))
        #expect(currency - month <= 9, "\(header)")               // 2026-11 and a space, not ~76 columns
    }

    @Test(arguments: [Language.en, .zh]) func theTrendChartLabelsItsLastMonthAt80(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: seedGenerated)
        h.press(.function(6))
        let lines = h.screen()
        let corner = try #require(lines.lastIndex { $0.contains("└") }, "\(h.text)")
        #expect(lines[corner + 1].contains("25-12") && lines[corner + 1].contains("26-11 "), "\(h.text)")   // today 2026-11-29
    }

    @Test func auditFindingsKeepTheCheckWholeAndCallInvoicesSales() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 200, height: 50), seedLedger: seedGenerated)
        h.press(.function(11), .char("r"))
        let lines = h.screen()
        let header = try #require(lines.first { $0.hasPrefix("级别") }, "\(h.text)")
        #expect((cellColumn(of: "检查", in: header) ?? 99) <= 6, "\(header)")   // 级别 as wide as 信息/警告
        let cutoff = try #require(lines.first { $0.contains("INV-") && $0.contains("期末") }, "\(h.text)")
        #expect(cutoff.contains("截止测试：期末前后 5 天内的单据（"), "\(cutoff)")
        #expect(cutoff.contains("销售单 2026-") && !cutoff.contains("发票"), "\(cutoff)")
    }

    @Test(arguments: [80, 200]) func theAuditLogNamesDocumentsNotRowIDs(width: Int) throws {
        var h = try AppHarness(language: .zh, size: Size(width: width, height: width == 80 ? 24 : 50),
                               seedLedger: Self.seedOverdue)
        h.press(.function(11), .tab)
        let text = h.text
        #expect(text.contains("INV-2026-000001"), "\(text)")
        #expect(!text.contains("#"), "\(text)")
    }

    @Test(arguments: [Language.en, .zh]) func theInvoiceViewShowsItsFapiao(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: { service in
            try Self.seedOverdue(service)
            _ = try service.run(RecordFapiao(key: FapiaoKey(type: .digitalOrdinary, number: "26332000000000000042"),
                                             date: CivilDate(iso: "2026-08-02")!,
                                             parts: [FapiaoPartInput(saleNumber: "INV-2026-000001")]))
        })
        h.press(.function(9), .enter)
        let text = h.text
        #expect(text.contains(language == .zh ? "发票：已开票" : "Fapiao: invoiced"), "\(text)")
        #expect(text.contains("26332000000000000042") && text.contains("100.00"), "\(text)")
    }

    @Test func longWordsAndErrorsOfFormsAreWholeAt80() throws {
        var h = try AppHarness(language: .en)
        h.press(.function(4), .char("a"))
        h.type("TAX1"); h.press(.tab); h.type("Star Trading")
        for _ in 0..<12 { h.press(.tab) }
        h.type("91350100M000100Y44"); h.press(.tab)
        #expect(h.text.contains("91350100M000100Y44") && h.text.contains("! check is 3?"), "\(h.text)")
        var setup = try AppHarness(language: .en)
        setup.context.loadSample = { _ in "" }
        setup.app = LedgerApp(context: setup.context)
        setup.press(.down, .down, .down, .enter)                // start empty: the set-up form
        #expect(setup.text.contains("Products CSV (optional)") && setup.text.contains("Customers CSV (optional)"),
                "\(setup.text)")
    }

    @Test func aLongStartupWarningIsADialogNotACutStatusLine() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.context.startupWarning = "loose file permissions: /home/someone/.local/share/salesledger is 0755 (should "
            + "be 0700: others can read it); fix: salesledger init --fix-permissions"
        h.app = LedgerApp(context: h.context)
        #expect(h.text.contains("Warning") && h.text.contains("--fix-permissions"), "\(h.text)")
        h.press(.enter)
        #expect(!h.text.contains("loose file permissions"), "\(h.text)")
    }

    @Test func receivablesSayTheirDSOIsOverNinetyDays() throws {
        var h = try AppHarness(language: .zh, seedLedger: seedGenerated)
        h.press(.function(5))
        #expect(h.text.contains("90天周转天数 "), "\(h.text)")
    }

    @Test func aSampleThatCannotLoadSaysWhyInChineseAndOffersTheWelcomeAgain() throws {
        var h = try AppHarness(language: .zh)
        h.context.loadSample = { _ in
            throw InteropErrorForTest(text: "storage error: sample data: the SampleData folder was not found next "
                                      + "to the program; set SALESLEDGER_SAMPLE_DIR to it (Sources/LedgerInterop/SampleData)")
        }
        h.app = LedgerApp(context: h.context)
        h.press(.enter)                                        // the first sample
        _ = h.send(.tick)                                      // loaded on the next event
        let text = h.text
        #expect(text.contains("示例账套未载入") && text.contains("SALESLEDGER_SAMPLE_DIR"), "\(text)")
        #expect(text.contains("（Sources/LedgerInterop/SampleData）"), "\(text)")   // wrapped whole, not cut
        #expect(!text.contains("not found") && !text.contains("storage error") && !text.contains("存储错误"), "\(text)")
        h.press(.enter)                                        // dismissed: the welcome is back
        #expect(h.text.contains(Strings(.zh).welcomeTitle), "\(h.text)")
    }
}

struct InteropErrorForTest: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
}

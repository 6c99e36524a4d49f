import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Sales entry driven by keys, as a clerk would type, against an in-memory ledger.
@Suite struct SalesEntryTests {
    static func seed(_ service: LedgerService) throws {
        var star = CustomerFields(code: "C9001", name: "北京星河科技有限公司")
        star.paymentTerms = .endOfMonthPlusDays(30)
        star.creditLimit = Money(minorUnits: 1_000_000, currency: .cny)
        try service.run(CreateCustomer(star))
        try service.run(CreateCustomer(CustomerFields(code: "C9002", name: "上海明远五金有限公司")))
        try service.run(CreateProduct(sku: "P001", name: "A4复印纸", unitPrice: Money(minorUnits: 14_600, currency: .cny),
                                      taxRate: Rate(basisPoints: 1300)))
        try service.run(CreateProduct(sku: "P004", name: "人体工学办公椅", unitPrice: Money(minorUnits: 145_400, currency: .cny),
                                      taxRate: Rate(basisPoints: 1300)))
        try service.run(CreateSalesperson(code: "S01", name: "张伟"))
    }

    @Test func postsASaleFoundByPinyinInitials() throws {
        var h = try AppHarness(language: .zh, seedLedger: Self.seed)
        h.type("bjxh")
        #expect(h.text.contains("C9001  北京星河科技有限公司"))
        h.press(.enter)                                   // accept → date
        #expect(h.app.salesEntry.customer?.code == "C9001")
        #expect(h.app.salesEntry.text(.due) == "2026-12-30")   // 月结30天: month end 11-30, + 30 days
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)         // sp, terms, due, channel, region → product of line 1
        h.type("P004"); h.press(.enter)                     // accept suggestion → quantity
        h.type("2"); h.press(.tab, .tab, .tab, .tab)        // → product of line 2
        h.type("A4"); h.press(.enter)
        h.type("1.5")
        #expect(h.text.contains("价税合计 3,533.51 CNY"))   // 2908.00 + 378.04 tax; 219.00 + 28.47 tax
        h.press(.function(2))
        let invoice = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"))
        #expect(invoice.total == Money(minorUnits: 353_351, currency: .cny))
        #expect(invoice.lines.map(\.quantity) == [Quantity(2), Quantity(thousandths: 1500)])
        #expect(invoice.dueDate == CivilDate(iso: "2026-12-30"))
        #expect(h.text.contains("已过账 INV-2026-000001"))
        // Ready for the next sale: empty form, cursor in the customer field, sale listed under today's sales.
        #expect(h.app.salesEntry.focus == .customer)
        #expect(h.app.salesEntry.text(.customer).isEmpty)
        #expect(h.text.contains("今日销售单 (1)"))
    }

    @Test func invalidInputIsMarkedAndNothingIsWritten() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.type("C9002"); h.press(.enter)
        h.press(.backspace, .backspace)                     // date "2026-11-" …
        h.type("30"); h.press(.tab)                          // 2026-11-30 is valid; make it invalid instead:
        h.press(.backTab)
        for _ in 0..<10 { h.press(.backspace) }
        h.type("2026-02-30"); h.press(.tab)
        #expect(h.text.contains("date 2026-02-30 does not exist"))
        h.press(.tab, .tab, .tab, .tab, .tab)
        h.type("NOPE"); h.press(.tab)
        h.type("0"); h.press(.tab)
        h.press(.function(2))
        let screen = h.text
        // s32-fixa: the status line names the fields (not by their red colour alone).
        #expect(screen.contains("Fix these fields: Date, Product (line 1), Qty (line 1) and 1 more"), "\(screen)")
        #expect(screen.contains("unknown product code NOPE"))
        #expect(try h.store.summary().invoices == 0)
        #expect(try h.store.auditCount() == 5)               // only the seed's commands
    }

    @Test func quitWithUnsavedChangesAsks() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.type("bj")
        #expect(h.send(.key(.function(10))) == .continue)
        #expect(h.text.contains("Unsaved changes"))
        #expect(h.send(.key(.char("n"))) == .continue)        // stay
        #expect(h.app.salesEntry.text(.customer) == "bj")
        _ = h.send(.key(.function(10)))
        #expect(h.send(.key(.char("y"))) == .quit(exitCode: 0))
    }

    @Test func aDraftSurvivesAndIsOfferedOnTheNextStart() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite.draft.json").path
        var h = try AppHarness(language: .en, draftPath: path, seedLedger: Self.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P001"); h.press(.enter); h.type("12")
        #expect(FileManager.default.fileExists(atPath: path))
        // A new app on the same draft file (as after a crash) offers to restore it.
        let restarted = LedgerApp(context: AppContext(store: h.store, service: h.service, language: .en,
                                                      ledgerName: "test.sqlite", draftPath: path))
        var again = h
        again.app = restarted
        #expect(again.text.contains("Restore draft?"))
        _ = again.send(.key(.char("y")))
        #expect(again.app.salesEntry.text(.customer) == "北京星河科技有限公司")
        #expect(again.app.salesEntry.text(.quantity(0)) == "12")
        #expect(again.app.salesEntry.customer?.code == "C9001")
    }

    @Test func creditLimitWarningShowsLive() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.type("C9001"); h.press(.enter, .tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P004"); h.press(.enter); h.type("7")           // 7 × 1454 × 1.13 = 11,501.14 > 10,000 limit
        #expect(h.text.contains("over the credit limit"))
    }
}

@Suite struct CoreMessageTranslationTests {
    @Test func commonCoreMessagesAreChineseInTheChineseUI() {
        let zh = Strings(.zh), en = Strings(.en)
        #expect(zh.core("date 2026-02-30 does not exist") == "日期 2026-02-30 不存在")
        #expect(zh.core("amount '1.234' has 3 decimal places; at most 2 allowed for CNY") == "金额 '1.234' 有 3 位小数，CNY 最多 2 位")
        #expect(zh.core("invoice INV-2025-000227 is 312 days overdue (stop further credit from 45 days)")
                == "销售单 INV-2025-000227 已逾期 312 天（逾期 45 天起暂停赊销）")
        #expect(zh.core("something new") == "something new")
        #expect(en.core("date 2026-02-30 does not exist") == "date 2026-02-30 does not exist")
    }
}

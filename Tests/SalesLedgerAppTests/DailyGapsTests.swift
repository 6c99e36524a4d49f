import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 11's remaining daily work: the set-up wizard's CSV import, custom statement periods, plausibility
/// confirmation on posting, and printing a document from the browser.
@Suite struct DailyGapsTests {
    static func temp(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sl-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Types into the wizard: company, (currency: Enter), tax, products file, customers file; ^S saves.
    static func fillWizard(_ h: inout AppHarness, products: String, customers: String) {
        h.app.modals.push(SetupModal(wizard: SetupWizard(context: h.context)))
        h.type("星河贸易")
        h.press(.tab, .tab, .tab)
        h.type(products)
        h.press(.tab)
        h.type(customers)
        h.press(.ctrl("s"))
    }

    @Test func wizardImportsProductsAndCustomersFromCSV() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30))
        let products = try Self.temp("p.csv", "商品编码,商品名称,单价,税率\nCHAIR,办公椅,100,13%\nDESK,办公桌,500.00,13%\nSVC,安装服务,33.33,6%\n")
        let customers = try Self.temp("c.csv", "客户编码,客户名称\nC1,重庆山城贸易\nC2,长沙湘江商行\n")
        Self.fillWizard(&h, products: products, customers: customers)
        #expect(h.app.modals.first(SetupModal.self) == nil)
        #expect(h.text.contains("星河贸易 已设置；商品 导入 3 条，未变 0 条，拒绝 0 条；客户 导入 2 条，未变 0 条，拒绝 0 条"),
                "\(h.text)")
        #expect(try h.store.productList(search: nil, includeArchived: true, page: PageRequest(limit: 10)).map(\.sku).sorted()
                == ["CHAIR", "DESK", "SVC"])
        #expect(try h.store.customer(code: "C2")?.name == "长沙湘江商行")
        #expect(try h.store.ledgerSetting(LedgerSettings.companyKey) == "星河贸易")
    }

    /// s34-fix: saved again with a file whose rows are partly in the ledger already, the wizard says how many rows
    /// were imported, unchanged and rejected — the CLI's figures (`ImportCounts`).
    @Test func wizardSavedAgainCountsUnchangedRows() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30))
        let first = try Self.temp("p.csv", "sku,name,price,tax_rate\nCHAIR,Chair,100,13%\n")
        Self.fillWizard(&h, products: first, customers: "")
        #expect(h.text.contains("products 1 imported, 0 unchanged, 0 rejected"), "\(h.text)")
        let again = try Self.temp("p2.csv", "sku,name,price,tax_rate\nCHAIR,Chair,100,13%\nDESK,Desk,500,13%\n")
        Self.fillWizard(&h, products: again, customers: "")
        #expect(h.text.contains("products 1 imported, 1 unchanged, 0 rejected"), "\(h.text)")
        #expect(try h.store.productList(search: nil, includeArchived: true, page: PageRequest(limit: 10)).map(\.sku)
                .sorted() == ["CHAIR", "DESK"])
    }

    @Test func wizardRefusesABadFileAndWritesNothing() throws {
        var h = try AppHarness(language: .en, size: Size(width: 100, height: 30))
        let products = try Self.temp("p.csv", "sku,name,price,tax_rate\nCHAIR,Chair,100,13%\n")
        let customers = try Self.temp("c.csv", "code,name\nC1,One\nC1,Again\n")
        Self.fillWizard(&h, products: products, customers: customers)
        #expect(h.app.modals.first(SetupModal.self) != nil)                                  // still open: fix the file, save again
        #expect(h.text.contains("nothing imported"))
        #expect(h.text.contains("row 3"))
        // The figures, as the CLI counts them (the status line may cut them after a long path).
        do {
            _ = try SetupImport.run([SetupImport.File(kind: .customers, path: customers)], currency: .cny,
                                    context: h.context)
            Issue.record("imported")
        } catch { #expect(error.message.hasSuffix(" (1 of 2 row(s) rejected)"), "\(error.message)") }
        #expect(try h.store.productList(search: nil, includeArchived: true, page: PageRequest(limit: 10)).isEmpty)
        #expect(try h.store.ledgerSetting(LedgerSettings.companyKey) == nil)
    }

    @Test func statementForACustomPeriod() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
            for (date, amount) in [("2026-03-10", 10_000), ("2026-07-01", 20_000)] {
                var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: date)!, lines: [
                    LineInput(description: "货物", quantity: Quantity(1), unitPrice: Money(minorUnits: Int64(amount), currency: .cny))])
                post.creditOverrideReason = "test"
                try service.run(post)
            }
        }
        h.press(.function(4), .enter, .char("s"))
        #expect(h.text.contains("本年 2026-01-01 – 2026-11-29"))
        h.press(.char("r"))
        #expect(h.text.contains("期间 起 止：2026-01-01 2026-11-29"))
        for _ in 0..<21 { h.press(.backspace) }
        h.type("2026-04-01 至 2026-06-30")
        h.press(.enter)
        #expect(h.text.contains("自定义 2026-04-01 – 2026-06-30"))
        // Opening balance 100.00 (the March invoice), nothing in the period.
        #expect(h.text.contains("100.00"))
        #expect(!h.text.contains("200.00"))
        h.press(.char("r"))
        for _ in 0..<21 { h.press(.backspace) }
        h.type("2026-06-30 2026-04-01")
        h.press(.enter)
        #expect(h.text.contains("起始日期 2026-06-30 晚于截止日期 2026-04-01"))
        #expect(StatementView.parseRange("2026-04-01", today: CivilDate(iso: "2026-11-29")!, Strings(.en))
                == .failure(StatementView.RangeError("type two dates: from and to (e.g. 2026-01-01 2026-06-30)")))
    }

    @Test func unusualSaleAsksBeforePosting() throws {
        var h = try AppHarness(language: .en) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "One")))
            try service.run(CreateProduct(sku: "P1", name: "Paper", unitPrice: Money(minorUnits: 1_000, currency: .cny),
                                          taxRate: Rate(basisPoints: 0)))
        }
        h.type("C1"); h.press(.enter)
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)
        h.type("P1"); h.press(.enter)
        h.type("2"); h.press(.tab)
        for _ in 0..<6 { h.press(.backspace) }
        h.type("50")                                  // 50.00 against a list price of 10.00
        h.press(.function(2))
        #expect(h.text.contains("line 1 P1: unit price 50.00 is far from its usual 10.00–10.00"))
        #expect(try h.store.invoiceDocument(number: "INV-2026-000001") == nil)
        h.press(.char("n"))                           // back to the form, nothing posted
        #expect(try h.store.invoiceDocument(number: "INV-2026-000001") == nil)
        h.press(.function(2), .char("y"))             // confirmed
        #expect(try h.store.invoiceDocument(number: "INV-2026-000001")?.total == Money(minorUnits: 10_000, currency: .cny))
    }

    @Test func documentPrintsAsTextAndCSV() throws {
        let store = try SQLiteLedgerStore()
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "S01", role: .manager)
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
        let invoice = try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-22")!, lines: [
            LineInput(description: "办公椅", quantity: Quantity(3), unitPrice: Money(minorUnits: 10_000, currency: .cny),
                      taxRate: Rate(basisPoints: 1300)),
            LineInput(description: "运费", quantity: Quantity(1), unitPrice: Money(minorUnits: 1_000, currency: .cny),
                      taxRate: Rate(basisPoints: 1300))]))
        let detail = try #require(try store.documentDetail(id: invoice.id))
        let text = DocumentPrint.text(detail, company: "星河贸易", chinese: true)
        #expect(text.hasPrefix("星河贸易\n销售单  INV-2026-000001\n"))
        #expect(text.contains("金额: 310.00   税额: 40.30   价税合计: 350.30 CNY"))
        #expect(text.contains("未核销金额: 350.30 CNY"))
        let csv = DocumentPrint.csv(detail, chinese: false)
        #expect(csv.contains("INV-2026-000001,2026-11-22,C1,1,*办公椅,3,100.00,0%,13%,300.00,39.00,339.00,CNY"))
        #expect(csv.contains("INV-2026-000001,2026-11-22,C1,TOTAL,,,,,,310.00,40.30,350.30,CNY"))
    }
}

@Suite struct ManualDueDateTests {
    /// A due date typed by hand is marked as manual; one before the document date is refused.
    @Test func typedDueDateIsShownAsManual() throws {
        var h = try AppHarness(language: .zh) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "One")))
        }
        h.type("C1"); h.press(.enter)
        #expect(!h.text.contains("到期日(手工)"))
        h.press(.tab, .tab, .tab)                       // date → salesperson → terms → due
        for _ in 0..<10 { h.press(.backspace) }
        h.type("2026-11-01")
        #expect(h.text.contains("到期日(手工)"))
        #expect(h.text.contains("到期日 2026-11-01 早于单据日期"))   // refused (cut at 80 columns)
    }
}

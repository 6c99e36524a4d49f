import Testing
import LedgerCore
import LedgerReports
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 16: the commission report on the Reports screen shows `report commission`'s table (`Reports.commission`).
@Suite struct CommissionScreenTests {
    @Test(arguments: [Language.en, .zh]) func commissionTabShowsTheMonth(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 120, height: 30)) { service in
            try service.run(CreateSalesperson(code: "S01", name: "张伟"))
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "One")))
            try service.run(SetCommissionRule(CommissionRule(salesperson: "S01", basis: .netSales, rate: Rate(basisPoints: 250),
                                                             start: CivilDate(iso: "2026-11-29")!)))
            var post = PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-29")!, lines: [
                LineInput(description: "goods", quantity: Quantity(4), unitPrice: Money(minorUnits: 25_000, currency: .cny),
                          taxRate: Rate(basisPoints: 1300))])
            post.salespersonCode = "S01"
            try service.run(post)
        }
        h.press(.function(7), .tab, .tab, .tab, .tab)
        let s = h.context.strings
        let text = h.text
        #expect(text.contains(s.t("Commission 2026-11-01 – 2026-11-30", "业务员提成 2026-11-01 – 2026-11-30")), "\(text)")
        // 4 × 250.00 = 1,000.00 net (VAT not counted) at 2.5 % → 25.00, as the CLI's report says.
        let report = try Reports(store: h.store).commission(month: CivilDate(iso: "2026-11-01")!)
        #expect(report.rows.map { $0.map(ReportRenderer.plain) }
                == [["S01", "张伟", "net_sales", "2.5%", "2026-11-29", "CNY", "1000.00", "25.00"]])
        let row = try #require(h.screen().first { $0.contains("张伟") })
        #expect(row.contains("S01") && row.contains("1,000.00") && row.contains("25.00"))
        #expect(row.contains(s.t("net sales", "净销售额")))
        // p: the month before — nothing.
        h.press(.char("p"))
        #expect(h.text.contains("2026-10-01 – 2026-10-31"))
        #expect(!h.screen().contains { $0.contains("张伟") })
    }

    /// s32-fix: documents without a salesperson (a rule for everyone) are named, never a blank name: the same
    /// words in the text table, CSV and JSON (the code stays empty), `（无业务员）` in Chinese and on the screen.
    @Test(arguments: [Language.en, .zh]) func documentsWithoutSalespersonAreNamed(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24)) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "One")))
            try service.run(SetCommissionRule(CommissionRule(salesperson: "", basis: .netSales,
                                                             rate: Rate(basisPoints: 100),
                                                             start: CivilDate(iso: "2026-11-29")!)))
            try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-29")!, lines: [
                LineInput(description: "goods", quantity: Quantity(2),
                          unitPrice: Money(minorUnits: 50_000, currency: .cny), taxRate: Rate(basisPoints: 1300))]))
        }
        let report = try Reports(store: h.store).commission(month: CivilDate(iso: "2026-11-01")!)
        #expect(report.rows.map { $0.map(ReportRenderer.plain) }
                == [["", "(no salesperson)", "net_sales", "1%", "2026-11-29", "CNY", "1000.00", "10.00"]])
        #expect(ReportRenderer.csv(report).contains("\n,(no salesperson),net_sales,1%,2026-11-29,CNY,1000.00,10.00"))
        #expect(ReportRenderer.json(report).contains(#""salesperson": "", "name": "(no salesperson)""#)
                || ReportRenderer.json(report).contains(#""salesperson":"","name":"(no salesperson)""#),
                "\(ReportRenderer.json(report))")
        let zh = language == .zh
        let text = ReportRenderer.text(report, chinese: zh)
        #expect(text.contains(zh ? "（无业务员）" : "(no salesperson)"), "\(text)")
        // s32-fixc: the basis in the words of the screen (`report commission` showed the raw `net_sales`).
        #expect(text.contains(zh ? "净销售额" : "net sales") && !text.contains("net_sales"), "\(text)")
        h.press(.function(7), .tab, .tab, .tab, .tab)
        // At 80 columns the figures stay whole, and the name too: the Salesperson column narrows to its codes first
        // (s32-fixc; s32-fix left out the start date and cut the name to `(no sales~`).
        let row = try #require(h.screen().first { $0.contains(zh ? "（无业务员）" : "(no salesperson)") }, "\(h.text)")
        #expect(row.contains("1,000.00") && row.contains("10.00"), "\(h.text)")
    }
}

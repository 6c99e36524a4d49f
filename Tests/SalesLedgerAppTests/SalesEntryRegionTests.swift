import Foundation
import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s30-fix4: F3's region is a class of the region dimension (by code or name), checked in the form and in
/// `PostInvoice`; an empty sale names only the customer, not the due date derived from it.
@Suite struct SalesEntryRegionTests {
    static func seed(_ service: LedgerService) throws {
        try SalesEntryTests.seed(service)
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "region", code: "CN-33", nameEN: "Zhejiang", nameZH: "浙江省"),
            ClassImportRow(line: 3, dimension: "region", code: "CN-33-01", parentCode: "CN-33", nameEN: "Hangzhou",
                           nameZH: "杭州市"),
        ], source: "test"))
    }

    /// Customer C9002, then the region field (after date, salesperson, terms, due, channel) set to `region`,
    /// one line of P001 × 1, posted with F2.
    static func post(region: String, language: Language) throws -> AppHarness {
        var h = try AppHarness(language: language, seedLedger: seed)
        h.type("C9002"); h.press(.enter)
        h.press(.tab, .tab, .tab, .tab, .tab)
        #expect(h.app.salesEntry.focus == .region)
        for _ in 0..<12 { h.press(.backspace) }
        h.type(region); h.press(.tab)
        h.type("P001"); h.press(.enter)
        h.type("1")
        h.press(.function(2))
        return h
    }

    @Test func unknownRegionIsAFieldErrorAndNothingIsPosted() throws {
        let en = try Self.post(region: "智能温控器（壁挂式）", language: .en)
        #expect(en.app.salesEntry.errors[.region] == "unknown region '智能温控器（壁挂式）': type a region code or name "
                + "(e.g. CN-33-01, 杭州市)")
        #expect(try en.store.invoiceDocument(number: "INV-2026-000001") == nil)
        let zh = try Self.post(region: "智能温控器（壁挂式）", language: .zh)
        #expect(zh.app.salesEntry.errors[.region] == "未知区域 '智能温控器（壁挂式）'：请填写区域编码或名称（如 CN-33-01、杭州市）")
        #expect(try zh.store.invoiceDocument(number: "INV-2026-000001") == nil)
    }

    /// Tryout s31: the region was marked red and the status line said "fix the fields marked red", but no message
    /// named the region; the header's error row names channel and region too, at 80 and 200 columns.
    @Test func anUnknownRegionIsNamedOnScreen() throws {
        for (language, size, text) in [(Language.en, Size(width: 200, height: 50), "Region: unknown region 'wjg'"),
                                       (.zh, Size(width: 80, height: 24), "区域: 未知区域 'wjg'")] {
            var h = try Self.post(region: "wjg", language: language)
            h.size = size
            #expect(h.text.contains(text), "\(language) \(size.width)")
        }
    }

    @Test func regionByNameOrCodeIsStoredAsTheCode() throws {
        for typed in ["杭州市", "hangzhou", "CN-33-01"] {
            let h = try Self.post(region: typed, language: .zh)
            #expect(h.app.salesEntry.errors[.region] == nil)
            let invoice = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"))
            #expect(invoice.region == "CN-33-01")
        }
    }

    @Test func commandRefusesAnUnknownRegionForTheCLIToo() throws {
        let h = try AppHarness(language: .en, seedLedger: Self.seed)
        var post = PostInvoice(customerCode: "C9002", date: CivilDate(iso: "2026-11-20")!,
                               lines: [LineInput(productSKU: "P001", quantity: Quantity(1))])
        post.region = "Atlantis"
        do {
            _ = try h.context.run(post)
            Issue.record("posted with an unknown region")
        } catch .validation(let issues) {
            #expect(issues.map(\.path) == ["region"])
            #expect(issues.map(\.message)
                    == ["unknown region 'Atlantis' (a class code or name of the region dimension)"])
        } catch { Issue.record("\(error)") }
        #expect(Strings(.zh).core("unknown region 'Atlantis' (a class code or name of the region dimension)")
                == "未知区域 'Atlantis'（请填写区域维度中的分类编码或名称）")
        post.region = "浙江省"
        #expect(try h.context.run(post).region == "CN-33")
    }

    @Test func emptySaleNamesOnlyTheCustomer() throws {
        var h = try AppHarness(language: .en, seedLedger: Self.seed)
        h.press(.function(2))
        #expect(h.app.salesEntry.errors[.customer] == "pick a customer")
        #expect(h.app.salesEntry.errors[.due] == nil)
        #expect(!h.text.contains("is empty"))
    }
}

import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s32-fixa (tryout s32): F9's credit by line took a line named twice (`1:3,1:3`: 6 credited of 5), the Chinese
/// discard dialog answered in English, and F3 said which fields to fix by their colour alone.
@Suite struct TryoutS32FixaTests {
    @Test(arguments: [Language.en, .zh]) func aLineNamedTwiceIsRefusedInTheField(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30),
                               seedLedger: FapiaoEntryTests.seed)
        let zh = language == .zh
        func enterLines(_ text: String) {
            h.press(.char("c"))
            h.type(text)
            h.press(.enter)
        }
        let twice = zh ? "第 1 行填写了两次（第 1 项和第 2 项）：请只填一次"
            : "line 1 is named twice (entries 1 and 2): give it once"
        h.press(.function(9), .enter)
        enterLines("1:2,1:2")                                       // line 1 has 2 chairs: each alone fits
        #expect(h.text.contains(twice), "\(h.text)")
        #expect(!h.text.contains(zh ? "红字冲销原因" : "Reason for the credit note"), "\(h.text)")
        h.press(.escape)
        enterLines("1:@600 1:@600")                                 // the line's net is 1,000.00
        #expect(h.text.contains(twice), "\(h.text)")
        h.press(.escape)
        enterLines("1:1，1:@100")                                   // mixed, with a Chinese comma
        #expect(h.text.contains(twice), "\(h.text)")
        #expect(try h.store.summary().creditNotes == 0)
        h.press(.escape)
        enterLines("")                                              // empty: everything still uncredited
        #expect(h.text.contains(zh ? "红字冲销原因" : "Reason for the credit note"), "\(h.text)")
        h.type(zh ? "整单退回" : "all returned")
        h.press(.enter)
        #expect(try h.store.summary().creditNotes == 1, "\(h.text)")
        let invoice = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"))
        let note = try #require(try h.store.invoiceDocument(number: "CN-2026-000001"))
        #expect(note.total == invoice.total && note.taxTotal == invoice.taxTotal, "the whole invoice, no more")
    }

    @Test func theChineseDiscardDialogAnswersInChinese() throws {
        var h = try AppHarness(language: .zh, seedLedger: SalesEntryTests.seed)
        h.press(.function(4), .char("a"))
        h.type("C7")
        h.press(.escape)
        #expect(h.text.contains("放弃修改？"), "\(h.text)")
        #expect(h.text.contains("[y] 是   [n] 否"), "\(h.text)")
        #expect(!h.text.contains("[y] Yes") && !h.text.contains("[n] No"), "\(h.text)")
        var en = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        en.press(.function(4), .char("a"))
        en.type("C7")
        en.press(.escape)
        #expect(en.text.contains("[y] Yes   [n] No"), "\(en.text)")
    }

    @Test(arguments: [Language.en, .zh]) func theFixLineNamesTheFields(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        h.press(.function(2))                                       // an empty sale: customer and line 1 product
        #expect(h.text.contains(language == .zh ? "请修正以下字段：客户、商品（第 1 行）"
                                                : "Fix these fields: Customer, Product (line 1)"), "\(h.text)")
        h.type("C9001"); h.press(.enter)
        #expect(h.text.contains(language == .zh ? "请修正以下字段：商品（第 1 行）" : "Fix these fields: Product (line 1)"),
                "the customer is fixed: \(h.text)")
    }
}

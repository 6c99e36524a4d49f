import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// A credit by line from the documents browser (F9, `c`) asks why before it posts: the lines, then the reason, and
/// Enter on the reason is the confirmation. Before, it posted at once with a canned reason.
@Suite struct DocumentCreditByLineTests {
    @Test(arguments: [Language.en, .zh]) func creditByLineAsksForAReasonBeforePosting(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30),
                               seedLedger: FapiaoEntryTests.seed)
        let zh = language == .zh
        h.press(.function(9), .enter)
        h.press(.char("c"))
        h.type("1:1")
        h.press(.enter)
        #expect(h.text.contains(zh ? "红字冲销原因（回车即过账）：" : "Reason for the credit note (Enter posts it): "),
                "\(h.text)")
        #expect(try h.store.summary().creditNotes == 0, "nothing is posted before the reason")
        h.press(.enter)                                             // an empty reason is refused
        #expect(try h.store.summary().creditNotes == 0)
        #expect(h.text.contains(zh ? "必须填写原因" : "a reason is required"), "\(h.text)")
        h.press(.escape)                                            // Esc posts nothing
        #expect(try h.store.summary().creditNotes == 0)
        h.press(.char("c"))
        h.type("1:1")
        h.press(.enter)
        h.type(zh ? "退回一把" : "one chair returned")
        h.press(.enter)
        #expect(try h.store.summary().creditNotes == 1, "\(h.text)")
    }

    @Test func badLinesAreRefusedBeforeTheReasonIsAsked() throws {
        var h = try AppHarness(language: .en, size: Size(width: 100, height: 30), seedLedger: FapiaoEntryTests.seed)
        h.press(.function(9), .enter, .char("c"))
        h.type("x")
        h.press(.enter)
        #expect(!h.text.contains("Reason for the credit note"))
        #expect(h.text.contains("'x' is not N:QTY"), "\(h.text)")
        #expect(try h.store.summary().creditNotes == 0)
    }

    /// s32-fix: the lines field checks what is left per line as posting does (the posting's own rule, run dry), and
    /// an over-large quantity is a field error, in the UI language; nothing is posted and the reason is not asked.
    @Test(arguments: [Language.en, .zh]) func linesBeyondWhatIsLeftAreRefusedInTheField(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30),
                               seedLedger: FapiaoEntryTests.seed)
        let zh = language == .zh
        func enterLines(_ text: String) {
            h.press(.char("c"))
            h.type(text)
            h.press(.enter)
        }
        h.press(.function(9), .enter)
        enterLines("1:5")                                           // line 1 has 2 chairs
        #expect(h.text.contains(zh ? "第 1 行：5 超过尚可冲销的 2" : "line 1: 5 is more than the 2 left to credit"),
                "\(h.text)")
        #expect(!h.text.contains(zh ? "红字冲销原因" : "Reason for the credit note"), "\(h.text)")
        h.press(.escape)
        enterLines("1:99999999999")
        #expect(h.text.contains(zh ? "第 1 行：数量 '99999999999' 过大（最多 1,000,000,000）"
                                   : "line 1: quantity '99999999999' is too large (at most 1,000,000,000)"),
                "\(h.text)")
        h.press(.escape)
        enterLines("1:@2000")                                      // the line's net is 1,000.00
        #expect(h.text.contains(zh ? "第 1 行：2,000.00 超过尚可冲销的 1,000.00"
                                   : "line 1: 2,000.00 is more than the 1,000.00 left to credit"), "\(h.text)")
        h.press(.escape)
        enterLines("1:1")
        #expect(h.text.contains(zh ? "红字冲销原因" : "Reason for the credit note"), "\(h.text)")
        #expect(!h.text.contains(zh ? "超过尚可冲销" : "left to credit"), "the earlier error is cleared: \(h.text)")
        h.type(zh ? "退回一把" : "one chair returned")
        h.press(.enter)
        #expect(try h.store.summary().creditNotes == 1, "\(h.text)")
        enterLines("1:2")                                           // one chair left now
        #expect(h.text.contains(zh ? "第 1 行：2 超过尚可冲销的 1" : "line 1: 2 is more than the 1 left to credit"),
                "\(h.text)")
        #expect(try h.store.summary().creditNotes == 1)
    }

    /// A dispute with an empty reason keeps its prompt open (the next keys are typed, not run as commands).
    @Test func anEmptyDisputeReasonKeepsThePromptOpen() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: FapiaoEntryTests.seed)
        h.press(.function(9), .enter, .char("d"), .enter)
        #expect(h.text.contains("争议原因："), "\(h.text)")
        #expect(h.text.contains("必须填写原因"), "\(h.text)")
        h.type("cq")                                                 // typed into the prompt, not run
        h.press(.enter)
        let invoice = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"))
        #expect(invoice.isDisputed && invoice.disputeReason == "cq")
        #expect(try h.store.summary().creditNotes == 0)
    }
}

import Testing
@testable import SalesLedgerApp

/// Tryout s15: domain messages the Chinese UI and CLI still showed in English.
@Suite struct DomainMessagesZHTests {
    @Test func voidWithAllocationsCreditsAndLoadSummariesAreChinese() {
        let s = Strings(.zh)
        #expect(s.core("INV-2026-000001 has allocations of 1,638.78; reverse them before voiding")
                == "INV-2026-000001 已核销 1,638.78，请先反核销再作废")
        #expect(s.core("line 1: 5 is more than the 2 left to credit") == "第 1 行：5 超过尚可冲销的 2")
        #expect(s.core("INV-2026-000003 is already fully credited") == "INV-2026-000003 已全部红字冲销")
        #expect(s.core("loaded generated-zh: 200 customers, 20 products, 3000 invoices with 7442 lines, "
                       + "2673 receipts, 65 credit notes")
                == "已载入 generated-zh：客户 200 个，商品 20 个，销售单 3000 张（7442 行），收款单 2673 张，红字冲销 65 张")
        #expect(Strings(.en).core("INV-1 is already fully credited") == "INV-1 is already fully credited")
    }
}

/// Tryout s15: an import's row problems stayed English inside Chinese paths; they are the app's words now, so the
/// TUI's set-up import and the CLI say the same.
@Suite struct ImportProblemsZHTests {
    @Test func importRowProblemsAreChinese() {
        let s = Strings(.zh)
        #expect(s.core("row 5, column customer: customer is empty") == "第5行「customer」列：客户为空")
        #expect(s.core("row 4, column date: 2026-13-01 is not a valid date (does not exist, format ymd)")
                == "第4行「date」列：2026-13-01 不是有效日期（该日不存在，格式 ymd）")
    }
}

/// Tryout s30: a too-large amount lost its limit in Chinese (a shorter pattern matched first).
@Suite struct TooLargeAmountZHTests {
    @Test func theLimitIsKept() {
        let s = Strings(.zh)
        #expect(s.core("amount '1000000000000000000' is too large (at most 10,000,000,000,000.00)")
                == "金额 '1000000000000000000' 过大（最多 10,000,000,000,000.00）")
        #expect(s.core("amount '99999999999999999999' is too large") == "金额 '99999999999999999999' 过大")
    }
}

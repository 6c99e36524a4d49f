import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// The customer form's fapiao section (开票信息): scrolled into view at 80×24, checked as typed, saved with the
/// customer in one transaction.
struct CustomerTaxFormTests {
    @Test func addsACustomerWithTaxDetailsAndExplainsABadCheckCharacterInChinese() throws {
        var h = try AppHarness(language: .zh)
        h.press(.function(4), .char("a"))
        h.type("TAX1")
        h.press(.tab)
        h.type("杭州星河贸易有限公司")
        // Tab to the 纳税人识别号 field (after the other 12 fields).
        for _ in 0..<12 { h.press(.tab) }
        #expect(h.text.contains("纳税人识别号"))
        h.type("91350100M000100Y44")
        h.press(.tab)
        #expect(h.text.contains("! 校验应为3"))
        h.press(.backTab)
        h.press(.backspace)
        h.type("3")
        h.press(.tab)
        h.type("星河总部")
        h.press(.ctrl("s"))
        let details = try #require(try h.store.taxDetails(customerCode: "TAX1"))
        #expect(details.taxID == "91350100M000100Y43")
        #expect(details.invoiceTitle == "星河总部")
        #expect(try h.store.customer(code: "TAX1")?.name == "杭州星河贸易有限公司")
    }
}

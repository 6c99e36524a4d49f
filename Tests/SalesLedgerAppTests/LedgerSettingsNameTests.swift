import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s35-fix: the company name and the base currency could be set in the first-run wizard only. F8's settings panel
/// changes the company name (`c`, `SetCompanyName`, as `setup --company-name`) and, while the ledger has no
/// documents, the base currency (`b`, `SetBaseCurrency`, as `rate base`); both audited.
@Suite struct LedgerSettingsNameTests {
    @Test(arguments: [Language.en, .zh]) func theCompanyNameAndBaseCurrencyAreChanged(language: Language) throws {
        var h = try LedgerSettingsPanelTests.open(language)
        let zh = language == .zh
        #expect(h.text.contains(zh ? "按 c 修改" : "c: change"), "\(h.text)")
        h.press(.char("c"))
        h.type("星河贸易有限公司")
        h.press(.enter)
        #expect(try h.store.ledgerSetting(LedgerSettings.companyKey) == "星河贸易有限公司")
        #expect(h.screen().contains { $0.contains(zh ? "公司名称" : "Company name") && $0.contains("星河贸易有限公司") },
                "\(h.text)")
        #expect(try h.store.auditLog(filter: AuditLogFilter(command: SetCompanyName.name)).count == 1)
        // An empty name is refused on the prompt, in the UI's language.
        h.press(.char("c"))
        for _ in 0..<10 { h.press(.backspace) }
        h.press(.enter)
        #expect(h.text.contains(zh ? "公司名称：必填" : "companyName: is required"), "\(h.text)")
        h.press(.escape)
        #expect(try h.store.ledgerSetting(LedgerSettings.companyKey) == "星河贸易有限公司")
        // No documents yet: the base currency may change.
        h.press(.char("b"))
        h.type("USD")
        h.press(.enter)
        #expect(try h.store.exchangeRates().base == .usd, "\(h.text)")
        #expect(try h.store.auditLog(filter: AuditLogFilter(command: SetBaseCurrency.name)).count == 1)
    }

    @Test func theBaseCurrencyIsFixedOnceTheLedgerHasDocuments() throws {
        var h = try AppHarness(language: .en, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(8), .tab, .tab)
        let before = try h.store.exchangeRates().base
        #expect(h.text.contains("Fixed: the ledger has documents."), "\(h.text)")
        h.press(.char("b"))
        #expect(!h.text.contains("Base currency (CNY"), "\(h.text)")
        #expect(try h.store.exchangeRates().base == before)
    }
}

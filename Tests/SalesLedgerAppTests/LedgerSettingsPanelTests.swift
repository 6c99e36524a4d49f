import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s34-fix2: the ledger's default tax rate had no TUI (CLI `setup --default-tax-rate` only). F8's settings panel
/// shows the ledger's settings; `t` changes the default rate through `SetDefaultTaxRate` (audited), read as the CLI
/// reads it; a new product's form then proposes it.
@Suite struct LedgerSettingsPanelTests {
    static func open(_ language: Language, size: Size = Size(width: 80, height: 24)) throws -> AppHarness {
        var h = try AppHarness(language: language, size: size, seedLedger: SalesEntryTests.seed)
        h.press(.function(8), .tab, .tab)
        return h
    }

    @Test(arguments: [Language.en, .zh]) func theRateIsShownAndChanged(language: Language) throws {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 50)] {
            var h = try Self.open(language, size: size)
            let label = language == .zh ? "默认税率" : "Default tax rate"
            let rateRow = try #require(h.screen().first { $0.contains(label) }, "\(h.text)")
            #expect(rateRow.contains(language == .zh ? "0%（未设置）" : "0% (not set)"), "\(h.text)")
            h.press(.char("t"))
            h.type("9%")
            h.press(.enter)
            #expect(try h.store.ledgerSetting(LedgerSettings.taxKey) == "900")
            #expect(h.screen().contains { $0.contains(label) && $0.contains("9%") }, "\(h.text)")
            let log = try h.store.auditLog(filter: AuditLogFilter(command: SetDefaultTaxRate.name))
            #expect(log.count == 1)
            // A new product proposes the ledger's rate.
            h.press(.tab)                                                    // → products
            h.press(.char("a"))
            let form = try #require(h.app.products.modals.top as? ProductForm)
            #expect(form.form.fields.first { $0.id == "tax" }?.input.text == "9")
        }
    }

    @Test(arguments: [("0.13", "1300"), ("13", "1300"), ("6％", "600")]) func readAsTheCLIReadsIt(typed: String,
                                                                                            stored: String) throws {
        var h = try Self.open(.en)
        h.press(.char("t"))
        h.type(typed)
        h.press(.enter)
        #expect(try h.store.ledgerSetting(LedgerSettings.taxKey) == stored, "\(h.text)")
    }

    @Test(arguments: [Language.en, .zh]) func aBadRateSaysWhatAndWhere(language: Language) throws {
        var h = try Self.open(language)
        h.press(.char("t"))
        h.type("130")
        h.press(.enter)
        #expect(try h.store.ledgerSetting(LedgerSettings.taxKey) == nil)
        let expected = language == .zh ? "默认税率：'130' 不是 0 到 100% 的税率"
                                       : "Default tax rate: '130' is not a rate from 0 to 100%"
        #expect(h.screen()[22].hasPrefix(" " + expected), "\(h.text)")   // whole on the status line at 80
    }

    @Test func aClerkIsRefused() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.service.role = .clerk
        h.press(.function(8), .tab, .tab, .char("t"))
        h.type("9")
        h.press(.enter)
        #expect(try h.store.ledgerSetting(LedgerSettings.taxKey) == nil)
        #expect(h.text.contains("permission denied"), "\(h.text)")
    }
}

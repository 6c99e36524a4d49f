import Foundation
import Testing
import LedgerAudit
import LedgerCore
import LedgerInterop
import LedgerReports
import TerminalUI
@testable import SalesLedgerApp

/// s19-fix: the s18 tryout's findings left open, each on the rendered cell grid (or the report layer's text).
@Suite struct TryoutS19Tests {
    /// F7's aging by customer at 80 columns in Chinese kept 6 cells of each name and hid the 91+, credits and total
    /// columns: the middle buckets and the credits give way first, the name keeps 16 cells, no figure is cut.
    @Test(arguments: [Language.en, .zh]) func agingByCustomerKeepsNamesAndTotalAt80(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: seedGenerated)
        h.press(.function(7), .tab)
        let screen = h.screen()
        let header = try #require(screen.first { $0.hasPrefix(language == .zh ? "编码" : "Code") }, "\(h.text)")
        #expect(header.contains(language == .zh ? "合计" : "Total"), "\(header)")
        #expect(header.contains(language == .zh ? "逾期91+天" : "91+"), "\(header)")
        // A generated name (at least 8 characters) shows its first 7 characters whole.
        let row = try #require(screen.first { $0.hasPrefix("C0") }, "\(h.text)")
        let name = String(row.dropFirst(6).prefix { $0 != " " && $0 != "~" })
        #expect(name.count >= 7, "\(row)")
        #expect(NothingCutTests.cutNumbers(in: screen).isEmpty, "\(h.text)")
    }

    /// Aging by salesperson showed documents without one as a row with an empty code and name.
    @Test(arguments: [Language.en, .zh]) func agingWithoutASalespersonSaysNone(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: TryoutS16Tests.seedOverdue)
        h.press(.function(7), .tab, .char("d"))
        let none = language == .zh ? "（未指定）" : "(none)"
        #expect(h.screen().contains { $0.hasPrefix(none + " ") && $0.trimmingCharacters(in: .whitespaces)
                                          .hasSuffix("100.00") }, "\(h.text)")
        // The CLI's table says it too; CSV and JSON keep the empty code (data).
        let aging = try Reports(store: h.context.store).aging(asOf: h.context.today, by: .salesperson)
        let table = AgingTable.grouped(aging, by: .salesperson)
        let text = ReportRenderer.text(table, chinese: language == .zh)
        #expect(text.split(separator: "\n")[2].hasPrefix(none), "\(text)")
        #expect(ReportRenderer.csv(table, style: .raw).split(separator: "\n")[1].hasPrefix(",,"))
    }

    /// F3's "Fix the fields marked in red" stayed on the status line after the fields were fixed. s32-fixa: it
    /// names the fields ("Fix these fields: Customer, …") and follows them as they are fixed.
    @Test(arguments: [Language.en, .zh]) func theFixFieldsMessageGoesOnceFixed(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        let message = Strings(language).fixErrors
        h.press(.function(2))                                   // post an empty sale: the customer is marked
        #expect(h.text.contains(message), "\(h.text)")
        h.type("C9001"); h.press(.enter)                        // the customer, its terms and due date
        #expect(h.text.contains(message), "line 1 is still marked: \(h.text)")
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)             // → product of line 1
        h.type("P001"); h.press(.enter)
        #expect(!h.text.contains(message), "\(h.text)")
    }

    /// A new customer defaulted to CNY in the USD Northwind ledger, and F3's empty form said "Total 0.00 CNY": the
    /// ledger's base currency (set by the sample loads) is the default.
    @Test func theBaseCurrencyIsTheDefaultOfNewSalesAndCustomers() throws {
        var h = try AppHarness(language: .en, seedLedger: { service in
            try service.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true))
            try service.run(SetBaseCurrency(currencyCode: "EUR", unlessSet: true))   // kept out: one is set
        })
        #expect(h.text.contains("Total 0.00 USD"), "\(h.text)")
        h.press(.function(4), .char("a"))
        #expect(h.screen().contains { $0.contains("Currency") && $0.contains("USD") }, "\(h.text)")
    }

    /// F8 cut Northwind's long units to "10 b~" in 5 cells.
    @Test func productUnitsAreWholeAt80() throws {
        var h = try AppHarness(language: .en, seedLedger: { service in
            try service.run(CreateProduct(sku: "NW-1", name: "Chai", category: "Beverages", unit: "10 boxes x 20 bags",
                                          unitPrice: Money(minorUnits: 1_800, currency: .usd)))
        })
        h.press(.function(8))
        let row = try #require(h.screen().first { $0.hasPrefix("NW-1") }, "\(h.text)")
        #expect(row.contains("10 boxes x 20 bags") && row.contains("18.00"), "\(row)")
    }

    /// F4's customer view cut class · region · channel at the contact line's end at 80 columns ("C · ~").
    @Test func theCustomerViewShowsItsClassesWholeAt80() throws {
        var h = try AppHarness(language: .en, seedLedger: { service in
            var c = CustomerFields(code: "ALFKI", name: "Alfreds Futterkiste")
            c.contact = "Maria Anders"
            c.phone = "030-0074321"
            c.address = "Obere Str. 57, 12209 Berlin, Germany"
            c.customerClass = "C"
            c.channel = "RETAIL"
            try service.run(CreateCustomer(c))
        })
        h.press(.function(4), .enter)
        let title = try #require(h.screen().first { $0.contains("ALFKI  Alfreds Futterkiste") }, "\(h.text)")
        #expect(title.contains("C · ") && !title.contains("~"), "\(h.text)")
    }

    /// F11's audit log cut the command column at 80 columns ("receipt.re…").
    @Test(arguments: [Language.en, .zh]) func theAuditLogShowsWholeCommands(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: TryoutS16Tests.seedOverdue)
        h.press(.function(11), .tab)
        let name = Strings(language).commandName("customer.create")
        #expect(h.screen().contains { $0.contains(" " + name + " ") }, "\(h.text)")
    }

    /// `report dso` over a window whose credit notes outweigh its sales printed an empty DSO with no word why.
    @Test(arguments: [false, true]) func dsoSaysWhyItHasNoFigure(chinese: Bool) throws {
        let h = try AppHarness(language: .en, seedLedger: { service in
            try TryoutS16Tests.seedOverdue(service)              // 100.00 sold on 2026-08-01, before the window
            try service.run(IssueCreditNote(customerCode: "C9002", date: CivilDate(iso: "2026-11-20")!,
                                            appliesToNumber: "INV-2026-000001",
                                            amount: Money(minorUnits: 719, currency: .cny), reason: "damaged"))
        })
        let table = try Reports(store: h.context.store).dso(to: h.context.today).table
        let line = try #require(ReportRenderer.text(table, chinese: chinese).split(separator: "\n").last)
        #expect(line.hasSuffix(chinese ? "无（赊销额≤0）" : "n/a (credit sales ≤ 0)"), "\(line)")
        #expect(line.contains("-7.19") && line.contains("92.81"), "\(line)")   // 100.00 − 7.19 open at the end
        #expect(ReportRenderer.csv(table, style: .raw).hasSuffix(",-7.19,90,\n"), "\(table)")
    }
}

/// The audit report printed the amounts of findings' messages ungrouped (`balance 1234567.80`).
@Suite struct AuditMessageGroupingTests {
    @Test func amountsInMessagesAreGroupedAndCodesAreNot() {
        #expect(AuditFormat.grouped("balance 1234567.80 CNY, not 1234.5.") == "balance 1,234,567.80 CNY, not 1,234.5.")
        #expect(AuditFormat.grouped("INV-2026-000123 of 2026-11-29 is -98765.43")
                == "INV-2026-000123 of 2026-11-29 is -98,765.43")
        #expect(AuditFormat.grouped("INV-12345.60 v3.1415.2 1234.") == "INV-12345.60 v3.1415.2 1234.")
        #expect(AuditFormat.grouped("增长 12345.00 元（本期 99999999999999999999.00）")
                == "增长 12,345.00 元（本期 99999999999999999999.00）")
    }
}

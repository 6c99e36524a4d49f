import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s30: in sales entry (F3), ^R creates the customer or product the clerk typed, in the existing forms,
/// prefilled; saving selects it in the sale, Esc loses nothing.
@Suite struct CreateInPlaceTests {
    static func open(_ language: Language = .en) throws -> AppHarness {
        var h = try AppHarness(language: language, size: Size(width: 120, height: 30), seedLedger: SalesEntryTests.seed)
        h.app.show(.salesEntry)
        return h
    }

    func hints(_ h: AppHarness) -> [String] { h.app.keyBindings.map { "\($0.keyText) \($0.label)" } }

    @Test func aNewCustomerIsCreatedAndChosen() throws {
        var h = try Self.open()
        #expect(!hints(h).contains("^R New customer/product"))          // nothing typed: nothing to create
        h.type("新客户甲")
        #expect(hints(h).contains("^R New customer/product"), "\(hints(h))")
        #expect(h.screen().last?.contains("^R New customer/product") == true, "\(h.text)")
        h.press(.ctrl("r"))
        let form = try #require(h.app.salesEntry.modals.top as? CreateInPlaceModal)
        #expect(form.form.fields.first { $0.id == "name" }?.input.text == "新客户甲")
        #expect(form.form.fields[form.form.focusIndex].id == "code")    // a Chinese name is no code: typed next
        #expect(h.text.contains("Add customer"))
        h.type("C7001")
        h.press(.ctrl("s"))
        #expect(h.app.salesEntry.modals.isEmpty)
        let created = try #require(try h.store.customer(code: "C7001"))
        #expect(created.name == "新客户甲")
        #expect(h.app.salesEntry.customer?.code == "C7001")
        #expect(h.app.salesEntry.text(.customer) == "新客户甲")
        #expect(h.app.salesEntry.text(.terms) == "NET30")
        #expect(h.app.salesEntry.focus == .date)
        #expect(h.text.contains("Customer added: C7001 新客户甲"), "\(h.text)")
        #expect(!hints(h).contains("^R New customer/product"))          // chosen: nothing left to create
    }

    @Test func aCodeLikeTextFillsTheCodeTooAndADuplicateIsRefusedInPlace() throws {
        var h = try Self.open(.zh)
        h.type("C9001X")
        h.press(.ctrl("r"))
        let form = try #require(h.app.salesEntry.modals.top as? CreateInPlaceModal)
        #expect(form.form.fields.first { $0.id == "code" }?.input.text == "C9001X")
        #expect(form.form.fields[form.form.focusIndex].id == "contact")
        // Make the code a duplicate of C9001: refused, the form stays open with the reason in Chinese.
        h.press(.backTab, .backTab, .backspace)
        h.press(.ctrl("s"))
        #expect(h.app.salesEntry.modals.top is CreateInPlaceModal)
        #expect(h.text.contains("客户编码 'C9001' 已被使用"), "\(h.text)")
        #expect(try h.store.customer(code: "C9001")?.name == "北京星河科技有限公司")
    }

    @Test func cancellingLosesNothing() throws {
        var h = try Self.open()
        h.type("nobody")
        h.press(.ctrl("r"))
        #expect(h.app.salesEntry.modals.top is CreateInPlaceModal)
        h.press(.escape)                                               // prefilled only: closes at once
        #expect(h.app.salesEntry.modals.isEmpty)
        #expect(h.app.salesEntry.text(.customer) == "nobody")
        #expect(h.app.salesEntry.focus == .customer)
        h.press(.ctrl("r"))
        h.type("Nobody Ltd")                                          // typed into the (focused) code field
        h.press(.escape)
        #expect(h.text.contains("Discard changes?"))
        h.press(.char("y"))
        #expect(h.app.salesEntry.modals.isEmpty)
        #expect(h.app.salesEntry.text(.customer) == "nobody")
        #expect(try h.store.customer(code: "nobody") == nil)
        #expect(try h.store.customer(code: "Nobody Ltd") == nil)
    }

    @Test func aNewProductIsCreatedChosenAndSold() throws {
        var h = try Self.open()
        h.type("C9002"); h.press(.enter)
        h.press(.tab, .tab, .tab, .tab, .tab, .tab)                  // → product of line 1
        #expect(h.app.salesEntry.focus == .product(0))
        h.type("P777")
        h.press(.ctrl("r"))
        let form = try #require(h.app.salesEntry.modals.top as? CreateInPlaceModal)
        #expect(form.form.fields.first { $0.id == "sku" }?.input.text == "P777")
        #expect(form.form.fields[form.form.focusIndex].id == "category")
        #expect(h.text.contains("Add product"))
        h.press(.tab, .tab)                                           // category → unit → price
        h.type("25")
        h.press(.ctrl("s"))
        #expect(h.app.salesEntry.modals.isEmpty, "\(h.text)")
        #expect(h.text.contains("Product added: P777 P777"), "\(h.text)")
        #expect(h.app.salesEntry.productNames[0] == "P777")
        #expect(h.app.salesEntry.text(.price(0)) == "25.00")
        #expect(h.app.salesEntry.text(.tax(0)) == "13")
        #expect(h.app.salesEntry.focus == .quantity(0))
        h.type("2")
        h.press(.function(2))
        let sale = try #require(try h.store.invoiceDocument(number: "INV-2026-000001"), "\(h.text)")
        #expect(sale.total == Money(minorUnits: 5_650, currency: .cny))   // 2 × 25.00 + 13 %
        #expect(sale.lines.first?.productID != nil && sale.lines.first?.description == "P777")
    }

    /// At 80 columns the hint bar keeps ^R (it comes right after Post), in both languages.
    @Test(arguments: [Language.en, .zh])
    func theKeyIsInTheHintBarAt80Columns(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: SalesEntryTests.seed)
        h.app.show(.salesEntry)
        h.type("nobody")
        let hint = language == .zh ? "^R 新建客户/商品" : "^R New customer/product"
        #expect(h.screen().last?.contains(hint) == true, "\(h.screen().last ?? "")")
    }

    @Test func theKeyIsInHelp() throws {
        var h = try Self.open(.zh)
        h.press(.function(1))
        #expect(h.text.contains("^R"), "\(h.text)")
        #expect(h.text.contains("新建客户/商品"), "\(h.text)")
    }
}

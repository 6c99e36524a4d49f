import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s33: F3 said `unknown salesperson code 张三` and a real ledger had no way to add one. ^R on the salesperson
/// field opens the salesperson form prefilled (a name as the name, a code as the code); saving creates it through
/// `CreateSalesperson` and puts its code in the sale.
@Suite struct SalespersonInPlaceTests {
    @Test(arguments: [Language.en, .zh]) func anUnknownSalespersonIsCreatedAndChosen(language: Language) throws {
        var h = try CreateInPlaceTests.open(language)
        h.app.salesEntry.move(to: .salesperson, context: h.context)
        h.app.salesEntry.set(.salesperson, "张三")
        #expect(h.app.salesEntry.canCreateInPlace)
        h.press(.ctrl("r"))
        let form = try #require(h.app.salesEntry.modals.top as? CreateInPlaceModal)
        #expect(form.form.fields.first { $0.id == "name" }?.input.text == "张三")
        #expect(form.form.fields[form.form.focusIndex].id == "code")
        h.type("ZS")
        h.press(.ctrl("s"))
        #expect(h.app.salesEntry.modals.isEmpty, "\(h.text)")
        #expect(try h.store.salespeople().contains { $0.code == "ZS" && $0.name == "张三" })
        #expect(h.app.salesEntry.text(.salesperson) == "ZS")
        #expect(h.app.salesEntry.focus == .terms)
        #expect(h.text.contains(language == .zh ? "已新增业务员: ZS 张三" : "Salesperson added: ZS 张三"), "\(h.text)")
        #expect(!h.app.salesEntry.canCreateInPlace)
        let log = try h.store.auditLog(filter: AuditLogFilter(command: "salesperson.create"))
        #expect(log.count == 2, "\(log.map(\.changes))")   // the seed's S01, then ZS
    }

    @Test func aDuplicateCodeIsRefusedInPlaceInChinese() throws {
        var h = try CreateInPlaceTests.open(.zh)
        h.app.salesEntry.move(to: .salesperson, context: h.context)
        h.app.salesEntry.set(.salesperson, "王五")
        h.press(.ctrl("r"))
        #expect(h.app.salesEntry.modals.top is CreateInPlaceModal)
        h.type("S01")                                                  // 张伟's code (the seed's)
        h.press(.ctrl("s"))
        #expect(h.app.salesEntry.modals.top is CreateInPlaceModal, "\(h.text)")
        #expect(h.text.contains("业务员编码 'S01' 已被使用"), "\(h.text)")
    }
}

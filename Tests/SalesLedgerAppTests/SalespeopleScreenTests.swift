import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s34-fix2: salespeople had `salesperson add|list|edit` in the CLI and ^R in F3, but no list in the TUI, and F3's
/// salesperson field found them by code only. F8's salespeople panel (Tab) lists, adds and edits them through the
/// CLI's commands (audited); F3's field finds them by code, name, pinyin and initials, as the customer field does.
@Suite struct SalespeopleScreenTests {
    static func seed(_ service: LedgerService) throws {
        try SalesEntryTests.seed(service)                                   // S01 张伟
        // A region is a class of the region dimension (s34-fix), typed by name and kept as the code.
        try service.run(ImportClasses(rows: [
            ClassImportRow(line: 2, dimension: "region", code: "HD", nameEN: "East China", nameZH: "华东"),
            ClassImportRow(line: 3, dimension: "region", code: "HN", nameEN: "South China", nameZH: "华南"),
        ], source: "test"))
        try service.run(CreateSalesperson(code: "S02", name: "李娜", region: "华东"))
        try service.run(CreateSalesperson(code: "S03", name: "Wang Fang"))
    }

    static func open(_ language: Language, width: Int = 80, height: Int = 24) throws -> AppHarness {
        var h = try AppHarness(language: language, size: Size(width: width, height: height), seedLedger: seed)
        h.press(.function(8), .tab)
        return h
    }

    @Test(arguments: [Language.en, .zh]) func theListShowsEverySalesperson(language: Language) throws {
        for (width, height) in [(80, 24), (200, 50)] {
            let h = try Self.open(language, width: width, height: height)
            let lines = h.screen()
            #expect(lines[2].contains(language == .zh ? "业务员: 3" : "Salespeople: 3"), "\(h.text)")
            let row = try #require(lines.first { $0.contains("S02") }, "\(h.text)")
            // s35-fix: the region's name, as on the customers screen (not its code HD).
            #expect(row.contains("李娜") && row.contains(language == .zh ? "华东" : "East China"), "\(row)")
            #expect(lines.contains { $0.contains("S01") && $0.contains("张伟") })
            #expect(lines.last?.contains(language == .zh ? "a 新增业务员" : "a Add salesperson") == true,
                    "\(lines.last ?? "")")
        }
    }

    @Test(arguments: [Language.en, .zh]) func addAndEditRunTheAuditedCommands(language: Language) throws {
        var h = try Self.open(language)
        h.press(.char("a"))
        #expect(h.text.contains(language == .zh ? "新增业务员" : "New salesperson"), "\(h.text)")
        h.type("S09")
        h.press(.tab)
        h.type("赵六")
        h.press(.tab)
        h.type("华南")
        h.press(.ctrl("s"))
        #expect(h.app.products.modals.isEmpty, "\(h.text)")
        let added = try #require(try h.store.salespeople().first { $0.code == "S09" })
        #expect(added.name == "赵六" && added.region == "HN")
        #expect(h.text.contains(language == .zh ? "已新增业务员: S09 赵六" : "Salesperson added: S09 赵六"), "\(h.text)")
        #expect(try h.store.auditLog(filter: AuditLogFilter(command: "salesperson.create")).count == 4)

        // Edit: find by pinyin initials (zl = 赵六), Enter, a new name; the code stays.
        h.press(.char("/"))
        h.type("zl")
        h.press(.enter)
        #expect(h.app.products.salespeople.selected?.code == "S09", "\(h.text)")
        h.press(.enter)
        #expect(h.text.contains(language == .zh ? "编辑业务员 S09" : "Edit salesperson S09"), "\(h.text)")
        for _ in 0..<2 { h.press(.backspace) }
        h.type("赵小六")
        h.press(.ctrl("s"))
        #expect(try h.store.salespeople().first { $0.code == "S09" }?.name == "赵小六", "\(h.text)")
        let update = try h.store.auditLog(filter: AuditLogFilter(command: "salesperson.update"))
        #expect(update.count == 1)
    }

    @Test func anEmptyNameIsRefusedNamingTheFieldInChinese() throws {
        var h = try Self.open(.zh)
        h.press(.enter)                                                   // edit S01 张伟
        for _ in 0..<2 { h.press(.backspace) }
        h.press(.ctrl("s"))
        #expect(h.app.products.modals.isEmpty == false)
        #expect(h.text.contains("姓名"), "\(h.text)")
        #expect(try h.store.salespeople().first { $0.code == "S01" }?.name == "张伟")
    }

    /// F3's salesperson field: by name, pinyin, initials and code, ranked as the customer field ranks customers.
    @Test(arguments: [("李娜", "S02"), ("lina", "S02"), ("ln", "S02"), ("zhangwei", "S01"), ("S03", "S03"),
                      ("wang", "S03")])
    func theSalesFieldFindsByNameAndPinyin(typed: String, code: String) throws {
        var h = try AppHarness(language: .zh, seedLedger: Self.seed)
        h.app.show(.salesEntry)
        h.app.salesEntry.move(to: .salesperson, context: h.context)
        h.press(.ctrl("u"))
        h.type(typed)
        #expect(h.app.salesEntry.suggestions.first?.value == code, "\(h.app.salesEntry.suggestions)")
        h.press(.tab)
        #expect(h.app.salesEntry.text(.salesperson) == code)
        #expect(h.app.salesEntry.errors[.salesperson] == nil)
        // The field holds the code; the chosen salesperson's name is shown in words below it.
        let name = try #require(try h.store.salespeople().first { $0.code == code }).name
        #expect(h.screen()[5].contains("业务员 \(name)"), "\(h.text)")
    }
}

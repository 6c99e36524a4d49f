import Testing
import LedgerCore
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 16: fapiao recorded in the TUI — in the documents browser (F9, `f`) and from today's sales (^L, `f`).
@Suite struct FapiaoEntryTests {
    static func seed(_ service: LedgerService) throws {
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
        try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-29")!, lines: [
            LineInput(description: "办公椅", quantity: Quantity(2), unitPrice: Money(minorUnits: 50_000, currency: .cny),
                      taxRate: Rate(basisPoints: 1300))]))
    }

    func status(_ h: AppHarness) throws -> FapiaoStatus? {
        try h.store.saleFapiaoPositions(asOf: CivilDate(iso: "2026-11-29")!, customerCode: "C1").first?.status
    }

    /// Type 数电普 (first), number, date (today), amount: replaces the prefilled amount when `amount` is given.
    func record(_ h: inout AppHarness, number: String, amount: String?) {
        h.press(.char("f"))
        h.press(.tab, .tab)                 // type → code → number
        h.type(number)
        h.press(.tab, .tab)                 // → date → amount
        if let amount {
            for _ in 0..<10 { h.press(.backspace) }
            h.type(amount)
        }
        h.press(.ctrl("s"))
    }

    @Test func browserRecordsTwoPartsUntilInvoiced() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: Self.seed)
        h.press(.function(9), .enter)
        #expect(try status(h) == .notInvoiced)
        h.press(.char("f"))
        #expect(h.text.contains("开票登记：INV-2026-000001（待开 1,130.00）"))   // grouped (tryout s15)
        h.press(.escape)
        record(&h, number: "12345678901234567890", amount: "500")
        #expect(h.text.contains("已登记发票：数电普 12345678901234567890（INV-2026-000001）；部分开票"), "\(h.text)")
        #expect(try status(h) == .partlyInvoiced)
        // A number already used is refused, nothing recorded.
        record(&h, number: "12345678901234567890", amount: nil)
        #expect(h.text.contains("发票 数电普 12345678901234567890 已登记，不能重复"))
        h.press(.escape, .char("y"))                                  // discard the form
        record(&h, number: "12345678901234567891", amount: nil)      // the rest: 630.00
        #expect(h.text.contains("已开票"))
        #expect(try status(h) == .invoiced)
        let list = try h.store.fapiaoList(customerCode: "C1", from: nil, to: nil)
        #expect(list.count == 2)
        h.press(.char("f"))
        #expect(h.text.contains("没有待开票金额（已开票）"))
    }

    @Test func todaysSalesListRecordsAFapiao() throws {
        var h = try AppHarness(language: .en, size: Size(width: 100, height: 30), seedLedger: Self.seed)
        h.press(.ctrl("l"))
        #expect(h.screen().last?.contains("f Record fapiao") == true)
        h.press(.char("f"))
        h.press(.tab, .tab)
        h.type("12345678901234567890")
        h.press(.ctrl("s"))
        #expect(h.text.contains("Fapiao recorded"), "\(h.text)")
        #expect(try status(h) == .invoiced)
    }

    /// Tryout s30: a 数电专 for a customer without 纳税人识别号 is refused by the command, in Chinese; the form stays
    /// open and nothing is recorded.
    @Test func specialFapiaoWithoutTheBuyersTaxIDIsRefused() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 100, height: 30), seedLedger: Self.seed)
        h.press(.function(9), .enter)
        h.press(.char("f"))
        h.press(.right)                     // 数电普 → 数电专
        h.press(.tab, .tab)
        h.type("12345678901234567890")
        h.press(.ctrl("s"))
        #expect(h.text.contains("纳税人识别号：数电专须有购买方纳税人识别号，客户 C1 未登记"), "\(h.text)")
        #expect(h.text.contains("开票登记：INV-2026-000001"))
        #expect(try status(h) == .notInvoiced)
        #expect(try h.store.fapiaoList(customerCode: "C1", from: nil, to: nil).isEmpty)
    }

    /// Tryout s30: the prefilled amount (what is left) is replaced by the first digit typed, not appended to.
    @Test func typingReplacesThePrefilledAmount() throws {
        var h = try AppHarness(language: .en, size: Size(width: 100, height: 30), seedLedger: Self.seed)
        h.press(.function(9), .enter)
        h.press(.char("f"))
        h.press(.tab, .tab)
        h.type("12345678901234567890")
        h.press(.tab, .tab)                 // → amount, prefilled 1130.00
        h.type("300")
        h.press(.ctrl("s"))
        #expect(h.text.contains("Fapiao recorded"), "\(h.text)")
        let fapiao = try #require(try h.store.fapiaoList(customerCode: "C1", from: nil, to: nil).first)
        #expect(fapiao.total == 30_000)
        #expect(try status(h) == .partlyInvoiced)
    }
}

/// Tryout s30 (fix5): a malformed 发票号码 / 发票代码 is marked and counted as it is typed, by `FapiaoKey`'s rule,
/// under the field's name, quoting what was typed; nothing reaches the command.
@Suite struct FapiaoKeyFieldTests {
    func openForm(_ language: Language) throws -> AppHarness {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30),
                               seedLedger: FapiaoEntryTests.seed)
        h.press(.function(9), .enter)
        h.press(.char("f"))
        return h
    }

    @Test func chineseNumberIsCheckedOnTab() throws {
        var h = try openForm(.zh)
        h.press(.tab, .tab)
        h.type("12AB")
        h.press(.tab)
        #expect(h.text.contains("数电普号码应为 20 位数字，输入的是 '12AB'"), "\(h.text)")
        h.press(.ctrl("s"))                 // refused by the form: counted, nothing recorded
        #expect(h.text.contains("1 个问题，修正后才能保存"), "\(h.text)")
        #expect(h.text.contains("发票号码: 数电普号码应为 20 位数字，输入的是 '12AB'"), "\(h.text)")
        #expect(try h.store.fapiaoList(customerCode: "C1", from: nil, to: nil).isEmpty)
    }

    @Test func englishCodeAndNumberFollowTheType() throws {
        var h = try openForm(.en)
        h.press(.right, .right)             // 数电普 → 数电专 → 普票: 8 digits and a 10/12-digit code
        h.press(.tab)
        h.type("12AB")
        h.press(.tab)
        h.type("1234567")
        h.press(.tab)
        h.press(.ctrl("s"))
        #expect(h.text.contains("2 problems — fix them to save:"), "\(h.text)")
        #expect(h.text.contains("Fapiao code (paper): a paper fapiao code has 10 or 12 digits;"), "\(h.text)")
        #expect(h.text.contains("    got '12AB'"), "\(h.text)")   // wrapped in the 70-column box
        #expect(h.text.contains("Fapiao number: a 普票 number has 8 digits; got '1234567'"), "\(h.text)")
        // ^S focused the code; back to the type: 普票 → 专票 → 数电普, where the code must be empty.
        h.press(.backTab)
        h.press(.right, .right)
        #expect(h.text.contains("Fapiao code (paper): a 数电 fapiao has no separate code"), "\(h.text)")
        #expect(h.text.contains("Fapiao number: a 数电普 number has 20 digits; got '1234567'"), "\(h.text)")
    }

    /// The command's own refusal (a race, or a rule the form does not hold) names the field too, not 单号.
    @Test func commandIssueNamesTheFapiaoField() {
        let issue = LedgerCore.FieldIssue("number", "a 数电普 number has 20 digits; got '12AB'")
        #expect(FapiaoEntry.issueText(issue, zh: true) == "发票号码：数电普号码应为 20 位数字，输入的是 '12AB'")
        #expect(FapiaoEntry.issueText(issue, zh: false) == "fapiao number: a 数电普 number has 20 digits; got '12AB'")
    }
}

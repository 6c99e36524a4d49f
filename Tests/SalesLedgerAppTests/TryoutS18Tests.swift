import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s18-try: findings of the new-user tryout (80×24 and 200×50, English and Chinese), each on the rendered cell grid.
@Suite struct TryoutS18Tests {
    static let longName = "Grandma's Boysenberry Spread, twelve 8 oz jars"

    /// SalesEntryTests' ledger with C9002's sale of a long free-text line, a reference, a note and a contact.
    static func seedDocument(_ service: LedgerService) throws {
        try SalesEntryTests.seed(service)
        var post = PostInvoice(customerCode: "C9002", date: CivilDate(iso: "2026-11-02")!,
                               lines: [LineInput(description: longName, quantity: Quantity(3),
                                                 unitPrice: Money(minorUnits: 2_500, currency: .cny))])
        post.externalReference = "11076"
        post.note = "back door"
        try service.run(post)
        try service.run(LogContact(customerCode: "C9002", invoiceNumber: "INV-2026-000001",
                                   date: CivilDate(iso: "2026-11-20")!, who: "user", channel: .phone, note: "asked"))
    }

    /// F9's document view cut every description at 20 cells, with no "~", even at 200 columns; its reference stood
    /// alone without a label; the contact's channel was the English code in Chinese.
    @Test(arguments: [Language.en, .zh])
    func theDocumentViewShowsWholeDescriptionsAndLabels(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 200, height: 50), seedLedger: Self.seedDocument)
        h.press(.function(9), .enter)
        let text = h.text
        #expect(text.contains("1  *" + Self.longName + " "), "\(text)")
        let labels = language == .zh ? "参考号 11076   备注 back door" : "Reference 11076   Notes back door"
        #expect(text.contains(labels), "\(text)")
        #expect(text.contains(language == .zh ? "2026-11-20  电话  asked" : "2026-11-20  Phone  asked"), "\(text)")
        // The terms in words, as on F3 (was the code NET30 / EOM+1M, English in the Chinese UI).
        #expect(text.contains(language == .zh ? "收款条件 30天内付款" : "Terms Net 30 days"), "\(text)")
        // At 80 columns the description gives way, marked as cut; every figure stays whole (3 × 25.00 = 75.00).
        var narrow = try AppHarness(language: language, seedLedger: Self.seedDocument)
        narrow.press(.function(9), .enter)
        let line = try #require(narrow.screen().first { $0.hasPrefix(" 1  *Grandma") }, "\(narrow.text)")
        #expect(line.contains("~") && line.contains("75.00") && line.contains("25.00"), "\(line)")
        #expect(!line.contains("twelve 8 oz jars"), "\(line)")
    }

    /// The statement at 80 columns cut "Opening balance" to "Opening~" beside 14-cell amount columns.
    @Test(arguments: [Language.en, .zh]) func theStatementsBalanceLinesAreWholeAt80(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: seedGenerated)
        h.press(.function(4), .enter, .char("s"))
        let w = StatementWords(chinese: language == .zh)
        let screen = h.screen()
        let opening = language == .zh ? "期初余额" : "Opening balance"
        let closing = language == .zh ? "期末余额" : "Closing balance"
        #expect(screen.contains { $0.contains(opening + " ") }, "\(h.text)")
        h.press(.end)                                           // the closing balance is the last row
        #expect(h.screen().contains { $0.contains(closing + " ") }, "\(h.text)")
        let heading = try #require(screen.firstIndex { $0.contains(w.date) }, "\(h.text)")
        for title in [w.document, w.debit, w.credit, w.balance] { #expect(screen[heading].contains(title)) }
        #expect(NothingCutTests.cutNumbers(in: screen).isEmpty, "\(h.text)")
    }

    /// Loading a sample from the welcome dialog reported its counts on the status line, cut at 80 columns
    /// ("… 2155 lines, 80~"): a summary longer than the status line is a dialog, wrapped whole.
    @Test(arguments: [Language.en, .zh]) func aLongLoadSummaryIsADialog(language: Language) throws {
        var h = try AppHarness(language: language)
        h.context.loadSample = { _ in
            "loaded northwind: 91 customers, 77 products, 830 invoices with 2155 lines, 809 receipts, 0 credit notes"
        }
        h.app = LedgerApp(context: h.context)
        h.press(.enter)                                        // the first sample
        _ = h.send(.tick)                                      // loaded on the next event
        let text = h.text
        #expect(text.contains(language == .zh ? "示例账套已载入" : "Sample loaded"), "\(text)")
        #expect(text.contains(language == .zh ? "收款单 809 张" : "809 receipts"), "\(text)")
        #expect(!text.contains(Strings(language).welcomeTitle), "\(text)")
        h.press(.enter)
        #expect(!h.text.contains(language == .zh ? "示例账套已载入" : "Sample loaded"), "\(h.text)")
    }

    /// F3's header errors stood right of the region field and were cut at 80 columns; a long one now takes the
    /// error row above the totals, whole.
    @Test func aLongHeaderErrorOfTheSalesFormIsWholeAt80() throws {
        var h = try AppHarness(language: .en, seedLedger: SalesEntryTests.seed)
        h.type("C9001"); h.press(.enter)                        // → date
        h.type("ern"); h.press(.tab)
        let screen = h.screen()
        let error = try #require(screen.first { $0.contains("'ern'") }, "\(h.text)")
        #expect(error.contains("Date: date 'ern' is not a date (use YYYY-MM-DD)") && !error.contains("~"), "\(error)")
        #expect(!screen[5].contains("'ern'"), "not on the channel row: \(screen[5])")
    }

    /// Today's sales under F3 listed a USD and a CNY sale as bare figures; with two currencies each says its own.
    @Test func todaysSalesInTwoCurrenciesSayTheirCurrency() throws {
        let h = try AppHarness(language: .en, seedLedger: { service in
            try SalesEntryTests.seed(service)
            var usd = CustomerFields(code: "U1", name: "Yankee Imports")
            usd.currency = .usd
            try service.run(CreateCustomer(usd))
            let today = CivilDate(iso: "2026-11-29")!
            for (code, currency) in [("U1", Currency.usd), ("C9002", .cny)] {
                let price = Money(minorUnits: 9_000, currency: currency)
                try service.run(PostInvoice(customerCode: code, date: today,
                                            lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                              unitPrice: price)]))
            }
        })
        let text = h.text
        #expect(text.contains("INV-2026-000001  Yankee Imports"), "\(text)")
        #expect(text.contains("90.00 USD") && text.contains("90.00 CNY"), "\(text)")
    }

    /// F11's process panel showed the selected metric's detail as a bare "0" (its basis n) under the table.
    @Test(arguments: [Language.en, .zh]) func theProcessDetailNamesItsMetric(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: TryoutS16Tests.seedOverdue)
        h.press(.function(11), .tab, .tab)
        let screen = h.screen()
        let metric = language == .zh ? "开票至首次收款天数" : "days from invoice to first receipt"
        #expect(screen.contains { $0.hasPrefix(" " + metric) && $0.contains(" · n ") }, "\(h.text)")
        #expect(!screen.contains { $0.trimmingCharacters(in: .whitespaces) == "0" }, "\(h.text)")
    }

    /// F5 shows the currency with the most open; a second currency's receivables were on no line of it.
    @Test(arguments: [Language.en, .zh]) func receivablesNameTheOtherCurrencies(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: { service in
            try TryoutS16Tests.seedOverdue(service)             // CNY 100.00 open
            var usd = CustomerFields(code: "U1", name: "Yankee Imports")
            usd.currency = .usd
            try service.run(CreateCustomer(usd))
            try service.run(PostInvoice(customerCode: "U1", date: CivilDate(iso: "2026-11-01")!,
                                        lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                          unitPrice: Money(minorUnits: 4_250, currency: .usd))]))
        })
        h.press(.function(5))
        let other = language == .zh ? "其他币种应收：   USD 42.50" : "Other currencies:   USD 42.50"
        #expect(h.text.contains(other), "\(h.text)")
        #expect(h.text.contains(language == .zh ? "应收合计 100.00" : "Total open 100.00"), "\(h.text)")
    }

    /// A new user typing a new customer's name on F3 read "pick one from the list" and no word of how to add one.
    @Test(arguments: [Language.en, .zh]) func anUnknownCustomerSaysWhereToAddOne(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: SalesEntryTests.seed)
        h.type("Nobody Ltd"); h.press(.enter)
        let hint = language == .zh ? "未知客户 Nobody Ltd，请从列表中选择，或在 F4 客户中按 a 新增"
            : "unknown customer Nobody Ltd: pick one from the list, or add it on F4 (key 'a')"
        #expect(h.text.contains(hint), "\(h.text)")
    }

    /// F9's list kept 13 cells for each amount, so at 80 columns a customer's name was cut to 10 cells beside
    /// 6-cell figures ("酒泉博远建 ~").
    @Test(arguments: [Language.en, .zh])
    func theDocumentListGivesNamesTheRoomOfSmallFigures(language: Language) throws {
        var h = try AppHarness(language: language, seedLedger: TryoutS16Tests.seedOverdue)
        h.press(.function(9))
        let row = try #require(h.screen().first { $0.hasPrefix("INV-2026-000001") }, "\(h.text)")
        #expect(row.contains("上海明远五金有限公司") && row.hasSuffix("100.00"), "\(row)")
    }

    /// F9's document view left line 10 on one cell right of lines 1–9 ("10  Tofu" under " 9  Konbu"): the numbers are
    /// right-aligned now, so every description starts in one column.
    @Test func descriptionsStartInOneColumnFromLineTen() throws {
        func seed(_ service: LedgerService) throws {
            try SalesEntryTests.seed(service)
            let lines = (1...10).map { n in
                LineInput(description: "Item \(n)", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: Int64(n) * 100, currency: .cny))
            }
            try service.run(PostInvoice(customerCode: "C9002", date: CivilDate(iso: "2026-11-02")!, lines: lines))
        }
        var h = try AppHarness(language: .en, seedLedger: seed)
        h.press(.function(9), .enter)
        let screen = h.screen()
        let nine = try #require(screen.first { $0.contains("*Item 9 ") }, "\(h.text)")
        let ten = try #require(screen.first { $0.contains("*Item 10 ") }, "\(h.text)")
        #expect(nine.hasPrefix("  9  *Item 9 ") && ten.hasPrefix(" 10  *Item 10 "), "\(h.text)")
        #expect(cellColumn(of: "*Item", in: nine) == cellColumn(of: "*Item", in: ten))
        #expect(screen.contains { $0.hasPrefix("  #  Description") }, "\(h.text)")
    }
}

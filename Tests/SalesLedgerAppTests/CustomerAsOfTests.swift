import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s14-search, tryout findings on F4: the customer view is as of the app's (pinned) today, and the list's columns
/// are sized from the data (a long code and a large balance whole; less important columns left out first).
@Suite struct CustomerAsOfTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50)]

    /// Customer C1 (terms net 30): INV dated 2026-11-10 for 1,000.00; after the app's today (2026-11-29) a receipt
    /// on 2026-12-15 settles it, a contact is logged and a second invoice of 500.00 is dated 2026-12-18.
    static func seed(_ service: LedgerService) throws {
        let later = LedgerService(store: service.store, clock: FixedClock(CivilDate(iso: "2026-12-20")!),
                                  actor: "S01", role: .manager)
        try later.run(CreateCustomer(CustomerFields(code: "C1", name: "北京星河科技有限公司")))
        for (date, amount) in [("2026-11-10", 100_000), ("2026-12-18", 50_000)] {
            try later.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: date)!, lines: [
                LineInput(description: "A4", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: Int64(amount), currency: .cny), taxRate: Rate(basisPoints: 0))]))
            if date == "2026-11-10" {
                try later.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-12-15")!,
                                            amount: Money(minorUnits: 100_000, currency: .cny)))
            }
        }
    }

    @Test(arguments: [Language.en, .zh], sizes)
    func theCustomerViewIsAsOfThePinnedToday(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, today: "2026-11-29", seedLedger: Self.seed)
        h.press(.function(4), .enter)
        let lines = h.screen()
        let row = try #require(lines.first { $0.contains("2026-11-10") }, "\(h.text)")
        // Open as of 2026-11-29: the receipt of 2026-12-15 is not counted, so total and open are both 1,000.00.
        #expect(row.components(separatedBy: "1,000.00").count == 3, "\(row)")
        #expect(!row.contains(h.context.strings.t("paid", "已结清")))
        #expect(!h.text.contains("2026-12-18"), "a document dated after today is listed")
        #expect(!h.text.contains("2026-12-15"), "a receipt dated after today is listed")
        #expect(!h.text.contains("500.00"))
        let s = h.context.strings
        #expect(h.text.contains("\(s.openBalance): 1,000.00"))
    }

    /// A customer with a 14-character code and a balance of trillions beside the generated sample.
    static func seedLong(_ service: LedgerService) throws {
        try seedGenerated(service)
        try service.run(CreateCustomer(CustomerFields(code: "KH-2026-000123", name: "Riverside Supplies Co., Ltd.")))
        var post = PostInvoice(customerCode: "KH-2026-000123", date: CivilDate(iso: "2026-11-28")!, lines: [
            LineInput(description: "Copy paper A4", quantity: Quantity(99_999_999),
                      unitPrice: Money(minorUnits: 9_259_259, currency: .cny), taxRate: Rate(basisPoints: 800))])
        post.creditOverrideReason = "test"
        try service.run(post)
    }

    @Test(arguments: [Language.en, .zh], sizes)
    func codesAndBalancesAreWholeAndLessImportantColumnsGoFirst(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, seedLedger: Self.seedLong)
        h.press(.function(4), .char("/"))
        h.type("KH-2026")
        h.press(.enter)
        let balance = try #require(try h.store.customerList(filter: ClassFilter(search: "KH-2026"),
                                                            asOf: h.context.today, sort: CustomerSort(),
                                                            page: PageRequest(limit: 1)).first?.balance)
        let money = h.context.money(balance, .cny)
        #expect(money.count >= 20)
        let lines = h.screen()
        let row = try #require(lines.first { $0.contains("KH-2026-000123") }, "the code is cut:\n\(h.text)")
        #expect(row.contains(money), "\(row)")
        let s = h.context.strings
        let header = try #require(lines.first { $0.contains(s.balance) })
        // Overdue (a figure) is shown; at 80 columns in English the channel is left out for it.
        #expect(header.contains(s.overdue), "\(header)")
        #expect(header.contains(s.name))
        if size.width == 80 && language == .en { #expect(!header.contains(s.channel)) }
    }

    @Test(arguments: sizes)
    func shortCodesLeaveTheRoomToTheName(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        h.press(.function(4))
        let lines = h.screen()
        let first = try #require(try h.store.customerList(filter: ClassFilter(), asOf: h.context.today,
                                                          sort: CustomerSort(), page: PageRequest(limit: 1)).first)
        let row = try #require(lines.first { $0.contains(first.code) })
        // The code column is as wide as the codes (5 cells), the name follows one separator later.
        #expect(row.contains("\(first.code) \(first.name.prefix(4))"), "\(row)")
    }
}

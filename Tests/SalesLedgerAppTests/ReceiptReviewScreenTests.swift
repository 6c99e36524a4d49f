import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import TerminalUI
import Testing

@testable import SalesLedgerApp

/// The receipt review screen (issue 15): `i` on the receivables screen opens a WeChat bill, the proposals are shown
/// (customer match, allocation), changed or skipped, and nothing is written before ^S.
@Suite struct ReceiptReviewScreenTests {
    static let bill = """
        微信支付账单明细
        微信昵称：[西湖茶叶]
        起始时间：[2025-03-01 00:00:00] 终止时间：[2025-03-31 23:59:59]

        ----------------------微信支付账单明细列表--------------------
        交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
        2025-03-02 10:15:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥1200.00,/,已收钱,4200001234202503021111\t,/,付 INV-2025-000002
        2025-03-03 11:00:00,转账,刘䶮商行,转账,收入,¥500.00,/,已存入零钱,4200001234202503032222\t,/,/
        2025-03-05 16:20:00,二维码收款,杭州西湖茶叶有限公司,收款,收入,¥350.00,/,已全额退款,4200001234202503054444\t,/,/
        2025-03-06 12:00:00,转账,某陌生人,转账,收入,¥99.00,/,已存入零钱,4200001234202503065555\t,/,/
        """

    static func seed(_ service: LedgerService) throws {
        for (code, name) in [("K001", "杭州西湖茶叶有限公司"), ("K002", "刘䶮商行"), ("K003", "第三商贸")] {
            try service.run(CreateCustomer(CustomerFields(code: code, name: name)))
        }
        func post(_ code: String, _ date: String, _ minor: Int64) throws {
            var p = PostInvoice(
                customerCode: code, date: CivilDate(iso: date)!,
                lines: [
                    LineInput(
                        description: "货物", quantity: Quantity(1), unitPrice: Money(minorUnits: minor, currency: .cny))
                ])
            p.creditOverrideReason = "test"
            try service.run(p)
        }
        try post("K001", "2025-02-01", 80_000)
        try post("K001", "2025-02-10", 120_000)
        try post("K003", "2025-01-15", 30_000)
    }

    static func billPath() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("wechat.csv").path
        try Data(("\u{FEFF}" + bill).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func open(_ language: Language, _ size: Size = Size(width: 80, height: 24)) throws -> AppHarness {
        var h = try AppHarness(language: language, size: size, today: "2025-04-01", seedLedger: seed)
        h.press(.function(5), .char("i"))
        h.type(try billPath())
        h.press(.enter)
        return h
    }

    @Test(arguments: [Language.en, .zh])
    func snapshots(language: Language) throws {
        let name = language == .en ? "en" : "zh"
        var small = try Self.open(language)
        assertScreen(small.screen(), named: "receiptReview.\(name).80x24")
        small.press(.down, .down)
        assertScreen(small.screen(), named: "receiptReview.\(name).80x24.unmatched")
        let large = try Self.open(language, Size(width: 200, height: 50))
        assertScreen(large.screen(), named: "receiptReview.\(name).200x50")
    }

    @Test func proposalsChangesAndWrite() throws {
        var h = try Self.open(.en)
        #expect(h.text.contains("Review imported receipts (收款单): WeChat Pay bill wechat.csv"))
        #expect(h.text.contains("INV-2025-000002 1,200.00"))
        #expect(h.text.contains("invoice number in the note"))
        #expect(h.app.receivables.review?.items.map(\.row) == [7, 8, 10])
        // Writing with an unmatched payer is refused; nothing is written.
        h.press(.ctrl("s"))
        #expect(h.text.contains("Row 10: no customer matches 某陌生人 — change or skip it"))
        #expect(try h.store.summary().receipts == 0)
        // Row 8 (刘䶮商行) belongs to K003; row 10 is skipped.
        h.press(.up, .up, .down, .char("c"))
        h.press(.ctrl("u"))
        h.type("K003")
        h.press(.enter)
        #expect(h.app.receivables.review?.items[1].customerCode == "K003")
        #expect(h.text.contains("INV-2025-000003 300.00 — oldest first; unapplied 200.00"))
        h.press(.down, .char("s"))
        #expect(h.app.receivables.review?.items[2].isSkipped == true)
        // Row 7's allocation by hand over both invoices of K001.
        h.press(.home, .char("k"), .ctrl("u"))
        h.type("INV-2025-000001=800, INV-2025-000002=400")
        h.press(.enter)
        #expect(h.text.contains("INV-2025-000001 800.00, INV-2025-000002 400.00 — chosen"))
        #expect(try h.store.summary().receipts == 0)
        h.press(.ctrl("s"))
        #expect(h.app.receivables.review == nil)
        #expect(h.text.contains("Imported 2 receipt(s) 1,700.00, 3 allocation(s); 1 skipped"))
        #expect(try h.store.summary().receipts == 2)
        let open = try h.store.openItems(asOf: CivilDate(iso: "2025-04-01")!)
        #expect(open.map(\.number) == ["INV-2025-000002"] && open.map(\.open) == [80_000])
    }

    @Test func escapeWritesNothingAndBadFilesAreNamed() throws {
        var h = try Self.open(.zh)
        #expect(h.text.contains("收款单导入审核：微信支付账单 wechat.csv"))
        h.press(.escape)
        #expect(h.app.receivables.review == nil && h.text.contains("已取消导入：未写入任何数据"))
        #expect(try h.store.summary().receipts == 0)
        h.press(.char("i"))
        h.type("/nonexistent/bill.csv")
        h.press(.enter)
        #expect(h.text.contains("/nonexistent/bill.csv：无法读取文件"))
    }
}

import Foundation
import LedgerCore
@testable import LedgerInterop
import LedgerStore
import Testing

/// The review of imported receipts (issue 15): proposals before anything is written, changes of customer and
/// allocation, skipped rows, then one transaction through the command layer.
@Suite struct ReceiptReviewTests {
    /// The WeChat bill of `DataImportTests` plus a payer no customer matches.
    static let bill =
        DataImportTests.wechatBill + "\n"
        + "2025-03-06 12:00:00,转账,某陌生人,转账,收入,¥99.00,/,已存入零钱,4200001234202503065555\t,/,/"

    static func ledger() throws -> (TestLedger, ReceiptReview) {
        let l = try TestLedger(today: "2025-04-01")
        try l.customer("K001", "杭州西湖茶叶有限公司")
        try l.customer("K002", "刘䶮商行")
        try l.customer("K003", "第三商贸")
        try l.invoice("K001", "2025-02-01", "800.00")  // INV-2025-000001
        try l.invoice("K001", "2025-02-10", "1200.00")  // INV-2025-000002
        try l.invoice("K003", "2025-01-15", "300.00")  // INV-2025-000003
        var settings = ImportSettings()
        settings.format = .wechat
        let data = Data(("\u{FEFF}" + Self.bill).utf8)
        let file = try DelimitedFile.parse(
            data: data, source: "wechat.csv", headerStart: DataImport.headerStart(for: .wechat))
        return (l, ReceiptReview(file: try DataImport(file: file, kind: .receipts, settings: settings)))
    }

    @Test func proposalsAreShownAndNothingIsWritten() throws {
        var (l, review) = try Self.ledger()
        try review.propose(service: l.service)
        #expect(review.items.map(\.row) == [17, 18, 22])
        #expect(review.items.map(\.customerCode) == ["K001", "K002", nil])
        #expect(review.items.map(\.match) == [.name, .name, .none])
        #expect(review.items[0].parts == [ManualAllocation(invoiceNumber: "INV-2025-000002", amount: cny("1200.00"))])
        #expect(review.items[0].reason == .invoiceInNote("INV-2025-000002"))
        #expect(review.items[1].parts.isEmpty && review.items[1].reason == .noOpenInvoice)
        #expect(review.items[2].problem == .noCustomer("某陌生人"))
        #expect(try l.store.summary().receipts == 0)
        // A row without a customer stops the whole file; nothing is written.
        #expect(
            throws: LedgerError.validation([
                FieldIssue(
                    "row 22",
                    "no customer matches 某陌生人 (choose a customer or skip the row)")
            ])
        ) { _ = try review.write(service: l.service) }
        #expect(try l.store.summary().receipts == 0)
    }

    @Test func changedCustomerAllocationAndSkippedRowAreWrittenInOneTransaction() throws {
        var (l, review) = try Self.ledger()
        try review.propose(service: l.service)
        // Row 18 belongs to K003: oldest first takes its invoice of 300.00 and leaves 200.00 unapplied.
        review.items[1].chosenCustomer = "K003"
        // Row 17 is split by hand over both invoices of K001.
        review.items[0].allocation = try ReceiptReview.parseAllocation(
            "INV-2025-000001=800, INV-2025-000002=400",
            currency: .cny)
        review.items[2].isSkipped = true
        try review.propose(service: l.service)
        #expect(review.items[1].customerCode == "K003" && review.items[1].match == .chosen)
        #expect(review.items[1].parts == [ManualAllocation(invoiceNumber: "INV-2025-000003", amount: cny("300.00"))])
        #expect(review.items[1].unapplied == 20_000 && review.items[1].reason == .oldestFirst)
        #expect(review.items[0].parts.map(\.amount) == [cny("800.00"), cny("400.00")])
        #expect(try l.store.summary().receipts == 0)
        let written = try review.write(service: l.service)
        #expect(
            written
                == ReceiptReview.Written(
                    receipts: ["RCT-2025-000001", "RCT-2025-000002"], allocations: 3,
                    skipped: 1, totals: ["CNY": 170_000]))
        let k1 = try l.store.receipts(customerID: try l.store.customer(code: "K001")!.id, page: .all)
        let k3 = try l.store.receipts(customerID: try l.store.customer(code: "K003")!.id, page: .all)
        #expect(
            k1.map(\.amount) == [cny("1200.00")] && k1[0].method == .wechatPay
                && k1[0].reference == "4200001234202503021111")
        #expect(k3.map(\.amount) == [cny("500.00")] && k3[0].date == date("2025-03-03"))
        #expect(try l.store.receipts(customerID: try l.store.customer(code: "K002")!.id, page: .all).isEmpty)
        let open = try l.store.openItems(asOf: date("2025-04-01"))
        #expect(open.map(\.number) == ["INV-2025-000002"] && open[0].open == 80_000)
        // Audited: the file, then each receipt.
        let log = try l.store.auditLog(filter: AuditLogFilter())
        #expect(log.suffix(3).map(\.command) == ["import.file", "receipt.record", "receipt.record"])
        // The same file again is refused by its fingerprint.
        #expect(throws: LedgerError.self) { _ = try review.write(service: l.service) }
        #expect(try l.store.summary().receipts == 2)
    }

    @Test func rowsAlreadyInTheLedgerStartSkipped() throws {
        var (l, review) = try Self.ledger()
        var earlier = RecordReceipt(customerCode: "K002", date: date("2025-03-03"), amount: cny("500.00"))
        earlier.reference = "4200001234202503032222"
        try l.service.run(earlier)
        try review.propose(service: l.service)
        #expect(review.items[1].isSkipped && review.items[1].problem == .alreadyInLedger("4200001234202503032222"))
    }

    @Test func allocationsAreParsedOrNamed() throws {
        #expect(try ReceiptReview.parseAllocation("auto", currency: .cny) == .oldestFirst)
        #expect(try ReceiptReview.parseAllocation("none", currency: .cny) == .unapplied)
        #expect(throws: LedgerError.validation([FieldIssue("allocation", "INV-1: 'abc' is not an amount > 0")])) {
            _ = try ReceiptReview.parseAllocation("INV-1=abc", currency: .cny)
        }
    }

    @Test func formatsAreDetected() throws {
        #expect(
            ReceiptFormat.detect(data: Data(("\u{FEFF}" + DataImportTests.wechatBill).utf8), source: "w") == .wechat)
        let alipay = "支付宝交易记录明细查询\n账号:[x]\n交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号\n"
        #expect(ReceiptFormat.detect(data: alipay.data(using: DataImportTests.gb18030)!, source: "a") == .alipay)
        #expect(ReceiptFormat.detect(data: Data("交易日期,摘要,对方户名,金额,流水号\n".utf8), source: "b") == .bankCSV)
        #expect(ReceiptFormat.detect(data: Data("date,customer_code,amount\n".utf8), source: "g") == .generic)
    }
}

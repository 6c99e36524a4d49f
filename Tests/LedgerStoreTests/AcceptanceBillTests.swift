import Testing
@testable import LedgerCore
import LedgerStore

/// 承兑汇票: recorded with its receipt in one transaction, held (at risk) until maturity.
struct AcceptanceBillTests {
    @Test func billIsHeldUntilMaturityAndRecordedWithItsReceipt() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1")
        try ledger.invoice("C1", "2026-03-01", "1130.00")
        var record = RecordReceipt(customerCode: "C1", date: try day("2026-03-10"), amount: try money("1130.00"))
        record.method = .acceptanceBill
        try ledger.service.runBatch { batch in
            let outcome = try batch.run(record)
            try batch.run(RecordAcceptanceBill(receiptNumber: outcome.receipt.displayNumber, billNumber: "B-1",
                                               bank: "工商银行", maturity: try day("2026-09-30")))
        }
        let bills = try ledger.store.acceptanceBills(asOf: try day("2026-03-31"))
        #expect(bills.map(\.billNumber) == ["B-1"])
        #expect(bills[0].amount.minorUnits == 113_000)
        #expect(bills[0].isHeld(on: try day("2026-09-29")))
        #expect(!bills[0].isHeld(on: try day("2026-09-30")))
        #expect(try ledger.store.acceptanceBills(asOf: try day("2026-03-09")).isEmpty)

        // A bill without a bank or maturity is refused, and its receipt is rolled back with it.
        var second = record
        second.amount = try money("10.00")
        #expect(throws: LedgerError.self) {
            try ledger.service.runBatch { batch in
                let outcome = try batch.run(second)
                try batch.run(RecordAcceptanceBill(receiptNumber: outcome.receipt.displayNumber, billNumber: "B-1",
                                                   bank: "", maturity: nil))
            }
        }
        #expect(try ledger.store.receipts(customerID: try #require(try ledger.store.customer(code: "C1")).id, page: .all).count == 1)
    }
}

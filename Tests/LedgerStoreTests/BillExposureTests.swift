import Testing
@testable import LedgerCore
import LedgerReports
import LedgerStore

/// Issue 16: acceptance bills (承兑汇票) count against the credit limit until maturity, in credit control and in
/// `customer exposure` alike (one rule, `CreditExposure`).
struct BillExposureTests {
    /// C1 (limit 2,000.00) owed 1,130.00 and paid it with a bill maturing 2026-09-30.
    func ledger(today: String) throws -> RecvLedger {
        let ledger = try RecvLedger(today: today)
        var fields = CustomerFields(code: "C1", name: "Bill Co")
        fields.creditLimit = try money("2000.00")
        try ledger.service.run(CreateCustomer(fields))
        try ledger.invoice("C1", "2026-03-01", "1130.00")
        var record = RecordReceipt(customerCode: "C1", date: try day("2026-03-10"), amount: try money("1130.00"))
        record.method = .acceptanceBill
        try ledger.service.runBatch { batch in
            let outcome = try batch.run(record)
            try batch.run(RecordAcceptanceBill(receiptNumber: outcome.receipt.displayNumber, billNumber: "B-1",
                                               bank: "工商银行", maturity: try day("2026-09-30")))
        }
        return ledger
    }

    func sale(_ amount: String, _ date: String) throws -> PostInvoice {
        PostInvoice(customerCode: "C1", date: try day(date),
                    lines: [LineInput(description: "goods", quantity: Quantity(1), unitPrice: try money(amount))])
    }

    @Test func billHeldCountsAgainstTheLimitUntilMaturity() throws {
        let ledger = try ledger(today: "2026-09-29")
        let exposure = try #require(try Reports(store: ledger.store).exposure(customerCode: "C1", asOf: try day("2026-09-29"),
                                                                             newSale: 100_000))
        #expect(exposure.balance == 0)
        #expect(exposure.billsHeld == 113_000)
        #expect(exposure.atRisk == 113_000)
        #expect(exposure.creditUsedBasisPoints == 5_650)
        #expect(exposure.holdReasons == [.overLimitWithBills(exposure: 213_000, bills: 113_000, limit: 200_000, currency: .cny)])
        #expect(exposure.holdReasons[0].message
                == "balance and bills held would be 2,130.00 (bills 1,130.00), over the credit limit 2,000.00 CNY")
        // Posting is held by the same rule: 1,000.00 + the 1,130.00 bill is over 2,000.00.
        let error = #expect(throws: LedgerError.self) { try ledger.service.run(try sale("1000.00", "2026-09-29")) }
        #expect("\(String(describing: error))".contains("balance and bills held would be 2,130.00"))
        // 800.00 fits (1,930.00).
        try ledger.service.run(try sale("800.00", "2026-09-29"))
    }

    @Test func maturedBillNoLongerCounts() throws {
        let ledger = try ledger(today: "2026-09-30")
        let exposure = try #require(try Reports(store: ledger.store).exposure(customerCode: "C1", asOf: try day("2026-09-30")))
        #expect(exposure.billsHeld == 0)
        #expect(exposure.creditUsedBasisPoints == 0)
        try ledger.service.run(try sale("1000.00", "2026-09-30"))
    }
}

import Testing
@testable import LedgerCore
import LedgerStore

/// The dating rule of allocations holds on the source side too: credit freed by a reversal and allocated again is
/// dated no earlier than the reversal, so the source is never over-allocated as of any date.
@Suite struct AllocationDatingTests {
    @Test func reallocationAfterReversalIsDatedNoEarlierThanTheReversal() throws {
        let ledger = try RecvLedger(today: "2026-01-01")
        try ledger.customer("D1")
        let first = try ledger.invoice("D1", "2026-01-01", "100.00")
        let receipt = try ledger.receipt("D1", "2026-01-01", "100.00", .manual([
            ManualAllocation(invoiceNumber: first.displayNumber, amount: try money("100.00", .cny)),
        ]))
        try ledger.setToday("2026-03-01")
        let allocation = try #require(receipt.allocation.allocations.first)
        let reversal = try ledger.service.run(ReverseAllocation(allocationID: allocation.id, reason: "wrong invoice"))
        #expect(reversal.date == (try day("2026-03-01")))
        // The second invoice is dated between the first allocation and the reversal.
        let second = try ledger.invoice("D1", "2026-02-01", "100.00")
        let again = try ledger.service.run(AllocateCredit(number: receipt.receipt.displayNumber, plan: .manual([
            ManualAllocation(invoiceNumber: second.displayNumber, amount: try money("100.00", .cny)),
        ])))
        #expect(again.allocations.map(\.date) == [try day("2026-03-01")])
        // As of 2026-02-15 the receipt is fully allocated to the first invoice and has no unapplied credit;
        // before the rule the re-allocation was dated 2026-02-01 and the credit read -100.00 (a storage error).
        let credits = try ledger.store.unappliedCredits(asOf: try day("2026-02-15"))
        #expect(credits.reduce(Int64(0)) { $0 + $1.amount } == 0)
        let open = try ledger.store.openItems(asOf: try day("2026-02-15"))
        #expect(open.map(\.number) == [second.displayNumber])
        #expect(open.map(\.open) == [10_000])
    }
}

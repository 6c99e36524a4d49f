import LedgerCore
import LedgerReports
import Testing

/// The fapiao report adds a customer's sums: sums too large for Int64 are a clear error naming the customer, never
/// a trap (two buckets of 6e18 minor units each).
struct FapiaoTableOverflowTests {
    @Test func customerSumsTooLargeAreRefusedNotTrapped() throws {
        let huge = Int64(6_000_000_000_000_000_000)
        let sums = (0...1).map {
            UninvoicedSum(customerCode: "C1", customerName: "Big", currency: .cny, bucket: $0, sales: 1, amount: huge)
        }
        #expect(throws: LedgerError.refused("fapiao report: the sums of customer C1 are too large to add")) {
            try FapiaoTables.uninvoiced(sums)
        }
        let one = try FapiaoTables.uninvoiced(Array(sums.prefix(1)))
        #expect(one.rows.first?.last == .amount(huge, .cny))
    }
}

import LedgerCore
import LedgerReports
import Testing

/// The fapiao report sums a customer's sales as it streams them: sums too large for Int64 are a clear error naming
/// the customer, never a trap (two sales of 6e18 minor units each).
struct FapiaoTableOverflowTests {
    @Test func customerSumsTooLargeAreRefusedNotTrapped() throws {
        let day = try #require(CivilDate(iso: "2026-06-30"))
        let huge = Int64(6_000_000_000_000_000_000)
        let sales = (1...2).map {
            SaleFapiaoPosition(saleID: Int64($0), number: "INV-\($0)", customerID: 1, customerCode: "C1",
                               customerName: "Big", date: day, dueDate: day, currency: .cny, total: huge, tax: 0)
        }
        #expect(throws: LedgerError.refused("fapiao report: the sums of customer C1 are too large to add")) {
            try FapiaoTables.uninvoiced(feed: { try sales.forEach($0) }, asOf: day)
        }
        let one = try FapiaoTables.uninvoiced(feed: { try sales.prefix(1).forEach($0) }, asOf: day)
        #expect(one.rows.first?.last == .amount(huge, .cny))
    }
}

import Testing
import LedgerCore
import LedgerReports
@testable import SalesLedgerApp

/// Tryout s14: the same unapplied credits were 未核销预收 on F5 and in the CLI bucket table, 未核销贷项 in the
/// grouped aging (F7 and `report aging --by`) and on the dashboard table. One Chinese word everywhere now.
@Suite struct UnappliedCreditWordTests {
    @Test func theGroupedAgingAndTheDashboardUseF5sWord() throws {
        let word = Strings(.zh).unappliedCredits
        #expect(word == "未核销预收")
        let grouped = AgingTable.grouped([], by: .customer)
        #expect(grouped.columns.first { $0.key == "credits" }?.title(chinese: true) == word)
        let buckets = try #require(AgingTable.buckets(AgingReport(asOf: CivilDate(iso: "2026-06-30")!, currency: .cny,
                                                                   buckets: [], openTotal: 0, overdueTotal: 0,
                                                                   unappliedCredits: 0, disputedTotal: 0, groups: []))
            .columns.first)
        #expect(buckets.shown("unapplied credits", chinese: true) == word)
    }
}

import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerReports
@testable import LedgerStore

/// Issue 10, session 17: the aging by customer a page at a time (`Reports.aging(…page:)`). Today the store reads
/// only the page's customers and the totals ungrouped; the pages put together must be the whole report of the plain
/// rule (`agingCellsRecomputed` with the unapplied credits, through `Aging.reports`), each page keeps the whole
/// report's totals, and the row count is the whole report's.
@Suite struct AgingPageTests {
    /// Every group of `reports` in the grouped table's order, as text.
    static func rows(_ reports: [AgingReport]) -> [String] {
        reports.flatMap { r in r.groups.map { "\(r.currency.code) \($0.key) \($0.label) \($0.amounts) \($0.credits)" } }
    }

    /// The whole report by the plain rule, independently of the maintained tables and of the paged path.
    static func reference(_ store: SQLiteLedgerStore, asOf: CivilDate) throws -> [AgingReport] {
        let thresholds = AgingBuckets.standard.thresholds(asOf: asOf, basis: .dueDate)
        let cells = try store.agingCellsRecomputed(asOf: asOf, thresholds: thresholds, basis: .dueDate,
                                                   grouping: .customer)
        return Aging.reports(cells: cells, credits: try store.unappliedCredits(asOf: asOf), asOf: asOf,
                             groupBy: .customer)
    }

    /// Pages of `size` from the first to past the last equal the reference, and keep its totals.
    static func expectPagesEqualTheWhole(_ store: SQLiteLedgerStore, asOf: CivilDate, size: Int) throws {
        let whole = try reference(store, asOf: asOf)
        let expected = rows(whole)
        var seen: [String] = []
        var offset = 0
        while offset <= expected.count {
            let page = try Reports(store: store).aging(asOf: asOf, by: .customer,
                                                      page: PageRequest(offset: offset, limit: size))
            #expect(page.rowCount == expected.count, "\(asOf) from \(offset)")
            let shown = rows(page.reports)
            #expect(shown.count == min(size, expected.count - offset), "\(asOf) from \(offset) by \(size)")
            seen += shown
            // Totals of the whole report on every page, the last (partial or empty) one too.
            #expect(page.reports.map(\.buckets) == whole.map(\.buckets), "\(asOf) from \(offset)")
            #expect(page.reports.map(\.unappliedCredits) == whole.map(\.unappliedCredits))
            #expect(page.reports.map(\.overdueTotal) == whole.map(\.overdueTotal))
            #expect(page.reports.map(\.disputedTotal) == whole.map(\.disputedTotal))
            offset += size
        }
        #expect(seen == expected, "\(asOf) by \(size)")
    }

    /// Balances that tie (five customers at 100.00, two at −30.00 of credit only), codes not in creation order,
    /// a second currency: the order is currency, balance descending, then code, page boundaries inside the ties.
    @Test func pagesSplitTiesByCodeAndSpanCurrencies() throws {
        let ledger = try TestLedger(today: "2026-06-30")
        for code in ["T3", "T1", "T5", "T2", "T4"] {
            try ledger.customer(code, "Tie \(code)")
            try ledger.invoice(code, "2026-03-01", "100.00")
        }
        try ledger.customer("A9", "Big")
        try ledger.invoice("A9", "2026-01-15", "250.00")
        try ledger.invoice("A9", "2026-06-20", "50.00")
        try ledger.customer("Z1", "Small")
        try ledger.invoice("Z1", "2026-06-01", "50.00")
        // Credit only: K1 paid with nothing open; M1 overpaid its invoice by 30.00.
        try ledger.customer("K1", "Credit")
        try ledger.service.run(RecordReceipt(customerCode: "K1", date: date("2026-05-01"), amount: cny("30.00")))
        try ledger.customer("M1", "Overpaid")
        try ledger.invoice("M1", "2026-04-01", "100.00")
        try ledger.service.run(RecordReceipt(customerCode: "M1", date: date("2026-05-02"), amount: cny("130.00")))
        try ledger.customer("U1", "Dollar", currency: .usd)
        try ledger.invoice("U1", "2026-02-01", "10.00", currency: .usd)
        let store = ledger.store
        let today = date("2026-06-30")
        #expect(try store.agingCustomerPage(asOf: today, thresholds: AgingBuckets.standard.thresholds(
            asOf: today, basis: .dueDate), page: PageRequest(offset: 0, limit: 3)) != nil, "the maintained path")
        let codes = try Reports(store: store).aging(asOf: today, by: .customer, page: PageRequest(offset: 0, limit: 99))
            .reports.flatMap { $0.groups.map(\.key) }
        #expect(codes == ["A9", "T1", "T2", "T3", "T4", "T5", "Z1", "K1", "M1", "U1"])
        for size in [1, 2, 3, 4, 7, 10, 11] {
            try Self.expectPagesEqualTheWhole(store, asOf: today, size: size)
        }
        // A page inside the ties: T2, T3 only.
        let page = try Reports(store: store).aging(asOf: today, by: .customer, page: PageRequest(offset: 2, limit: 2))
        #expect(Self.rows(page.reports).map { $0.split(separator: " ")[1] } == ["T2", "T3"])
        // Its table: the page's rows, and TOTAL rows of the whole report (not of the two rows shown).
        let table = AgingTable.grouped(page, by: .customer)
        #expect(table.rows.count == 2)
        let whole = AgingTable.grouped(try Self.reference(store, asOf: today), by: .customer)
        #expect(table.totals == whole.totals)
        #expect(table.totals.count == 2)
    }

    /// The generated ledger (partial payments, late receipts, credit notes, write-offs, disputes): today through
    /// the maintained page; a year back and mid-way the whole report sliced — all equal to the plain rule.
    @Test func generatedLedgerPagesEqualThePlainRule() throws {
        let ledger = try AgingMaintainedTests.ledger()
        let today = date(AgingMaintainedTests.today)
        for asOf in [today, today.adding(days: -365), today.adding(days: -100)] {
            for size in [1, 7, 30] {
                try Self.expectPagesEqualTheWhole(ledger.store, asOf: asOf, size: size)
            }
        }
    }

    @Test func emptyLedgerHasNoRows() throws {
        let ledger = try TestLedger(today: "2026-06-30")
        let page = try Reports(store: ledger.store).aging(asOf: date("2026-06-30"), by: .customer,
                                                          page: PageRequest(offset: 0, limit: 50))
        #expect(page.rowCount == 0)
        #expect(page.reports.isEmpty)
        #expect(AgingTable.grouped(page, by: .customer).totals.isEmpty)
    }
}

import Classification
import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerReports
@testable import LedgerStore

/// Issue 10, session 13: aging from maintained values — today ungrouped from the currency's due months
/// (`open_due_currency_month`), any other day from the settlement days (`invoice_settled`), aging by class summed
/// in the store — gives the cells of the plain rule (`agingCellsRecomputed`, every invoice dated up to the date with
/// its allocations) at many dates, and the maintained tables are back-filled for an existing ledger.
@Suite struct AgingMaintainedTests {
    static let today = "2026-06-30"

    /// A generated ledger (partial payments, receipts allocated late, credit notes, write-offs, disputes) with
    /// China's regions as classes.
    static func ledger() throws -> TestLedger {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let ledger = try TestLedger(today: today)
        let gen = SampleGenerator(language: .zh, customers: 30, invoices: 500, seed: 13, today: try day(today),
                                  cities: cities)
        _ = try ledger.service.runBatch { try gen.load(into: $0) }
        for number in try ledger.store.openItems(asOf: try day(today)).prefix(5).map(\.number) {
            try ledger.service.run(SetDispute(number: number, isDisputed: true, reason: "t"))
        }
        let dir = sampleDataDirectory("cn-regions")
        let provinces = try CSVTable.read(path: dir + "/provinces.csv")
        let cities2 = try CSVTable.read(path: dir + "/cities.csv")
        let rows = try ClassFile.chinaRegions(provinceHeader: provinces.header, provinces: provinces.records,
                                              cityHeader: cities2.header, cities: cities2.records)
        try ledger.service.run(ImportClasses(rows: rows, source: "cn-regions"))
        return ledger
    }

    /// Cells in a canonical order (the paths may list them in another order).
    static func sorted(_ cells: [AgingCell]) -> [String] {
        cells.map { "\($0.currency.code) \($0.key) \($0.label) \($0.bucket) \($0.amount) \($0.count) \($0.overdue) "
            + "\($0.disputed)" }.sorted()
    }

    @Test func maintainedPathsEqualThePlainRuleAtManyDates() throws {
        let ledger = try Self.ledger()
        let store = ledger.store
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let snapshot = try store.receivablesSnapshot(customerID: nil)
        let first = try #require(snapshot.documents.map(\.date).min())
        let end = try day(Self.today)
        // Every 9 days from before the first document (month starts, ends and middles all come up), the last days,
        // and dates after the last document (today's maintained path).
        var dates = stride(from: -5, through: first.days(to: end), by: 9).map { first.adding(days: $0) }
        dates += [end.adding(days: -365), end.adding(days: -1), end] + [1, 14, 31, 45].map { end.adding(days: $0) }
        var open = 0
        for asOf in dates {
            for grouping in AgingGrouping.allCases {
                for basis in AgingBasis.allCases {
                    for buckets in [AgingBuckets.standard, AgingBuckets(bounds: [15, 45])] {
                        let thresholds = buckets.thresholds(asOf: asOf, basis: basis)
                        let actual = try store.agingCells(asOf: asOf, thresholds: thresholds, basis: basis,
                                                          grouping: grouping)
                        let expected = try store.agingCellsRecomputed(asOf: asOf, thresholds: thresholds,
                                                                      basis: basis, grouping: grouping)
                        #expect(Self.sorted(actual) == Self.sorted(expected),
                                "\(asOf) by \(grouping), \(basis), \(buckets.bounds)")
                        if grouping == .none, basis == .dueDate, buckets == .standard {
                            open += expected.reduce(0) { $0 + $1.count }
                        }
                    }
                }
            }
        }
        #expect(open > 1000)
    }

    /// Aging by class (per class and the "(none)" row) summed in the store equals the old computation over the
    /// loaded open items (each class's items; "(none)" = every open item in none of them).
    @Test func agingByClassEqualsTheOpenItemsComputation() throws {
        let ledger = try Self.ledger()
        let store = ledger.store
        let reports = Reports(store: store)
        let end = try day(Self.today)
        for asOf in [end, end.adding(days: -200), end.adding(days: -400)] {
            for level in 0...2 {
                let table = try #require(try reports.aging(asOf: asOf, byClass: "region", level: level))
                var expected: [[String]] = []
                var classified: Set<Int64> = []
                func add(_ code: String, _ name: String, _ items: [OpenItem]) {
                    for report in Aging.reports(items: items, credits: [], asOf: asOf) {
                        expected.append([code, name, report.currency.code] + report.buckets.map { "\($0.amount)" }
                                        + ["\(report.openTotal)"])
                    }
                }
                let nodes = try store.classNodes(dimension: "region")
                let tree = ClassTree(dimension: "region", nodes: nodes)
                for node in nodes where tree.path(of: node.code).count - 1 == level {
                    let filter = ClassFilter(conditions: [ClassCondition(dimension: "region", codes: [node.code])])
                    let items = try store.classifiedOpenItems(filter: filter, asOf: asOf)
                    classified.formUnion(items.map(\.invoiceID))
                    add(node.code, node.nameZH.isEmpty ? node.nameEN : node.nameZH, items)
                }
                add("(none)", "", try store.openItems(asOf: asOf).filter { !classified.contains($0.invoiceID) })
                let actual = minorUnitRows(table)
                #expect(actual == expected, "by region level \(level) as of \(asOf)")
                #expect(expected.contains { $0[0] != "(none)" }, "some classified rows at level \(level)")
            }
        }
    }

    /// A ledger made before the session-13 tables (dropped with their triggers, their migrations forgotten) is
    /// back-filled on open; the triggers keep the tables right afterwards.
    @Test func migrationBackfillsAnExistingLedger() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aging13-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        func post(_ service: LedgerService, _ date: String, _ amount: Int64) throws -> Invoice {
            var post = PostInvoice(customerCode: "B1", date: try day(date), lines: [
                LineInput(description: "x", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: amount, currency: .cny)),
            ])
            post.creditOverrideReason = "test"
            return try service.run(post)
        }
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t",
                                        role: .admin)
            try service.run(CreateCustomer(CustomerFields(code: "B1", name: "Backfill Co")))
            for (date, amount) in [("2026-01-10", Int64(10_000)), ("2026-01-20", 25_000), ("2026-03-10", 5_000)] {
                _ = try post(service, date, amount)
            }
            // Settles the first invoice (100.00) on 03-20 and 50.00 of the second.
            try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-20"),
                                          amount: Money(minorUnits: 15_000, currency: .cny), allocation: .auto))
        }
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TABLE open_due_currency_month; DROP TABLE invoice_settled;
                DROP TRIGGER due_currency_month_insert; DROP TRIGGER due_currency_month_delete;
                DROP TRIGGER due_currency_month_update; DROP TRIGGER due_currency_month_rekey;
                DROP TRIGGER invoice_settled_insert; DROP TRIGGER invoice_settled_delete;
                DROP TRIGGER invoice_settled_update; DROP TRIGGER invoice_settled_document_date;
                DROP TRIGGER invoice_settled_allocation_moved;
                DELETE FROM grdb_migrations WHERE identifier IN ('s13-open-due-currency-month', 's13-invoice-settled');
                """)
        }
        try raw.close()
        let store = try SQLiteLedgerStore(path: path)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let service = LedgerService(store: store, clock: FixedClock(try day("2026-03-31")), actor: "t", role: .admin)
        _ = try post(service, "2026-03-25", 7_000)
        try service.run(RecordReceipt(customerCode: "B1", date: try day("2026-03-30"),
                                      amount: Money(minorUnits: 20_000, currency: .cny), allocation: .auto))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        let check = try DatabaseQueue(path: path)
        let months = try check.read { db in
            try Row.fetchAll(db, sql: "SELECT currency, month, amount, n FROM open_due_currency_month WHERE n <> 0")
                .map { "\($0[0] as String) \($0[1] as String) \($0[2] as Int64) \($0[3] as Int64)" }
        }
        // Left open: the invoices of 03-10 (50.00) and 03-25 (70.00), both due in April.
        #expect(months == ["CNY 2026-04 12000 2"])
        let settled = try check.read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.date, date(s.settled_day + 0.5) FROM invoice_settled s JOIN document d ON d.id = s.id
                ORDER BY d.date
                """).map { "\($0[0] as String) \($0[1] as String? ?? "open")" }
        }
        #expect(settled == ["2026-01-10 2026-03-20", "2026-01-20 2026-03-30", "2026-03-10 open", "2026-03-25 open"])
        try check.close()
    }
}

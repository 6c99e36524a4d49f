import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// s12-screens (issue 10): `report sales` by month, quarter, year, region and channel reads the maintained
/// `sales_month` for whole months and the documents for partial months; its rows equal the old computation over
/// every document (`salesReportFromDocuments`) for any range, on the IBM sample and on a generated ledger — the
/// figures of the charts' trend and of the reports screen's sales tab.
@Suite struct SalesMonthReportTests {
    static let dimensions = SalesDimension.allCases

    /// Ranges around `first...last`: open, whole months, partial first/last months, one partial month, reversed.
    static func ranges(first: CivilDate, last: CivilDate) -> [(CivilDate?, CivilDate?)] {
        let mid = first.adding(days: first.days(to: last) / 2)
        return [(nil, nil), (nil, mid), (mid, nil), (first, last), (first.startOfMonth, last.endOfMonth),
                (mid.startOfMonth, mid.endOfMonth), (mid.adding(days: -40), mid), (mid, mid.adding(days: 3)),
                (mid.startOfMonth, mid.adding(months: 5)), (mid.adding(days: 1), mid.adding(months: 7).endOfMonth),
                (mid.adding(months: -18).startOfMonth, mid), (last, first), (last.adding(days: 30), nil)]
    }

    static func expectSameRows(_ store: SQLiteLedgerStore, first: CivilDate, last: CivilDate) throws -> Int {
        var compared = 0
        for dimension in dimensions {
            for (from, to) in ranges(first: first, last: last) {
                let rows = try store.salesReport(by: dimension, from: from, to: to)
                let reference = try store.salesReportFromDocuments(by: dimension, from: from, to: to)
                #expect(rows == reference, "\(dimension) \(String(describing: from))…\(String(describing: to))")
                compared += rows.count
            }
        }
        return compared
    }

    @Test func ibmSampleEqualsTheDocuments() throws {
        let ledger = try RecvLedger(today: "2013-06-30")
        _ = try ledger.service.runBatch { runner in
            try IBMLoader.load(into: runner, directory: ReceivablesIBMTests.directory)
        }
        let summary = try ledger.store.summary()
        let first = try #require(summary.firstDate), last = try #require(summary.lastDate)
        #expect(try Self.expectSameRows(ledger.store, first: first, last: last) > 100)
        // The summary equals its recomputation from the documents.
        try Self.expectSummaryRecomputes(ledger.store)
    }

    @Test func generatedLedgerEqualsTheDocuments() throws {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let today = try day("2026-11-29")
        let ledger = try TestLedger(today: "2026-11-29")
        let gen = SampleGenerator(language: .zh, customers: 40, invoices: 800, seed: 11, today: today, cities: cities)
        _ = try ledger.service.runBatch { try gen.load(into: $0) }
        let summary = try ledger.store.summary()
        #expect(summary.creditNotes > 0, "the generated ledger has credit notes (negative sales)")
        let first = try #require(summary.firstDate)
        #expect(try Self.expectSameRows(ledger.store, first: first, last: today) > 100)
        try Self.expectSummaryRecomputes(ledger.store)
    }

    static func expectSummaryRecomputes(_ store: SQLiteLedgerStore) throws {
        let columns = "date, region, channel, currency, kind, total, n, net, tax"
        let (kept, recomputed) = try store.read { db in
            (try Row.fetchAll(db, sql: "SELECT \(columns) FROM sales_month WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5"),
             try Row.fetchAll(db, sql: "SELECT * FROM (\(PivotIndexSchema.recomputedSQL(amounts: true))) "
                              + "ORDER BY 1, 2, 3, 4, 5"))
        }
        #expect(kept.map { Array($0.databaseValues) } == recomputed.map { Array($0.databaseValues) })
        #expect(!kept.isEmpty)
    }
}

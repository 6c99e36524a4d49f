import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerReports
import LedgerStore

/// Issue 10: the reports that span the whole ledger read set-based SQL (aging cells, DSO totals and entries,
/// collections, payment days, write-offs) and give exactly the figures of the in-memory computation over the whole
/// ledger (`ReceivablesSnapshot`, the old path, kept as the reference) at any date.
@Suite struct SetBasedReportTests {
    /// The date-threshold form of the buckets equals the days form (`index(daysOverdue:)`,
    /// `index(daysSinceInvoice:)`) for every day around the bounds.
    @Test(arguments: [[30, 60, 90], [15, 45], [1, 7, 365]])
    func thresholdsEqualDayBuckets(bounds: [Int]) throws {
        let buckets = AgingBuckets(bounds: bounds)
        let asOf = try day("2026-03-01")
        let due = buckets.thresholds(asOf: asOf, basis: .dueDate)
        let invoice = buckets.thresholds(asOf: asOf, basis: .invoiceDate)
        for offset in -40...400 {
            let date = asOf.adding(days: -offset)
            #expect(AgingBuckets.index(of: date, thresholds: due) == buckets.index(daysOverdue: offset), "\(offset)")
            #expect(AgingBuckets.index(of: date, thresholds: invoice) == buckets.index(daysSinceInvoice: offset),
                    "\(offset)")
        }
    }

    /// A generated ledger (the sample generator: many customers, salespeople, regions, partial payments), at
    /// dates from before the first document to today.
    @Test func generatedLedgerAtSeveralDates() throws {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let today = try day("2026-11-29")
        let ledger = try TestLedger(today: "2026-11-29")
        let gen = SampleGenerator(language: .zh, customers: 40, invoices: 600, seed: 7, today: today, cities: cities)
        _ = try ledger.service.runBatch { try gen.load(into: $0) }
        // A few disputed invoices, open ones among them (aging's disputed column).
        let some = try ledger.store.openItems(asOf: today).prefix(6).map(\.number)
        for number in some { try ledger.service.run(SetDispute(number: number, isDisputed: true, reason: "t")) }
        let snapshot = try ledger.store.receivablesSnapshot(customerID: nil)
        #expect(snapshot.documents.count >= 600)
        let first = try #require(snapshot.documents.map(\.date).min())
        var dates = stride(from: -10, through: first.days(to: today) + 10, by: 45).map { first.adding(days: $0) }
        dates += [today, today.adding(days: -365), today.adding(days: -1)]
        // After the last document: aging today from the maintained months (`open_due_month`), with the bucket
        // bounds cutting months at every position, and DSO from the maintained balances and monthly sales.
        dates += stride(from: 1, through: 75, by: 4).map { today.adding(days: $0) }
        var openSeen = 0
        for asOf in dates {
            openSeen += try Self.expectSameFigures(ledger.store, snapshot, asOf: asOf, since: first)
        }
        #expect(openSeen > 100)
    }

    /// Compares every set-based figure as of `asOf` with the in-memory computation on `snapshot` (the whole ledger);
    /// returns the number of invoices open as of `asOf`.
    @discardableResult
    static func expectSameFigures(_ store: SQLiteLedgerStore, _ snapshot: ReceivablesSnapshot, asOf: CivilDate,
                                  since: CivilDate) throws -> Int {
        let customers = Dictionary(snapshot.customers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let open = snapshot.openInvoices(asOf: asOf)
        let items = open.map { doc, amount in
            OpenItem(invoiceID: doc.id, number: doc.number, customerID: doc.customerID,
                     customerCode: customers[doc.customerID]?.code ?? "", customerName: customers[doc.customerID]?.name ?? "",
                     salesperson: doc.salesperson, region: doc.region, channel: "", date: doc.date, dueDate: doc.dueDate,
                     currency: doc.currency, total: doc.total, open: amount, isDisputed: doc.isDisputed)
        }
        // The open items query (set-based as of a date) lists the same invoices and amounts.
        let listed = try store.openItems(asOf: asOf)
        #expect(listed.map { "\($0.number) \($0.open)" }.sorted() == items.map { "\($0.number) \($0.open)" }.sorted(),
                "open items as of \(asOf)")
        let credits = try store.unappliedCredits(asOf: asOf)
        let reports = Reports(store: store)
        for grouping in [AgingGrouping.none, .customer, .salesperson, .region] {
            for basis in AgingBasis.allCases {
                for buckets in [AgingBuckets.standard, AgingBuckets(bounds: [15, 45])] {
                    let expected = Aging.reports(items: items, credits: credits, asOf: asOf, buckets: buckets,
                                                 groupBy: grouping, basis: basis)
                    let actual = try reports.aging(asOf: asOf, by: grouping, buckets: buckets, basis: basis)
                    #expect(actual == expected, "aging as of \(asOf) by \(grouping) basis \(basis) \(buckets.bounds)")
                }
            }
        }
        let from = asOf.adding(days: -89)
        #expect(ReceivablesFigures.dso(from: from, to: asOf, totals: try store.dsoTotals(from: from, to: asOf))
                == ReceivablesFigures.dso(from: from, to: asOf, snapshot: snapshot), "DSO to \(asOf)")
        let rates = ExchangeRateTable(base: .cny, rates: [ExchangeRate(date: since.adding(days: -400), currency: .usd,
                                                                       perMillion: 7_123_457)])
        var converted = ConvertedDSO(rates: rates)
        try store.forEachDSOEntry(from: from, to: asOf) { converted.add($0) }
        #expect(converted.figure(from: from, to: asOf)
                == ReceivablesFigures.convertedDSO(from: from, to: asOf, snapshot: snapshot, rates: rates))
        let year = asOf.adding(days: -365)
        #expect(try store.collectionMonths(from: year, to: asOf)
                == ReceivablesFigures.collections(from: year, to: asOf, snapshot: snapshot), "collections to \(asOf)")
        let behaviour = ReceivablesFigures.paymentBehaviour(snapshot: snapshot, asOf: asOf)
        #expect(try store.paymentBehaviour(asOf: asOf, customerID: nil) == behaviour, "payment days as of \(asOf)")
        if let one = behaviour.first {
            #expect(try store.paymentBehaviour(asOf: asOf, customerID: one.customerID) == [one])
        }
        #expect(try store.writeOffRows(from: since, to: asOf)
                == ReceivablesFigures.writeOffs(from: since, to: asOf, snapshot: snapshot), "write-offs to \(asOf)")
        return open.count
    }
}

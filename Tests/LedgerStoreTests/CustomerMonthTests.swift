import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// s13-cust (issue 10): `customer_month`, sales per customer and month kept by triggers, equals its recomputation
/// after posting, crediting, voiding and a back-fill; sales by customer and the customer list's 12-month sales and
/// last sale read from it equal the same figures summed from the documents; a search of several words finds the
/// customers holding each word.
@Suite struct CustomerMonthTests {
    /// (customer code, month, total, last invoice) of the stored rows with documents.
    static func rows(_ store: SQLiteLedgerStore) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.code, m.date, m.n, m.total, m.last_invoice FROM customer_month m
                JOIN customer c ON c.id = m.customer_id WHERE m.n <> 0 ORDER BY c.code, m.date
                """).map { row in
                "\(row[0] as String) \(row[1] as String) n=\(row[2] as Int64) \(row[3] as Int64) "
                    + "last=\(row[4] as String? ?? "-")"
            }
        }
    }

    @Test func maintainedThroughPostCreditAndVoid() throws {
        let ledger = try TestLedger(today: "2026-03-31")
        try ledger.customer("A1", "Acme Trading Co")
        try ledger.customer("B1", "上海明远贸易有限公司")
        _ = try ledger.invoice("A1", "2026-01-05", "100.00")
        let late = try ledger.invoice("A1", "2026-01-20", "50.00")
        _ = try ledger.invoice("A1", "2026-02-03", "30.00")
        _ = try ledger.invoice("B1", "2026-03-15", "80.00")
        try ledger.service.run(IssueCreditNote(customerCode: "A1", date: date("2026-02-10"), appliesToNumber: nil,
                                               amount: cny("10.00"), reason: "return"))
        #expect(try ledger.store.recomputeMaintainedBalances().isEmpty)
        #expect(try Self.rows(ledger.store) == [
            "A1 2026-01-01 n=2 15000 last=2026-01-20",
            "A1 2026-02-01 n=2 2000 last=2026-02-03",
            "B1 2026-03-01 n=1 8000 last=2026-03-15",
        ])
        // Voiding the month's latest invoice re-reads the month's last invoice date.
        try ledger.service.run(VoidInvoice(number: late.displayNumber, reason: "wrong"))
        #expect(try ledger.store.recomputeMaintainedBalances().isEmpty)
        #expect(try Self.rows(ledger.store).first == "A1 2026-01-01 n=1 10000 last=2026-01-05")
        // A value changed behind the triggers' back is reported, naming customer, currency and month.
        try ledger.store.writer.write { db in try db.execute(sql: "UPDATE customer_month SET total = total + 1") }
        let differences = try ledger.store.recomputeMaintainedBalances()
        #expect(differences.contains { $0.subject == "A1 CNY 2026-01" && $0.field == "customer_month_total" })
    }

    /// A ledger made before `customer_month` is back-filled on open; the triggers keep it afterwards.
    @Test func migrationBackfillsAnExistingLedger() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        do {
            let store = try SQLiteLedgerStore(path: path)
            let service = LedgerService(store: store, clock: FixedClock(date("2026-03-31")), actor: "t", role: .admin)
            try service.run(CreateCustomer(CustomerFields(code: "B1", name: "Backfill Co")))
            for (day, amount) in [("2026-01-10", Int64(10_000)), ("2026-01-20", 25_000), ("2026-03-10", 5_000)] {
                var post = PostInvoice(customerCode: "B1", date: date(day), lines: [
                    LineInput(description: "x", quantity: Quantity(1),
                              unitPrice: Money(minorUnits: amount, currency: .cny)),
                ])
                post.creditOverrideReason = "test"
                try service.run(post)
            }
        }
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: """
                DROP TRIGGER customer_month_insert; DROP TRIGGER customer_month_update_old;
                DROP TRIGGER customer_month_update_new; DROP TRIGGER customer_month_delete; DROP TABLE customer_month;
                DELETE FROM grdb_migrations WHERE identifier = 's13-customer-month';
                """)
        }
        try raw.close()
        let store = try SQLiteLedgerStore(path: path)
        #expect(try Self.rows(store) == ["B1 2026-01-01 n=2 35000 last=2026-01-20",
                                         "B1 2026-03-01 n=1 5000 last=2026-03-10"])
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }

    /// Sales by customer from the summary equal those from the documents, for ranges cut mid-month, ending today,
    /// ending in the past and open-ended, on a generated ledger with credit notes and voids.
    @Test func salesByCustomerEqualsTheDocuments() throws {
        let ledger = try TestLedger()
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 17, invoices: 400, seed: 11,
                                        today: date("2026-11-29"), cities: cities)
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        #expect(try ledger.store.recomputeMaintainedBalances().isEmpty)
        let ranges: [(CivilDate?, CivilDate?)] = [
            (date("2025-12-01"), date("2026-11-29")), (date("2025-12-17"), date("2026-11-29")),
            (date("2026-02-01"), date("2026-06-30")), (date("2026-02-14"), date("2026-06-03")),
            (date("2026-05-05"), date("2026-05-25")), (nil, date("2026-04-10")), (date("2026-03-03"), nil),
            (nil, nil), (date("2026-07-01"), date("2026-06-01")),
        ]
        for (from, to) in ranges {
            let expected = try ledger.store.salesReportFromDocuments(by: .customer, from: from, to: to)
            #expect(try ledger.store.salesReport(by: .customer, from: from, to: to) == expected,
                    "\(from?.description ?? "-")…\(to?.description ?? "-")")
            if from != nil, to != nil, from! <= to! { #expect(!expected.isEmpty) }
        }
        // Monthly sales of every customer, as the sparklines read them, equal the documents' sums.
        let ids = try ledger.store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM customer") }
        for (from, to) in [(date("2025-12-01"), date("2026-11-29")), (date("2026-01-15"), date("2026-06-10"))] {
            let sales = try ledger.store.monthlySales(customerIDs: ids, from: from, to: to)
            let reference = try ledger.store.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT customer_id, substr(date, 1, 7), SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END)
                    FROM document WHERE status = 'posted' AND date >= ? AND date <= ? GROUP BY 1, 2
                    """, arguments: [from.description, to.description])
            }
            var expected: [Int64: [String: Int64]] = [:]
            for row in reference { expected[row[0], default: [:]][row[1]] = row[2] }
            #expect(sales == expected, "\(from)…\(to)")
        }
    }

    /// "Acme Trading" or "上海 贸易": each word must match somewhere (AND), in any column; the whole text first.
    @Test func severalWordsEachMatch() throws {
        let ledger = try TestLedger()
        try ledger.customer("ACT", "Acme Trading Co")
        try ledger.customer("ACM", "Acme Tools")
        try ledger.customer("TRD", "Trading House Acme")
        try ledger.customer("SH1", "上海明远贸易有限公司")
        try ledger.customer("SH2", "上海五金有限公司")
        try ledger.customer("BJ1", "北京星河贸易公司")
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("Acme Trading") == ["ACT", "TRD"])
        #expect(try codes("trading acme") == ["ACT", "TRD"])
        #expect(try codes("上海 贸易") == ["SH1"])
        #expect(try codes("贸易　上海") == ["SH1"])   // ideographic space
        #expect(try codes("shanghai maoyi") == ["SH1"])
        #expect(try codes("sh 有限") == ["SH1", "SH2"])
        #expect(try codes("Acme Zebra").isEmpty)
        for text in ["Acme Trading", "上海 贸易", "shanghai maoyi", "sh 有限", "a c", "co ac", "明 贸", "Acme   Tools"] {
            let indexed = try codes(text)
            #expect(indexed == (try CustomerListScaleTests.scanCodes(ledger.store, text)), "search \(text)")
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text)) == indexed.count)
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text), atMost: 50)
                == indexed.count)
        }
    }
}

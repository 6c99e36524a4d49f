import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// s31-reads (issue 10): the store sums the documents' commission events per kind, date, salesperson, customer
/// class and currency. On a generated ledger (six salespeople, classes A–C, receipts, credit notes, write-offs)
/// every month's lines under rules of every specificity, a mid-month rate change and a collections window equal
/// those of one event per document, read by the query the store used before.
@Suite struct CommissionGroupedEventsTests {
    /// The document events one per document (the query before s31), then the allocations' as the store reads them.
    static let perDocumentSQL = """
        SELECT d.id, CASE d.kind WHEN 'invoice' THEN 'sale' ELSE 'creditNote' END AS kind, d.date,
          COALESCE(s.code, '') AS sp, c.customer_class AS cls, d.currency, d.subtotal AS amount, 0 AS inv_net,
          0 AS inv_total, NULL AS due, NULL AS receipt_date
        FROM document d JOIN customer c ON c.id = d.customer_id LEFT JOIN salesperson s ON s.id = d.salesperson_id
        WHERE d.status = 'posted' AND d.date BETWEEN :from AND :to
        """

    @Test func groupedEventsGiveThePerDocumentLines() throws {
        let today = try day("2026-11-29")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("comm-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        _ = try service.runBatch {
            try SampleGenerator(language: .zh, customers: 40, invoices: 2_000, seed: 7, today: today, cities: cities)
                .load(into: $0)
        }
        let raw = try DatabaseQueue(path: path)
        defer { try? raw.close() }
        try raw.write { db in
            try db.execute(sql: """
                INSERT INTO commission_rule (salesperson, customer_class, basis, rate_bp, within_days, start_date)
                VALUES ('', '', 'net_sales', 100, NULL, '2000-01-01'),
                       ('S01', '', 'net_sales', 200, NULL, '2000-01-01'),
                       ('S01', '', 'net_sales', 300, NULL, '2026-06-16'),
                       ('', 'B', 'net_sales', 250, NULL, '2000-01-01'),
                       ('S02', 'A', 'net_sales', 400, NULL, '2000-01-01'),
                       ('S03', '', 'collections', 500, 10, '2000-01-01'),
                       ('S04', 'C', 'collections', 600, NULL, '2000-01-01')
                """)
        }
        let rules = try store.commissionRules()
        var months = 0, documents = 0, groupedDocuments = 0
        var first = try day("2025-01-01")
        while first <= today {
            let last = first.adding(months: 1).adding(days: -1)
            let args: StatementArguments = ["from": first.description, "to": last.description]
            var events = try raw.read { db in
                try Row.fetchAll(db, sql: Self.perDocumentSQL, arguments: args).map(SQLiteLedgerStore.commissionEvent)
            }
            documents += events.count
            try store.forEachCommissionEvent(from: first, to: last) { e in
                if e.kind == .collection || e.kind == .writeOff { events.append(e) } else { groupedDocuments += 1 }
            }
            let month = try CommissionMonth.make(month: first, store: store)
            #expect(month.lines == Commission.lines(events: events, rules: rules), "\(first)")
            if !month.lines.isEmpty { months += 1 }
            first = first.adding(months: 1)
        }
        #expect(months > 6 && documents > 2_000 && groupedDocuments < documents)
    }
}

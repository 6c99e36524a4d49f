import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// Issue 10, lists and search: the customer search through the FTS5 trigram index gives exactly the ranking of
/// the full scan, and the customer list paged in SQL (ids first, figures grouped per page) gives the same rows and
/// figures as the single query it replaced, across page boundaries, every sort and both as-of paths.
@Suite struct CustomerListScaleTests {
    /// The full-scan search as it was before the index: `SearchRanking`'s clause and rank over every customer.
    static func scanCodes(_ store: SQLiteLedgerStore, _ text: String) throws -> [String] {
        let ranked = SearchRanking.sql(text, code: "c.code", extra: ["phone"])
        var arguments = StatementArguments(ranked.clauseArgs)
        arguments += StatementArguments(ranked.rankArgs)
        return try store.read { db in
            try String.fetchAll(db, sql: "SELECT c.code FROM customer c WHERE \(ranked.clause) ORDER BY \(ranked.rank), c.code",
                                arguments: arguments)
        }
    }

    @Test func indexedSearchEqualsTheScanOnPolyphonesAndEdgeCases() throws {
        let ledger = try TestLedger()
        try ledger.customer("CQ1", "重庆山城贸易")
        try ledger.customer("CS1", "长沙湘江商行")
        try ledger.customer("CC1", "长春一汽配件")
        try ledger.customer("CH1", "长城电器")
        try ledger.customer("CH2", "长虹电子")
        try ledger.customer("FRANS", "Franchi S.p.A.")
        try ledger.customer("BRANCH", "Branch Office")
        try ledger.customer("RANCH", "Rancho Grande")
        try ledger.customer("RANCHO", "Other 100% Co_op")
        try ledger.customer("FW1", "Ｆｕｌｌｗｉｄｔｈ Co")
        var fields = CustomerFields(code: "PH1", name: "电话客户")
        fields.phone = "138-0013-8000"
        try ledger.service.run(CreateCustomer(fields))
        let asOf = date("2026-11-29")
        let texts = ["cq", "chongqing", "zhongqing", "changsha", "cs", "changchun", "changcheng", "changhong", "长",
                     "长城", "重庆山", "ranch", "RANCH", "Ranch", "c", "CH", "an", "100%", "o_op", "%", "_", "Ｆｕｌ",
                     "ｆｕｌ", "ful", "0013", "13", "zzz", "贸易", "s.p.a", "\"x", "s\"", "chong qing"]
        for text in texts {
            let indexed = try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
            #expect(indexed == (try Self.scanCodes(ledger.store, text)), "search \(text)")
            let count = try ledger.store.customerListCount(filter: ClassFilter(search: text))
            #expect(count == indexed.count, "count \(text)")
        }
        // The previous test's answers, through the index.
        #expect(try ledger.store.customers(search: "zhongqing", asOf: asOf, page: PageRequest()).map(\.code) == ["CQ1"])
        #expect(try ledger.store.customers(search: "ranch", asOf: asOf, page: PageRequest()).map(\.code)
            == ["RANCH", "RANCHO", "BRANCH", "FRANS"])
        #expect(CustomerSearchIndex.candidates("Ｆｕｌ", id: "c.id") == nil)   // SQLite's lower() does not fold it
        #expect(CustomerSearchIndex.candidates("长城", id: "c.id")?.clause.contains("instr") == true)
        #expect(CustomerSearchIndex.candidates("chang", id: "c.id")?.clause.contains("MATCH") == true)
    }

    @Test func theIndexFollowsEditsOfNameAndCode() throws {
        let ledger = try TestLedger()
        let first = try ledger.customer("OLD1", "北京星河科技")
        try ledger.customer("KEEP", "上海明远五金")
        var fields = CustomerFields(code: "NEW1", name: "杭州西湖茶叶")
        fields.currency = first.currency
        fields.paymentTerms = first.paymentTerms
        try ledger.service.run(UpdateCustomer(id: first.id, fields: fields))
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("星河科技").isEmpty)
        #expect(try codes("bjxh").isEmpty)
        #expect(try codes("西湖茶").map { $0 } == ["NEW1"])
        #expect(try codes("hzxh") == ["NEW1"])
        #expect(try codes("new1") == ["NEW1"])
        #expect(try codes("old").isEmpty)
        #expect(try codes("明远五金") == ["KEEP"])
        let indexed = try ledger.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer_search WHERE customer_search MATCH '\"xihu\"'")
        }
        #expect(indexed == 1)
    }

    /// The customer list as one query, as before issue 10's paging (the reference).
    static func unpagedReference(_ store: SQLiteLedgerStore, asOf: CivilDate, sort: CustomerSort, search: String?)
        throws -> [CustomerListRow] {
        let ranked = SearchRanking.sql(search, code: "c.code", extra: ["phone"])
        let column: String
        switch sort.column {
        case .code: column = "c.code"
        case .name: column = "c.name"
        case .customerClass: column = "c.customer_class"
        case .region: column = "c.region"
        case .channel: column = "c.channel"
        case .balance: column = "balance"
        case .overdue: column = "overdue"
        case .lastPurchase: column = "last_purchase"
        }
        var order = "\(column) \(sort.ascending ? "ASC" : "DESC")\(sort.column == .code ? "" : ", c.code")"
        var arguments = StatementArguments(ranked.clauseArgs)
        if sort == CustomerSort(), !ranked.rankArgs.isEmpty {
            order = "\(ranked.rank), " + order
            arguments += StatementArguments(ranked.rankArgs)
        }
        return try store.read { db in
            let d = asOf.description
            let on = OpenAsOf.literal(asOf)
            let openInvoice = OpenAsOf.invoiceOpen(asOf: on)
            let sql = """
                SELECT c.*,
                  COALESCE((SELECT SUM(\(openInvoice)) FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice'
                            AND d.status = 'posted' AND d.date <= '\(d)'), 0)
                  - COALESCE((SELECT SUM(\(OpenAsOf.unapplied("receipt", asOf: on))) FROM receipt r
                            WHERE r.customer_id = c.id AND r.date <= '\(d)'), 0)
                  - COALESCE((SELECT SUM(\(OpenAsOf.unapplied("credit_note", "d", asOf: on))) FROM document d
                            WHERE d.customer_id = c.id AND d.kind = 'credit_note' AND d.status = 'posted'
                            AND d.date <= '\(d)'), 0) AS balance,
                  COALESCE((SELECT SUM(\(openInvoice)) FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice'
                            AND d.status = 'posted' AND d.date <= '\(d)' AND d.due_date < '\(d)'), 0) AS overdue,
                  (SELECT MAX(d.date) FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice'
                   AND d.status = 'posted' AND d.date <= '\(d)') AS last_purchase
                FROM customer c WHERE \(ranked.clause) ORDER BY \(order)
                """
            let first = asOf.startOfMonth.adding(months: -11)
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let customer = try RowMapping.customer(row)
                // 12 months of net sales to the as-of date, summed from the documents (s13-cust).
                var months: [String: Int64] = [:]
                for month in try Row.fetchAll(db, sql: """
                    SELECT substr(date, 1, 7) AS m, SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END) AS s
                    FROM document WHERE customer_id = ? AND status = 'posted' AND date >= ? AND date <= ? GROUP BY m
                    """, arguments: [customer.id, first.description, d]) {
                    months[month["m"]] = month["s"]
                }
                return CustomerListRow(id: customer.id, code: customer.code, name: customer.name,
                                       customerClass: customer.customerClass, region: customer.region,
                                       channel: customer.channel, currency: customer.currency,
                                       balance: row["balance"], overdue: row["overdue"],
                                       lastPurchase: (row["last_purchase"] as String?).flatMap(CivilDate.init(iso:)),
                                       recentSales: (0..<12).map { months[first.adding(months: $0).monthKey] ?? 0 })
            }
        }
    }

    @Test func pagesJoinToTheUnpagedListForEverySortAndAsOf() throws {
        let ledger = try TestLedger()
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 23, invoices: 260, seed: 7,
                                        today: date("2026-11-29"), cities: cities)
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        // Today (maintained figures) and a past date (as-of sums: documents dated after it exist).
        for asOf in [date("2026-11-29"), date("2026-05-31")] {
            for column in CustomerSort.Column.allCases {
                for ascending in [true, false] {
                    let sort = CustomerSort(column, ascending: ascending)
                    for search in [nil, "有限"] as [String?] {
                        let expected = try Self.unpagedReference(ledger.store, asOf: asOf, sort: sort, search: search)
                        #expect(expected.count > (search == nil ? 20 : 0))
                        var joined: [CustomerListRow] = []
                        var offset = 0
                        while true {
                            let page = try ledger.store.customerList(
                                filter: ClassFilter(search: search), asOf: asOf, sort: sort,
                                page: PageRequest(offset: offset, limit: 5))
                            joined += page
                            offset += 5
                            if page.count < 5 { break }
                        }
                        #expect(joined == expected, "as of \(asOf), sort \(column) \(ascending), search \(search ?? "-")")
                        // Keyset pages (s13-cust): each page read after the previous page's last row.
                        var seeked: [CustomerListRow] = []
                        while true {
                            let page = try ledger.store.customerList(
                                filter: ClassFilter(search: search), asOf: asOf, sort: sort,
                                page: PageRequest(offset: seeked.count, limit: 5), after: seeked.last)
                            seeked += page
                            if page.count < 5 { break }
                        }
                        #expect(seeked == expected, "keyset: sort \(column) \(ascending), search \(search ?? "-")")
                        let all = try ledger.store.customerList(filter: ClassFilter(search: search), asOf: asOf,
                                                                sort: sort, page: .all)
                        #expect(all == expected)
                    }
                }
            }
        }
        let balances = try Self.unpagedReference(ledger.store, asOf: date("2026-11-29"), sort: CustomerSort(),
                                                 search: nil)
        #expect(balances.contains { $0.balance != 0 } && balances.contains { $0.overdue != 0 })
    }
}

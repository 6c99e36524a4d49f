import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerReports
@testable import LedgerStore

/// Issue 10, one indexed customer search: the tiered query (`CustomerSearchTiers`) gives exactly the full scan's
/// matches and ranks (code case-folded, then id, within a rank), page by page; the word index follows every write;
/// the count stops at its limit; the exposure reads the maintained aggregates and agrees with the documents.
@Suite struct CustomerSearchTierTests {
    /// The full scan in the search's order: `SearchRanking`'s clause and rank over every customer.
    static func scanCodes(_ store: SQLiteLedgerStore, _ text: String) throws -> [String] {
        let ranked = SearchRanking.sql(text, code: "c.code", extra: ["phone"])
        var arguments = StatementArguments(ranked.clauseArgs)
        arguments += StatementArguments(ranked.rankArgs)
        return try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT c.code FROM customer c WHERE \(ranked.clause)
                ORDER BY \(ranked.rank), c.code COLLATE NOCASE, c.id
                """, arguments: arguments)
        }
    }

    @Test func fts5TrigramIsAvailableThroughGRDB() throws {
        let queue = try DatabaseQueue()
        let found = try queue.write { db -> [Int64] in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'trigram')")
            try db.execute(sql: "INSERT INTO t (rowid, x) VALUES (1, '北京华联 beijinghualian bjhl'), "
                                + "(2, '上海')")
            return try Int64.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH '\"京华联\"'")
                + Int64.fetchAll(db, sql: "SELECT rowid FROM t WHERE t MATCH 'hualian'")
        }
        #expect(found == [1, 1])
    }

    @Test func chineseNamesMatchBySubstringFullPinyinAndInitials() throws {
        let ledger = try TestLedger()
        try ledger.customer("K1", "北京华联")
        try ledger.customer("K2", "华联超市")
        try ledger.customer("K3", "上海联华")
        let asOf = date("2026-11-29")
        func codes(_ text: String) throws -> [String] {
            try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code)
        }
        #expect(try codes("华联") == ["K2", "K1"])   // name prefix first, then the substring
        #expect(try codes("beijing") == ["K1"])
        #expect(try codes("bjhl") == ["K1"])
        #expect(try codes("hualian") == ["K2", "K1"])
        #expect(try codes("hl") == ["K2", "K1", "K3"])   // initials hlcs, bjhl, shlh
        #expect(try codes("联") == ["K1", "K2", "K3"])
        #expect(try codes("k") == ["K1", "K2", "K3"])
        #expect(try codes("k2") == ["K2"])
    }

    @Test func everyTierAndPageEqualsTheScanWithMixedCaseCodes() throws {
        let ledger = try TestLedger()
        let names = ["长城电器", "长虹电子", "城市花园", "Changan Motors", "Branch Office", "c-Store 长",
                     "华联长城"]
        for (index, code) in ["CH1", "ch2", "Ch3", "cha", "BR1", "c10", "Z9"].enumerated() {
            try ledger.customer(code, names[index])
        }
        var fields = CustomerFields(code: "PH1", name: "电话客户")
        fields.phone = "138-0013-8000"
        try ledger.service.run(CreateCustomer(fields))
        try ledger.customer("华东1", "东方明珠")
        try ledger.customer("LONG", String(repeating: "重长行", count: 66) + "尾")   // a key of 1,024+ characters
        let wildcard = try ledger.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer_search_gram WHERE gram = ''")
        }
        #expect(wildcard == 1)
        let asOf = date("2026-11-29")
        for text in ["东", "华东", "尾", "长尾", "行尾", "c", "ch", "CH", "cha", "chang", "长", "长城", "cc",
                     "ch1", "Ch3", "0013", "1", "城", "%", "_",
                     "zzz", "\"x", "c-s", "Ｆｕｌ", "lian", "z9"] {
            let expected = try Self.scanCodes(ledger.store, text)
            #expect(try ledger.store.customers(search: text, asOf: asOf, page: PageRequest()).map(\.code) == expected,
                    "search \(text)")
            for size in [1, 2, 3] {
                var joined: [String] = []
                while true {
                    let page = try ledger.store.customerList(filter: ClassFilter(search: text), asOf: asOf,
                                                             sort: CustomerSort(),
                                                             page: PageRequest(offset: joined.count, limit: size))
                    joined += page.map(\.code)
                    if page.count < size { break }
                }
                #expect(joined == expected, "search \(text), pages of \(size)")
            }
            if let dense = CustomerSearchTiers.idsSQL(text, extraClause: "1", dense: true) {
                // Rank 2 read by walking the code index (as for a letter over 100,000 customers): the same list.
                let codes = try ledger.store.read { db in
                    try String.fetchAll(db, sql: "SELECT (SELECT code FROM customer WHERE id = t.id) "
                                            + "FROM (\(dense.sql)) t",
                                        arguments: dense.arguments)
                }
                #expect(codes == expected, "dense search \(text)")
            }
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text)) == expected.count)
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text), atMost: 2)
                == min(2, expected.count))
            // Counted through the word range (s14-search): a customer whose name pinyin and initials both start
            // with the text is counted once.
            #expect(try ledger.store.customerListCount(filter: ClassFilter(search: text), atMost: 1_000)
                == expected.count, "count \(text)")
        }
        #expect(CustomerSearchTiers.idsSQL("长", extraClause: "1") != nil)
        #expect(CustomerSearchTiers.idsSQL("Ｆｕｌ", extraClause: "1") == nil)   // the full scan ranks it
        #expect(try ledger.store.customerListCount(filter: ClassFilter(), atMost: 3) == 3)
    }

    /// The words the migration's back-fill would write, for comparison with what the triggers kept.
    static func recomputedWords(_ store: SQLiteLedgerStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT value || '#' || id FROM (\(CustomerSearchWords.wordsSQL("c")
                    .replacingOccurrences(of: "FROM json_each", with: "FROM customer c, json_each")
                    .replacingOccurrences(of: "UNION SELECT lower(c.name), c.id WHERE",
                                          with: "UNION SELECT lower(c.name), c.id FROM customer c WHERE")))
                ORDER BY 1
                """)
        }
    }

    @Test func theWordIndexFollowsCreateEditAndPolyphones() throws {
        let ledger = try TestLedger()
        let first = try ledger.customer("OLD1", "重庆山城贸易")
        try ledger.customer("KEEP", "Apple \"Trading\" \\ Co")
        var fields = CustomerFields(code: "NEW1", name: "杭州西湖茶叶")
        fields.currency = first.currency
        fields.paymentTerms = first.paymentTerms
        let kept = try ledger.store.read { db in
            try String.fetchAll(db, sql: "SELECT word FROM customer_search_word WHERE id = ? ORDER BY word",
                                arguments: [first.id])
        }
        #expect(kept.contains("chongqingshanchengmaoyi") && kept.contains("zqscmy") && kept.contains("cqscmy"))
        try ledger.service.run(UpdateCustomer(id: first.id, fields: fields))
        let stored = try ledger.store.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT word || '#' || id FROM customer_search_word ORDER BY 1")
        }
        #expect(stored == (try Self.recomputedWords(ledger.store)))
        #expect(!stored.contains { $0.hasPrefix("zqscmy#") })
        #expect(stored.contains("apple \"trading\" \\ co#2"))
        let asOf = date("2026-11-29")
        #expect(try ledger.store.customers(search: "hzxh", asOf: asOf, page: PageRequest()).map(\.code) == ["NEW1"])
        #expect(try ledger.store.customers(search: "cq", asOf: asOf, page: PageRequest()).isEmpty)
        #expect(try ledger.store.customers(search: "Apple \"T", asOf: asOf, page: PageRequest()).map(\.code)
            == ["KEEP"])
    }

    @Test func exposureFromMaintainedValuesEqualsTheDocuments() throws {
        let ledger = try TestLedger(today: "2026-11-29")
        try ledger.customer("E1", "敞口客户", limit: 150_000)
        try ledger.invoice("E1", "2026-08-01", "500.00")
        try ledger.invoice("E1", "2026-11-01", "800.00")
        try ledger.service.run(RecordReceipt(customerCode: "E1", date: date("2026-11-10"),
                                             amount: Money(minorUnits: 30_000, currency: .cny)))
        let reports = Reports(store: ledger.store)
        let today = date("2026-11-29")
        let exposure = try #require(try reports.exposure(customerCode: "E1", asOf: today, newSale: 10_000))
        let customer = try #require(try ledger.store.customer(code: "E1"))
        #expect(try ledger.store.maintainedCreditPosition(customerID: customer.id, currency: .cny, asOf: today) != nil)
        // The same rule over the customer's documents (the path taken for a past date).
        let snapshot = try ledger.store.receivablesSnapshot(customerID: customer.id)
        let reference = CreditExposure.evaluate(
            customer: customer,
            open: snapshot.openInvoices(asOf: today, customerID: customer.id)
                .map { ($0.invoice.number, $0.invoice.dueDate, $0.invoice.currency, $0.open) },
            unapplied: [(Currency.cny, snapshot.unappliedCredit(customerID: customer.id, currency: .cny,
                                                                asOf: today))],
            asOf: today, stopCreditFromDays: try ledger.store.storedReminderRules()
                .policy(forClass: customer.customerClass).stopCreditFromDays, newSale: 10_000)
        #expect(exposure == reference)
        #expect(exposure.overdue == 20_000 || exposure.overdue == 50_000)
        #expect(exposure.balance == 100_000)
        // A date before the last document: the maintained values are not the values as of it.
        let before = date("2026-10-15")
        #expect(try ledger.store.maintainedCreditPosition(customerID: customer.id, currency: .cny, asOf: before) == nil)
        #expect(try reports.exposure(customerCode: "E1", asOf: before)?.balance == 50_000)
    }
}

import Foundation
import GRDB
import Testing
import LedgerCore
@testable import LedgerStore

/// Issue 10 (s31-gen): new customers' search index written set-based (`CustomerSearchFill`) holds exactly the rows
/// the per-row triggers write — key, FTS5 row, words, grams — and the Swift cut of the grams is the SQL one's.
@Suite struct CustomerSearchFillTests {
    /// Keys with CJK, ASCII, emoji (outside the BMP), combining marks, separators, a NUL, a Latin-1 letter, and one
    /// past the 1,024 positions the grams read.
    static let keys = [
        "c0001\u{1}北京星河贸易有限公司\u{1}beijingxinghe\u{1}bjxh\u{1}13812345678",
        "plain ascii key", "", "é", "重庆|zq", "a北b京c", "😀😃x😄", "e\u{301}\u{301}中", "前\u{0}后文",
        String(repeating: "长城", count: 600) + "尾", String(repeating: "a", count: 1023) + "中国",
        String(repeating: "中", count: 1024), String(repeating: "中", count: 1025),
    ]

    @Test func swiftGramsAreTheSQLGrams() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE search_position (n INTEGER PRIMARY KEY);
                WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < \
                \(CustomerSearchWords.positions))
                    INSERT INTO search_position SELECT n FROM p;
                CREATE TABLE customer_search_key (id INTEGER PRIMARY KEY, keys TEXT NOT NULL);
                """)
            for (index, key) in Self.keys.enumerated() {
                try db.execute(sql: "INSERT INTO customer_search_key (id, keys) VALUES (?, ?)",
                               arguments: [index + 1, key])
            }
            let sql = "SELECT DISTINCT * FROM (" + CustomerSearchWords.gramsSQL("k", from: "customer_search_key k, ")
                + ")"
            var expected: [Int64: Set<String>] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                expected[row[1], default: []].insert(row[0])
            }
            for (index, key) in Self.keys.enumerated() {
                let id = Int64(index + 1)
                let stored = try String.fetchOne(db, sql: "SELECT keys FROM customer_search_key WHERE id = ?",
                                                 arguments: [id]) ?? ""
                #expect(Set(CustomerSearchFill.grams(of: stored)) == expected[id] ?? [], "key \(index)")
            }
            // The cases that matter are covered: pairs, a key past 1,024 positions, nothing after a NUL.
            #expect(expected[1]?.contains("北京") == true)
            #expect(expected[13]?.contains("") == true)
            #expect(expected[12]?.contains("") != true)
            #expect(expected[9] == ["前"])
        }
    }

    /// The same customers' index rows, written set-based by the insert and rewritten by the update triggers per
    /// row, are equal; the FTS5 index passes its integrity check and finds them.
    @Test func setBasedRowsAreTheTriggersRows() throws {
        let ledger = try TestLedger()
        let names = ["北京星河贸易有限公司", "重庆长城电器", "Apple Trading", "长虹电子 Changhong", "上海😀联华", "é"]
        var customers: [Customer] = []
        for (index, name) in names.enumerated() {
            var customer = Customer(code: "K\(index + 1)", name: name)
            let keys = SearchKeys.pinyin(for: customer.name)
            customer.pinyin = keys.full
            customer.pinyinInitials = keys.initials
            customer.phone = index == 2 ? "电话 010-1234" : "1380000000\(index)"
            customers.append(customer)
        }
        try ledger.customer("K0", "先有的客户")
        let ids = try ledger.store.write { tx in try tx.insert(customers: customers) }
        #expect(ids == [2, 3, 4, 5, 6, 7])
        func snapshot() throws -> [String] {
            try ledger.store.read { db in
                try String.fetchAll(db, sql: "SELECT id || ' ' || keys FROM customer_search_key ORDER BY id")
                    + String.fetchAll(db, sql: "SELECT word || ' ' || id FROM customer_search_word ORDER BY word, id")
                    + String.fetchAll(db, sql: "SELECT gram || ' ' || id FROM customer_search_gram ORDER BY gram, id")
                    + String.fetchAll(db, sql: "SELECT rowid || ' ' || keys FROM customer_search ORDER BY rowid")
            }
        }
        let setBased = try snapshot()
        #expect(setBased.contains("星河 2"))
        #expect(setBased.contains("重庆长城电器 3"))
        #expect(setBased.contains { $0.hasPrefix("chongqing") && $0.hasSuffix(" 3") })
        #expect(setBased.contains { $0.hasPrefix("zhongqing") && $0.hasSuffix(" 3") })
        #expect(try ledger.store.scalar("SELECT COUNT(*) FROM bulk_suspend") == "0")
        // The update triggers (not suspended) delete and write every customer's rows again, one by one.
        try ledger.store.write { tx in
            try (tx as! SQLiteTransaction).db.execute(sql: "UPDATE customer SET name = name || '' WHERE id > 1")
        }
        let perRow = try snapshot()
        #expect(perRow == setBased)
        #expect(perRow.count > 40)
        let found = try ledger.store.write { tx in
            let db = (tx as! SQLiteTransaction).db
            try db.execute(sql: "INSERT INTO customer_search (customer_search) VALUES ('integrity-check')")
            return try Int64.fetchAll(db, sql: """
                SELECT rowid FROM customer_search WHERE customer_search MATCH '"星河贸" OR "😀联华"' ORDER BY rowid
                """)
        }
        #expect(found == [2, 6])
    }
}

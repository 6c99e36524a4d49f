import Foundation
import GRDB
import Testing
@testable import LedgerCore
@testable import LedgerStore

/// Issue 10 (s18-gen): the per-row triggers a bulk call does set-based are suspended by the one row of
/// `bulk_suspend`, not dropped: exactly those triggers carry the guard, a row in the table turns them off and its
/// absence on, and the text rewrite keeps a trigger's own WHEN clause.
@Suite struct BulkSuspendTests {
    @Test func exactlyTheSuspendableTriggersCarryTheGuard() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suspend-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let guarded = try store.scalar("""
            SELECT group_concat(name) FROM (SELECT name FROM sqlite_master
            WHERE type = 'trigger' AND sql LIKE '%NOT EXISTS (SELECT 1 FROM bulk_suspend)%' ORDER BY name)
            """)
        #expect(guarded == "allocation_open_insert,customer_search_gram_insert,customer_search_insert,"
                + "customer_search_word_insert,document_open_insert,open_item_balance_insert,"
                + "open_item_balance_update,receipt_open_insert")
        #expect(try store.scalar("SELECT COUNT(*) FROM bulk_suspend") == "0")
    }

    /// A receipt inserted with the row present gets no open item; without it, it does (the trigger on again).
    @Test func theRowSuspendsAndItsAbsenceResumes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: """
                CREATE TABLE bulk_suspend (one INTEGER PRIMARY KEY CHECK (one = 1));
                CREATE TABLE receipt (id INTEGER PRIMARY KEY, amount INTEGER);
                CREATE TABLE open_item (id INTEGER PRIMARY KEY, open_amount INTEGER);
                CREATE TRIGGER receipt_open_insert AFTER INSERT ON receipt
                BEGIN INSERT INTO open_item VALUES (NEW.id, NEW.amount); END;
                CREATE TRIGGER receipt_open_update AFTER UPDATE ON receipt WHEN NEW.amount <> OLD.amount OR 0
                BEGIN UPDATE open_item SET open_amount = NEW.amount WHERE id = NEW.id; END;
                """)
            for (name, sql) in try BulkChunkMaintenance.drop(["receipt_open_insert", "receipt_open_update"], db) {
                try db.execute(sql: try BulkSuspend.guarded(sql, name: name))
            }
            try BulkSuspend.suspended(db) { try db.execute(sql: "INSERT INTO receipt VALUES (1, 500)") }
            try db.execute(sql: "INSERT INTO receipt VALUES (2, 700)")
            #expect(try String.fetchOne(db, sql: "SELECT group_concat(id || ':' || open_amount) FROM open_item")
                    == "2:700")
            // The own WHEN clause still holds (parenthesised: `OR 0` does not escape the guard).
            try BulkSuspend.suspended(db) { try db.execute(sql: "UPDATE receipt SET amount = 800 WHERE id = 2") }
            try db.execute(sql: "UPDATE receipt SET amount = amount WHERE id = 2")
            #expect(try Int.fetchOne(db, sql: "SELECT open_amount FROM open_item WHERE id = 2") == 700)
            try db.execute(sql: "UPDATE receipt SET amount = 900 WHERE id = 2")
            #expect(try Int.fetchOne(db, sql: "SELECT open_amount FROM open_item WHERE id = 2") == 900)
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bulk_suspend") == 0)
        }
    }

    /// A call that fails leaves the triggers on (its error is the one thrown).
    @Test func aFailingCallResumes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE bulk_suspend (one INTEGER PRIMARY KEY CHECK (one = 1))")
            #expect(throws: LedgerError.self) {
                try BulkSuspend.suspended(db) { throw LedgerError.refused("no") }
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM bulk_suspend") == 0)
        }
    }
}

import GRDB
import LedgerCore

/// The per-row triggers a chunk of a bulk load does set-based (issue 10, s18-gen): the open items of new documents
/// and receipts, the allocations' effect on them, and their roll-up into `customer_balance`. Each carries
/// `WHEN NOT EXISTS (SELECT 1 FROM bulk_suspend)`, so a call suspends them by inserting the one row of
/// `bulk_suspend` and resumes them by deleting it, in its own transaction: no DDL, so no prepared statement is
/// prepared again (dropping and creating the triggers per call did that, +12–23 % CPU at calls of ~50 invoices,
/// s17-inv). A crash mid-call rolls the row back with the call's rows. Outside a call the guard is one look-up in
/// an empty table per trigger.
enum BulkSuspend {
    static let triggerNames = ["document_open_insert", "open_item_balance_insert", "open_item_balance_update",
                               "receipt_open_insert", "allocation_open_insert"]
    static let condition = "NOT EXISTS (SELECT 1 FROM bulk_suspend)"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s18-bulk-suspend") { db in
            try db.execute(sql: "CREATE TABLE bulk_suspend (one INTEGER PRIMARY KEY CHECK (one = 1))")
            for (name, sql) in try BulkChunkMaintenance.drop(triggerNames, db) {
                try db.execute(sql: try guarded(sql, name: name))
            }
        }
    }

    /// `sql`, a CREATE TRIGGER, with the condition added: as its WHEN clause, or before the one it has.
    static func guarded(_ sql: String, name: String) throws -> String {
        guard let begin = sql.range(of: "BEGIN") else {
            throw LedgerError.storage("trigger \(name): no BEGIN in its text")
        }
        guard let when = sql[..<begin.lowerBound].range(of: "WHEN ") else {
            return String(sql[..<begin.lowerBound]) + "WHEN \(condition) " + String(sql[begin.lowerBound...])
        }
        return String(sql[..<when.upperBound]) + "\(condition) AND (" + String(sql[when.upperBound..<begin.lowerBound])
            + ") " + String(sql[begin.lowerBound...])
    }

    /// Runs `body` with the triggers suspended. On an error the row goes too (the caller's transaction is rolled
    /// back anyway); the body's error is the one thrown.
    static func suspended<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "INSERT INTO bulk_suspend (one) VALUES (1)").execute()
        let result: T
        do {
            result = try body()
        } catch {
            _ = try? db.cachedStatement(sql: "DELETE FROM bulk_suspend").execute()
            throw error
        }
        try db.cachedStatement(sql: "DELETE FROM bulk_suspend").execute()
        return result
    }
}

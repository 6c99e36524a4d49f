import GRDB

/// The deferred triggers of a chunked bulk load (`BulkChunkMaintenance`) turned off by a row, not by DDL (issue 10,
/// s31-gen2). Migration `s31-bulk-defer` adds `bulk_defer` (at most one row: the highest document and allocation ids
/// when the chunk began), rewrites each deferred trigger with `WHEN NOT EXISTS (SELECT 1 FROM bulk_defer)` before
/// its own WHEN clause (`BulkSuspend.guarded`), and makes the chunk's guards — which refuse a change the deferred
/// triggers would have counted to a document or allocation written before the chunk — permanent triggers that fire
/// only while the row is there. A chunk inserts the row at its start and deletes it before it commits, in its own
/// transaction: a crash rolls the row back with the chunk. Dropping and creating the triggers (and the temporary
/// guards) per commit changed the schema, so SQLite prepared every cached statement again after each commit.
/// Outside a chunk each guard costs one look-up in an empty table.
enum BulkDefer {
    static let condition = "NOT EXISTS (SELECT 1 FROM bulk_defer)"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s31-bulk-defer") { db in
            try db.execute(sql: """
                CREATE TABLE bulk_defer (one INTEGER PRIMARY KEY CHECK (one = 1), document_id INTEGER NOT NULL,
                                         allocation_id INTEGER NOT NULL)
                """)
            for (name, sql) in try BulkChunkMaintenance.drop(BulkChunkMaintenance.deferredTriggers, db) {
                try db.execute(sql: try BulkSuspend.guarded(sql, name: name, condition: condition))
            }
            try db.execute(sql: guardsSQL)
        }
    }

    /// The guards: each fires only while the row is there (`EXISTS`, never NULL, so the rest is not evaluated
    /// outside a chunk), for records at or below the chunk's starting ids (moves of the chunk's own allocations).
    static let guardsSQL = """
        CREATE TRIGGER bulk_guard_document AFTER UPDATE OF status, kind, customer_id, currency, due_date, total, date,
            region, channel, subtotal, tax_total ON document
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE OLD.id <= document_id)
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not change a document written before its chunk'); END;
        CREATE TRIGGER bulk_guard_document_delete AFTER DELETE ON document
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE OLD.id <= document_id) AND OLD.status = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not delete a document written before its chunk'); END;
        CREATE TRIGGER bulk_guard_allocation AFTER UPDATE ON allocation
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE OLD.id <= allocation_id)
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not change an allocation written before its chunk'); END;
        CREATE TRIGGER bulk_guard_allocation_moved AFTER UPDATE OF invoice_id, amount, date ON allocation
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE OLD.id > allocation_id)
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not move an allocation of its chunk'); END;
        CREATE TRIGGER bulk_guard_line AFTER INSERT ON document_line
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE NEW.document_id <= document_id)
             AND (SELECT status FROM document WHERE id = NEW.document_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not add a line to a document written before its chunk'); END;
        CREATE TRIGGER bulk_guard_line_delete AFTER DELETE ON document_line
            WHEN EXISTS (SELECT 1 FROM bulk_defer WHERE OLD.document_id <= document_id)
             AND (SELECT status FROM document WHERE id = OLD.document_id) = 'posted'
        BEGIN SELECT RAISE(ABORT, 'a bulk load may not remove a line of a document written before its chunk'); END;
        """
}

import GRDB
import LedgerCore

/// Secondary indexes a bulk load writes but never reads (issue 10, s19-gen): dropped when the load starts
/// (`InteropTransaction.deferLoadIndexes`) and built again, each in one sorted pass, when its marker is deleted at the
/// end (or abandoned). Each dropped index's CREATE INDEX text is taken from `sqlite_master` into
/// `load_dropped_index` in the same transaction as the drop, so a crash mid-load leaves the text beside the committed
/// chunks, and opening the ledger builds what is missing (`restore`). The load's own reads were checked with
/// EXPLAIN QUERY PLAN (DECISIONS.md, s19-gen): numbers (`document_display_number`), allocations by invoice and by
/// source, open items by customer, rows by id range; none uses these.
enum LoadIndexes {
    static let names = ["document_customer", "document_date", "document_line_product", "receipt_customer",
                        "receipt_date", "allocation_date", "invoice_settled_by_day"]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s19-load-indexes") { db in
            try db.execute(sql: "CREATE TABLE load_dropped_index (name TEXT PRIMARY KEY, sql TEXT NOT NULL)")
        }
    }

    /// Drops the listed indexes the ledger has, keeping their text.
    static func drop(_ db: Database) throws {
        for (name, sql) in try BulkChunkMaintenance.drop(names, db, type: "index") {
            try db.execute(sql: "INSERT OR REPLACE INTO load_dropped_index (name, sql) VALUES (?, ?)",
                           arguments: [name, sql])
        }
    }

    /// Whether a dropped index waits to be built again (one look-up; opening the ledger asks it).
    static func pending(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM load_dropped_index)") ?? false
    }

    /// Builds every dropped index the ledger lacks from its kept text.
    static func restore(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT sql FROM load_dropped_index
            WHERE name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index') ORDER BY name
            """) {
            try db.execute(sql: row[0])
        }
        try db.execute(sql: "DELETE FROM load_dropped_index")
    }
}

import GRDB
import LedgerCore

/// Secondary indexes a bulk load writes but never reads (issue 10, s19-gen): dropped when a chunked load starts
/// (`InteropTransaction.deferLoadIndexes`) and built again, each in one sorted pass, after its last commit
/// (`SQLiteLedgerStore.writeInChunks`). Each dropped index's CREATE INDEX text is taken from `sqlite_master` into
/// `load_dropped_index` in the same transaction as the drop, so a crash mid-load leaves the text beside the committed
/// chunks, and opening the ledger builds what is missing (`restore`). The load's own reads were checked with
/// EXPLAIN QUERY PLAN (DECISIONS.md, s19-gen): numbers (`document_display_number`), allocations by invoice and by
/// source, open items by customer, rows by id range; none uses these.
enum LoadIndexes {
    static let names = ["document_customer", "document_date", "document_line_product", "receipt_customer",
                        "receipt_date", "allocation_date", "invoice_settled_by_day"]

    /// What a large one-transaction batch (`import sales`, s35-import) drops besides `names`: the open items' index
    /// by due date, which only reports and reminders read (`INDEXED BY open_item_due_open`, never in a write
    /// transaction); and, when the batch posts invoices only, the one by customer, which only a credit note's or a
    /// receipt's allocation and the balance triggers' re-read of an earliest due date (an open item changed) use —
    /// a chunk of invoices reads its customers' standing from `customer_balance` alone.
    static func batchNames(invoicesOnly: Bool) -> [String] {
        names + ["open_item_due_open"] + (invoicesOnly ? ["open_item_customer_open"] : [])
    }

    /// A one-transaction batch (`import sales`) defers them from this many documents, and only when it at least
    /// doubles the ledger's documents: a sorted build over the whole table then costs less than the random inserts
    /// (measured at 1M rows in DECISIONS.md, s34-credit).
    static let batchRowsAtLeast = 50_000

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s19-load-indexes") { db in
            try db.execute(sql: "CREATE TABLE load_dropped_index (name TEXT PRIMARY KEY, sql TEXT NOT NULL)")
        }
    }

    /// Drops the listed indexes the ledger has (`names` by default), keeping their text.
    static func drop(_ db: Database, _ names: [String] = names) throws {
        for (name, sql) in try BulkChunkMaintenance.drop(names, db, type: "index") {
            try db.execute(sql: "INSERT OR REPLACE INTO load_dropped_index (name, sql) VALUES (?, ?)",
                           arguments: [name, sql])
        }
    }

    /// Whether a dropped index waits to be built again (one look-up; opening the ledger asks it).
    static func pending(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM load_dropped_index)") ?? false
    }

    /// Builds every dropped index the ledger lacks from its kept text, in the current transaction.
    static func rebuild(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT sql FROM load_dropped_index
            WHERE name NOT IN (SELECT name FROM sqlite_master WHERE type = 'index') ORDER BY name
            """) {
            try db.execute(sql: row[0])
        }
        try db.execute(sql: "DELETE FROM load_dropped_index")
    }

    /// Builds every dropped index the ledger lacks from its kept text, in a transaction of its own (called outside
    /// one). The sorts go to temporary files with an 8 MiB page cache: with the writer's `temp_store = MEMORY` SQLite
    /// sorts a whole index in memory (measured in the sqlite3 shell at 300k invoices: 54 MB against 21 MB), and the
    /// writer's 64 MiB cache would let a sort take as much again; both are set back after.
    static func restore(_ db: Database) throws {
        guard try pending(db) else { return }
        try db.execute(sql: "PRAGMA temp_store = FILE; PRAGMA cache_size = -8192")
        do {
            try db.inTransaction(.immediate) {
                try rebuild(db)
                return .commit
            }
        } catch {
            try db.execute(sql: SQLiteLedgerStore.writerPragmas)
            throw error
        }
        try db.execute(sql: SQLiteLedgerStore.writerPragmas)
    }
}

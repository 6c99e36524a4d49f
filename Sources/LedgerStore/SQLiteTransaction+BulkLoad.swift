import GRDB
import LedgerCore

/// The marker of a bulk load that commits in chunks (issue 10, `BulkLoadMarker`): one row per interrupted load.
enum BulkLoadSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("issue10-bulk-load-marker") { db in
            try db.execute(sql: """
                CREATE TABLE bulk_load (
                    name TEXT PRIMARY KEY,
                    parameters TEXT NOT NULL,
                    first_document_id INTEGER NOT NULL,
                    invoices_done INTEGER NOT NULL,
                    receipts_done INTEGER NOT NULL
                );
                """)
        }
    }
}

extension SQLiteTransaction {
    func bulkLoadMarker(name: String) throws -> BulkLoadMarker? {
        try SQLiteLedgerStore.bulkLoadMarker(db, name: name)
    }

    func save(_ marker: BulkLoadMarker) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO bulk_load (name, parameters, first_document_id, invoices_done, receipts_done)
            VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [marker.name, marker.parameters, marker.firstDocumentID, marker.invoicesDone,
                                     marker.receiptsDone])
    }

    func deleteBulkLoadMarker(name: String) throws {
        try db.execute(sql: "DELETE FROM bulk_load WHERE name = ?", arguments: [name])
    }

    func deferLoadIndexes() throws {
        try LoadIndexes.drop(db)
    }

    func deferLoadIndexes(rows: Int, invoicesOnly: Bool) throws -> Bool {
        guard rows >= LoadIndexes.batchRowsAtLeast, Int64(rows) >= (try maxDocumentID()) else { return false }
        try LoadIndexes.drop(db, LoadIndexes.batchNames(invoicesOnly: invoicesOnly))
        batchIndexesDeferred = true
        return true
    }

    func rebuildLoadIndexes() throws {
        try LoadIndexes.rebuild(db)
        batchIndexesDeferred = false
        // The planner's statistics asked for while the open items' indexes were dropped, taken now that they are
        // built again (the same `sqlite_stat1` rows as when they are taken with the indexes kept).
        if statisticsPending {
            statisticsPending = false
            try SQLiteLedgerStore.refreshPlannerStatistics(db)
        }
    }

    func maxDocumentID() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM document") ?? 0
    }

    func loadedInvoice(after afterID: Int64, customerID: Int64, date: CivilDate) throws -> LoadedInvoice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT d.id, d.display_number, d.total, d.currency, d.due_date,
                   (SELECT COUNT(*) FROM document_line l WHERE l.document_id = d.id) AS line_count
            FROM document d
            WHERE d.customer_id = ? AND d.date = ? AND d.id > ? AND d.kind = 'invoice' AND d.status = 'posted'
            ORDER BY d.id LIMIT 1
            """), arguments: [customerID, date.description, afterID]) else { return nil }
        let currency = try RowMapping.currency(row, "document")
        return LoadedInvoice(id: row[QueryColumns.id], displayNumber: row[QueryColumns.displayNumber],
                             total: Money(minorUnits: row[QueryColumns.total], currency: currency),
                             dueDate: try RowMapping.date(row, QueryColumns.dueDate, "document"),
                             lineCount: row[QueryColumns.lineCount])
    }

    /// Refreshes `open_item`'s statistics now, or, in a batch whose deferred indexes include the open items', when
    /// `rebuildLoadIndexes` has built them (statistics taken without an index would lack its rows).
    func refreshPlannerStatistics() throws {
        if batchIndexesDeferred {
            statisticsPending = true
            return
        }
        try SQLiteLedgerStore.refreshPlannerStatistics(db)
    }
}

extension SQLiteLedgerStore {
    /// Gives the query planner statistics (`sqlite_stat1`) of `open_item`, the table whose two partial indexes it
    /// must choose between (see `ReportIndexSchema`). A full `ANALYZE` of that table only: with a sampling limit
    /// (`analysis_limit`) its estimates were off by 30× and aging read every invoice through the primary key;
    /// other tables keep the planner's defaults, which choose well. Run by the index migration on a ledger with
    /// data and at the end of `sample generate`.
    static func refreshPlannerStatistics(_ db: Database) throws {
        try db.execute(sql: "ANALYZE open_item")
    }
}

extension SQLiteLedgerStore {
    static func bulkLoadMarker(_ db: Database, name: String) throws -> BulkLoadMarker? {
        let statement = try db.cachedStatement(sql: "SELECT * FROM bulk_load WHERE name = ?")
        return try Row.fetchOne(statement, arguments: [name]).map { row in
            BulkLoadMarker(name: row[QueryColumns.name], parameters: row[QueryColumns.parameters],
                           firstDocumentID: row[QueryColumns.firstDocumentID],
                           invoicesDone: row[QueryColumns.invoicesDone], receiptsDone: row[QueryColumns.receiptsDone])
        }
    }

    /// The marker of the interrupted bulk load `name` (what it committed), or nil when none is in the ledger.
    public func interruptedLoadMarker(name: String) throws -> BulkLoadMarker? {
        try read { db in try Self.bulkLoadMarker(db, name: name) }
    }

    /// The options of the interrupted bulk load `name` (its `BulkLoadMarker`), or nil when none is in the ledger.
    public func interruptedLoad(name: String) throws -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT parameters FROM bulk_load WHERE name = ?", arguments: [name])
        }
    }
}

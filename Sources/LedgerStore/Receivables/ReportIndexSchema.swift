import GRDB

/// Indexes of the set-based reports (issue 10): a covering partial index of the open `open_item` rows (aging today
/// and the open part of every "as of" amount read only the index, never the table) and a partial index of the
/// disputed documents (a handful), so aging today needs no look-up of each open invoice's document.
enum ReportIndexSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("issue10-report-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX open_item_open_covering
                    ON open_item(kind, id, open_amount, due_date, currency, customer_id) WHERE open_amount <> 0;
                CREATE INDEX document_disputed ON document(id) WHERE disputed;
                """)
        }
    }
}

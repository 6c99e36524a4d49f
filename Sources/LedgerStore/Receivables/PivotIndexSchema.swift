import GRDB

/// A partial covering index of posted documents for the pivot by period (issue 10): in date order with kind,
/// currency, region and total, so "sales by region × month" sums each day's documents while reading the index
/// alone, in its order (no sort of every document, no table look-up). About 40 bytes per document.
enum PivotIndexSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("issue10-pivot-index") { db in
            try db.execute(sql: """
                CREATE INDEX document_posted_sales ON document(date, kind, currency, region, total)
                    WHERE status = 'posted';
                """)
        }
    }
}

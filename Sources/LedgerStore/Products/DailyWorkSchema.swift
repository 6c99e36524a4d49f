import GRDB
import LedgerCore

/// Migrations of the daily-work issue (#11): dated product prices, credit notes by line, search keys with
/// every reading of polyphonic names.
///
/// Existing credit notes are migrated as they are: their one free line gets `credits_line_no` NULL (it reverses no
/// particular invoice line), so their amounts, allocations and audit history are unchanged; reports show such a
/// line as a free-text line (`*description`), as before.
enum DailyWorkSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-daily-prices-credit-lines") { db in
            try db.execute(sql: """
                CREATE TABLE product_price (
                    product_id INTEGER NOT NULL REFERENCES product(id),
                    valid_from TEXT NOT NULL,
                    unit_price INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    PRIMARY KEY (product_id, valid_from)
                );
                ALTER TABLE document_line ADD COLUMN credits_line_no INTEGER;
                CREATE INDEX IF NOT EXISTS document_applies_to ON document(applies_to_id);
                """)
            // Search keys now index every reading of polyphonic names (重庆: zhongqing|chongqing).
            for table in ["customer", "product"] {
                for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") {
                    let keys = SearchKeys.pinyin(for: row[Customer.Columns.name])
                    try db.execute(sql: "UPDATE \(table) SET pinyin = ?, pinyin_initials = ? WHERE id = ?",
                                   arguments: [keys.full, keys.initials, row[Customer.Columns.id] as Int64])
                }
            }
        }
    }
}

import GRDB
import LedgerCore

/// Open invoices counted per currency and due date, maintained (s14-recv, issue 10: the reminders count): one row
/// per currency and due date with the number of invoices whose open amount is above 0. Triggers on `open_item` keep
/// it inside the writing transaction (every write path; a bulk chunk adds its effect set-based,
/// `BulkChunkMaintenance`). The count of reminders due today sums the rows of the due dates the engine names (a few
/// dozen rows) instead of reading one index entry per invoice (37,570 at 1M), and takes back the few disputed
/// invoices and those of customers with contacts or snoozes. An allocation that leaves an invoice open touches no
/// row. Rows whose count fell to 0 stay; readers and the check skip them.
enum DueDaySchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s14-open-due-day") { db in
            try db.execute(sql: """
                CREATE TABLE open_due_day (
                    currency TEXT NOT NULL,
                    due_date TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (currency, due_date)
                ) WITHOUT ROWID;
                INSERT INTO open_due_day (currency, due_date, n) \(recomputedSQL(from: "open_item"));
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Rows (currency, due_date, n) counted from `source`, a table or parenthesised query shaped like `open_item`
    /// (the migration's back-fill from the maintained rows; the check's from the documents).
    static func recomputedSQL(from source: String) -> String {
        """
        SELECT currency, due_date, COUNT(*) FROM \(source) WHERE kind = 'invoice' AND open_amount > 0
        GROUP BY currency, due_date
        """
    }

    /// The open invoices (every currency) due in `from..<to`: a few dozen rows, no invoice read.
    static func open(_ db: Database, from: CivilDate, to: CivilDate) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(n), 0) FROM open_due_day WHERE due_date >= ? AND due_date < ?",
                         arguments: [from.description, to.description]) ?? 0
    }

    /// Adds `n` to the row of `row`'s currency and due date.
    private static func add(_ row: String, _ n: String) -> String {
        """
        INSERT INTO open_due_day (currency, due_date, n) VALUES (\(row).currency, \(row).due_date, \(n))
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    }

    static let triggerNames = ["due_day_insert", "due_day_delete", "due_day_update_old", "due_day_update_new"]

    static var triggers: [String] {
        let old = "OLD.kind = 'invoice' AND OLD.open_amount > 0", new = "NEW.kind = 'invoice' AND NEW.open_amount > 0"
        let same = "NEW.currency = OLD.currency AND NEW.due_date = OLD.due_date"
        return [
            "CREATE TRIGGER due_day_insert AFTER INSERT ON open_item WHEN \(new) BEGIN \(add("NEW", "1")) END",
            "CREATE TRIGGER due_day_delete AFTER DELETE ON open_item WHEN \(old) BEGIN \(add("OLD", "-1")) END",
            // Counted before and after at the same key: nothing to do (the usual allocation).
            """
            CREATE TRIGGER due_day_update_old AFTER UPDATE ON open_item WHEN \(old) AND NOT (\(new) AND \(same))
            BEGIN \(add("OLD", "-1")) END
            """,
            """
            CREATE TRIGGER due_day_update_new AFTER UPDATE ON open_item WHEN \(new) AND NOT (\(old) AND \(same))
            BEGIN \(add("NEW", "1")) END
            """,
        ]
    }
}

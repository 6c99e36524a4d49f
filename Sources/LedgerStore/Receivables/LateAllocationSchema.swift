import GRDB

/// Allocations dated after their receipt or credit note, maintained (issue 10, aging as of a past date): one row
/// per allocation from a receipt or credit note whose date is later than that source's own date (a receipt left
/// unapplied and allocated later). A receipt or credit note dated on or before a date D is unapplied as of D only
/// if it is open now or one of its allocations is dated after D — which is then such a late allocation. So
/// "unapplied as of D" (`OpenAsOf.candidate`) reads the open rows plus this table's range after D, instead of every
/// allocation dated after D (most of the ledger's allocations for a date a year back). Kept by triggers on
/// `allocation` (allocations are never deleted), `receipt` and `document` (a changed date), inside the writing
/// transaction like `open_item`; the maintained-balances check compares it with its recomputation.
enum LateAllocationSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s12-late-allocation") { db in
            try db.execute(sql: """
                CREATE TABLE late_allocation (
                    source TEXT NOT NULL,
                    date TEXT NOT NULL,
                    id INTEGER NOT NULL,
                    source_id INTEGER NOT NULL,
                    PRIMARY KEY (source, date, id)
                ) WITHOUT ROWID;
                INSERT INTO late_allocation (source, date, id, source_id) \(recomputedSQL);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// The late allocations recomputed from `allocation`, `receipt` and `document` (columns source, date, id,
    /// source_id): the back-fill and the check's reference.
    static let recomputedSQL = """
        SELECT a.source, a.date, a.id, a.source_id FROM allocation a JOIN receipt r ON r.id = a.source_id
        WHERE a.source = 'receipt' AND a.date > r.date
        UNION ALL
        SELECT a.source, a.date, a.id, a.source_id FROM allocation a JOIN document d ON d.id = a.source_id
        WHERE a.source = 'credit_note' AND a.date > d.date
        """

    /// Inserts allocation `row` (NEW) when it is dated after its source.
    private static let insertLate = """
        INSERT INTO late_allocation (source, date, id, source_id)
            SELECT NEW.source, NEW.date, NEW.id, NEW.source_id
            WHERE (NEW.source = 'receipt' AND NEW.date > (SELECT r.date FROM receipt r WHERE r.id = NEW.source_id))
               OR (NEW.source = 'credit_note'
                   AND NEW.date > (SELECT d.date FROM document d WHERE d.id = NEW.source_id));
        """

    /// Re-derives the late allocations of source `kind` row `NEW` after its date changed.
    private static func resourced(_ kind: String) -> String {
        """
        DELETE FROM late_allocation WHERE source = '\(kind)' AND source_id = NEW.id;
        INSERT INTO late_allocation (source, date, id, source_id)
            SELECT a.source, a.date, a.id, a.source_id FROM allocation a
            WHERE a.source = '\(kind)' AND a.source_id = NEW.id AND a.date > NEW.date;
        """
    }

    static var triggers: [String] {
        [
            "CREATE TRIGGER late_allocation_insert AFTER INSERT ON allocation "
                + "WHEN NEW.source IN ('receipt', 'credit_note') BEGIN \(insertLate) END",
            """
            CREATE TRIGGER late_allocation_update AFTER UPDATE OF source, source_id, date ON allocation BEGIN
                DELETE FROM late_allocation WHERE source = OLD.source AND date = OLD.date AND id = OLD.id;
                \(insertLate)
            END
            """,
            "CREATE TRIGGER late_allocation_receipt_date AFTER UPDATE OF date ON receipt BEGIN "
                + "\(resourced("receipt")) END",
            "CREATE TRIGGER late_allocation_credit_date AFTER UPDATE OF date ON document "
                + "WHEN NEW.kind = 'credit_note' BEGIN \(resourced("credit_note")) END",
        ]
    }
}

import GRDB

/// When each posted invoice was dated and, if it is settled now, when it was settled — maintained (issue 10, aging
/// as of a past date). One row per posted invoice (`id` = document id): `day`, its date, and `settled_day`, the
/// date of its latest allocation when its open amount is 0 now (else NULL); both as SQLite day numbers
/// (`CAST(julianday(date) AS INTEGER)`, 3 bytes). An invoice settled now on `settled_day` is settled as of every
/// date from then on (every allocation on it is dated then or before), so the invoices open as of a date D are
/// among those dated ≤ D that are open now (`settled_day` NULL) or were settled after D: two ranges of the index
/// on (`settled_day`, `day`), a few weeks' invoices for a date a year back, instead of every invoice dated ≤ D with
/// its allocations (`AgingAsOfSQL`). Triggers on `open_item` (its invoice rows come and go with the posted
/// invoices, and its open amount changes with every allocation), `document` (a changed date) and `allocation`
/// (a changed date or invoice) keep it inside the writing transaction; the maintained-balances check compares it
/// with its recomputation.
enum InvoiceSettledSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s13-invoice-settled") { db in
            try db.execute(sql: """
                CREATE TABLE invoice_settled (
                    id INTEGER PRIMARY KEY,
                    day INTEGER NOT NULL,
                    settled_day INTEGER
                );
                INSERT INTO invoice_settled (id, day, settled_day) \(recomputedSQL(from: "open_item"));
                CREATE INDEX invoice_settled_by_day ON invoice_settled(settled_day, day);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// The SQLite day number of the ISO date expression `date` (NULL for NULL).
    static func day(_ date: String) -> String { "CAST(julianday(\(date)) AS INTEGER)" }

    /// Settled day of the invoice row `row` of `open_item` (an alias or NEW): its latest allocation's day when its
    /// open amount is 0, else NULL.
    private static func settledDay(_ row: String) -> String {
        "CASE WHEN \(row).open_amount = 0 THEN (SELECT \(day("MAX(a.date)")) FROM allocation a "
            + "WHERE a.invoice_id = \(row).id) END"
    }

    /// Rows (id, day, settled_day) from `source`, a table or parenthesised query shaped like `open_item`, with the
    /// dates of `document` and `allocation`: the back-fill and the check's reference.
    static func recomputedSQL(from source: String) -> String {
        """
        SELECT o.id, \(day("d.date")), \(settledDay("o"))
        FROM \(source) o JOIN document d ON d.id = o.id WHERE o.kind = 'invoice'
        """
    }

    static var triggers: [String] {
        [
            """
            CREATE TRIGGER invoice_settled_insert AFTER INSERT ON open_item WHEN NEW.kind = 'invoice' BEGIN
                INSERT OR REPLACE INTO invoice_settled (id, day, settled_day)
                    VALUES (NEW.id, (SELECT \(day("d.date")) FROM document d WHERE d.id = NEW.id),
                            \(settledDay("NEW")));
            END
            """,
            "CREATE TRIGGER invoice_settled_delete AFTER DELETE ON open_item WHEN OLD.kind = 'invoice' BEGIN "
                + "DELETE FROM invoice_settled WHERE id = OLD.id; END",
            // Only a change to or from 0 (or between two zero amounts) changes `settled_day`.
            """
            CREATE TRIGGER invoice_settled_update AFTER UPDATE OF open_amount ON open_item
            WHEN NEW.kind = 'invoice' AND (NEW.open_amount = 0 OR OLD.open_amount = 0) BEGIN
                UPDATE invoice_settled SET settled_day = \(settledDay("NEW")) WHERE id = NEW.id;
            END
            """,
            """
            CREATE TRIGGER invoice_settled_document_date AFTER UPDATE OF date ON document
            WHEN NEW.kind = 'invoice' BEGIN
                UPDATE invoice_settled SET day = \(day("NEW.date")) WHERE id = NEW.id;
            END
            """,
            // A moved allocation (date or invoice) may change the latest allocation of a settled invoice.
            """
            CREATE TRIGGER invoice_settled_allocation_moved AFTER UPDATE OF date, invoice_id ON allocation BEGIN
                UPDATE invoice_settled SET settled_day = (
                    SELECT \(settledDay("o")) FROM open_item o WHERE o.kind = 'invoice' AND o.id = invoice_settled.id)
                WHERE id IN (OLD.invoice_id, NEW.invoice_id);
            END
            """,
        ]
    }
}

import GRDB

/// When each posted invoice was dated and, if it is settled now, when it was settled — maintained (issue 10, aging
/// as of a past date and payment days). One row per posted invoice (`id` = document id): `day`, its date, and
/// `settled_day`, the date of its latest allocation when its open amount is 0 now (else NULL); both as SQLite day
/// numbers (`CAST(julianday(date) AS INTEGER)`, 3 bytes). An invoice settled now on `settled_day` is settled as of
/// every date from then on (every allocation on it is dated then or before), so the invoices open as of a date D
/// are among those dated ≤ D that are open now (`settled_day` NULL) or were settled after D: two ranges of the index
/// on (`settled_day`, `day`), a few weeks' invoices for a date a year back, instead of every invoice dated ≤ D with
/// its allocations (`AgingAsOfSQL`).
///
/// s17-pay: what `report payment-days` needs of a settled invoice, so that it reads one row per invoice instead of
/// windowing every allocation: `customer_id`, `due_day` (its due date as a day number) and `paid_day`, the day of
/// its settling allocation when that is a receipt (`paidSQL`), else NULL (open, or settled by a credit note or a
/// write-off).
///
/// Triggers on `open_item` (its invoice rows come and go with the posted invoices — a changed customer, due date or
/// total deletes and inserts the row — and its open amount changes with every allocation), `document` (a changed
/// date) and `allocation` (a changed date, invoice, source or amount) keep it inside the writing transaction; the
/// maintained-balances check compares every column with its recomputation.
enum InvoiceSettledSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s13-invoice-settled") { db in
            try db.execute(sql: """
                CREATE TABLE invoice_settled (
                    id INTEGER PRIMARY KEY,
                    day INTEGER NOT NULL,
                    settled_day INTEGER,
                    customer_id INTEGER,
                    due_day INTEGER,
                    paid_day INTEGER
                );
                INSERT INTO invoice_settled (\(columns)) \(recomputedSQL(from: "open_item"));
                CREATE INDEX invoice_settled_by_day ON invoice_settled(settled_day, day);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// s17-pay: the payment-days columns added to a ledger whose table predates them, and the triggers replaced.
    /// The back-fill reads `open_item` once in key order; the settling day is the settled day except for the
    /// invoices with an allocation other than a plain receipt (`irregular`: a credit note, write-off or reversal),
    /// whose settling allocation the window finds. Measured at 1M invoices in DECISIONS.md.
    static func registerPaymentDays(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s17-invoice-paid") { db in
            if try !db.columns(in: "invoice_settled").contains(where: { $0.name == "paid_day" }) {
                try db.execute(sql: """
                    ALTER TABLE invoice_settled ADD COLUMN customer_id INTEGER;
                    ALTER TABLE invoice_settled ADD COLUMN due_day INTEGER;
                    ALTER TABLE invoice_settled ADD COLUMN paid_day INTEGER;
                    CREATE TEMP TABLE irregular (id INTEGER PRIMARY KEY);
                    INSERT INTO temp.irregular \(irregularSQL);
                    UPDATE invoice_settled SET customer_id = o.customer_id, due_day = \(day("o.due_date")),
                        paid_day = CASE WHEN settled_day IS NOT NULL
                                        AND o.id NOT IN (SELECT id FROM temp.irregular) THEN settled_day END
                    FROM open_item o WHERE o.kind = 'invoice' AND o.id = invoice_settled.id;
                    UPDATE invoice_settled SET paid_day = p.paid_day
                    FROM (\(paidSQL(where: "a.invoice_id IN (SELECT id FROM temp.irregular)"))) p
                    WHERE invoice_settled.id = p.invoice_id;
                    DROP TABLE temp.irregular;
                    """)
            }
            for name in triggerNames { try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)") }
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Invoices with an allocation that is not a plain receipt (a credit note, a write-off, a reversal or an amount
    /// not above 0): without one, an invoice's allocations are all above 0, so it is settled only by its last
    /// allocation, a receipt dated `settled_day`.
    private static let irregularSQL = """
        SELECT DISTINCT invoice_id FROM allocation
        WHERE source <> 'receipt' OR reverses_id IS NOT NULL OR amount <= 0
        """

    /// Whether the invoice row `row` of `open_item` has an allocation `irregularSQL` counts (one look-up of its
    /// allocations).
    private static func irregular(_ row: String) -> String {
        "EXISTS (SELECT 1 FROM allocation a WHERE a.invoice_id = \(row).id "
            + "AND (a.source <> 'receipt' OR a.reverses_id IS NOT NULL OR a.amount <= 0))"
    }

    static let columns = "id, day, settled_day, customer_id, due_day, paid_day"

    /// The SQLite day number of the ISO date expression `date` (NULL for NULL).
    static func day(_ date: String) -> String { "CAST(julianday(\(date)) AS INTEGER)" }

    /// Settled day of the invoice row `row` of `open_item` (an alias or NEW): its latest allocation's day when its
    /// open amount is 0, else NULL.
    private static func settledDay(_ row: String) -> String {
        "CASE WHEN \(row).open_amount = 0 THEN (SELECT \(day("MAX(a.date)")) FROM allocation a "
            + "WHERE a.invoice_id = \(row).id) END"
    }

    /// Rows (invoice_id, paid_day) of the invoices settled by a receipt over the allocations matching `filter`
    /// (over `allocation a`; with a date bound: as of that date): each invoice's allocations in (date, id) order
    /// with its total less their running sum; the settling allocation is the one after the last that left the
    /// invoice open (none while it is open after its last one), counted when it is a receipt. The rule of
    /// `ReceivablesSnapshot.settlement(of:asOf:)`.
    static func paidSQL(where filter: String) -> String {
        """
        SELECT invoice_id, \(day("date")) AS paid_day FROM (
          SELECT invoice_id, date, source, n,
                 MAX(CASE WHEN open_after > 0 THEN n ELSE 0 END) OVER (PARTITION BY invoice_id) AS last_open
          FROM (SELECT a.invoice_id, a.date, a.source, d.total - SUM(a.amount) OVER w AS open_after,
                       ROW_NUMBER() OVER w AS n
                FROM allocation a JOIN document d ON d.id = a.invoice_id WHERE \(filter)
                WINDOW w AS (PARTITION BY a.invoice_id ORDER BY a.date, a.id ROWS UNBOUNDED PRECEDING)))
        WHERE n = last_open + 1 AND source = 'receipt'
        """
    }

    /// Paid day of the invoice row `row` of `open_item`: `paidSQL` over its allocations (only when its open amount
    /// is 0: an invoice open now is not settled).
    private static func paidDay(_ row: String) -> String {
        let paid = paidSQL(where: "a.invoice_id = \(row).id")
        return "CASE WHEN \(row).open_amount = 0 THEN (SELECT paid_day FROM (\(paid))) END"
    }

    /// Rows (`columns`) from `source`, a table or parenthesised query shaped like `open_item`, with the dates of
    /// `document` and `allocation`: the back-fill and the check's reference. `everyInvoice` (the check): the window of
    /// `paidDay` only for the `irregularSQL` invoices (20,135 at 1M); a settled invoice without one was settled by
    /// its last allocation, a receipt, on `settled_day` (the migration's rule). 1.5 s CPU at 1M in the shell, where
    /// one window over every allocation took 5.3 s (s17-pay) and one per invoice 12.6 s. (A join of the window over
    /// the irregular invoices alone got no automatic index: a scan of it per invoice.)
    ///
    /// `probing` (s32-gen, a bulk chunk's invoices): the same rule as `everyInvoice`, but whether an invoice is
    /// irregular is asked of its own allocations (`irregular`, through `allocation_invoice`) instead of a scan of
    /// every allocation: the commit-time upkeep recomputes ~20,000 invoices of a ledger that may hold millions of
    /// allocations. 0.12 → 0.045 s CPU per receipt chunk in the sqlite3 shell (docs/benchmarks.md "s32-gen").
    /// s35-gen: an invoice open now is not probed (its paid day is NULL either way): a generation's invoice chunks
    /// are all open invoices, ~1M probes at 1M.
    static func recomputedSQL(from source: String, everyInvoice: Bool = false, probing: Bool = false) -> String {
        let paid = everyInvoice
            ? "CASE WHEN o.id IN (\(irregularSQL)) THEN \(paidDay("o")) ELSE \(settledDay("o")) END"
            : probing ? "CASE WHEN o.open_amount <> 0 THEN NULL WHEN \(irregular("o")) THEN \(paidDay("o")) "
                + "ELSE \(settledDay("o")) END" : paidDay("o")
        return """
            SELECT o.id, \(day("d.date")), \(settledDay("o")), o.customer_id, \(day("o.due_date")), \(paid)
            FROM \(source) o JOIN document d ON d.id = o.id WHERE o.kind = 'invoice'
            """
    }

    private static let triggerNames = [
        "invoice_settled_insert", "invoice_settled_delete", "invoice_settled_update", "invoice_settled_document_date",
        "invoice_settled_allocation_moved",
    ]

    static var triggers: [String] {
        [
            """
            CREATE TRIGGER invoice_settled_insert AFTER INSERT ON open_item WHEN NEW.kind = 'invoice' BEGIN
                INSERT OR REPLACE INTO invoice_settled (\(columns))
                    VALUES (NEW.id, (SELECT \(day("d.date")) FROM document d WHERE d.id = NEW.id),
                            \(settledDay("NEW")), NEW.customer_id, \(day("NEW.due_date")), \(paidDay("NEW")));
            END
            """,
            "CREATE TRIGGER invoice_settled_delete AFTER DELETE ON open_item WHEN OLD.kind = 'invoice' BEGIN "
                + "DELETE FROM invoice_settled WHERE id = OLD.id; END",
            // Only a change to or from 0 (or between two zero amounts) changes `settled_day` and `paid_day`.
            """
            CREATE TRIGGER invoice_settled_update AFTER UPDATE OF open_amount ON open_item
            WHEN NEW.kind = 'invoice' AND (NEW.open_amount = 0 OR OLD.open_amount = 0) BEGIN
                UPDATE invoice_settled SET settled_day = \(settledDay("NEW")), paid_day = \(paidDay("NEW"))
                WHERE id = NEW.id;
            END
            """,
            """
            CREATE TRIGGER invoice_settled_document_date AFTER UPDATE OF date ON document
            WHEN NEW.kind = 'invoice' BEGIN
                UPDATE invoice_settled SET day = \(day("NEW.date")) WHERE id = NEW.id;
            END
            """,
            // A changed allocation (date, invoice, source or amount) may change the latest or the settling
            // allocation of a settled invoice.
            """
            CREATE TRIGGER invoice_settled_allocation_moved AFTER UPDATE OF date, invoice_id, source, amount
            ON allocation BEGIN
                UPDATE invoice_settled SET
                    settled_day = (SELECT \(settledDay("o")) FROM open_item o
                                   WHERE o.kind = 'invoice' AND o.id = invoice_settled.id),
                    paid_day = (SELECT \(paidDay("o")) FROM open_item o
                                WHERE o.kind = 'invoice' AND o.id = invoice_settled.id)
                WHERE id IN (OLD.invoice_id, NEW.invoice_id);
            END
            """,
        ]
    }
}

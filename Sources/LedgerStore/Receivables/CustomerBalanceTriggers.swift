import GRDB

/// The triggers that roll `open_item` up into `customer_balance` (issue 10, s14-bulk), one statement per change
/// instead of four. The first version (`MaintainedBalanceSchema`, v17) took every changed open item out of its
/// balance row and put it back (an insert-or-ignore and an update each), and re-read the customer's earliest open
/// due date from the index every time: per allocation (two open items change) eight statements and four index
/// seeks, about a quarter of a bulk load's CPU. These keep the same figures — the check compares them with the
/// recomputation (`MaintainedBalances.recomputedBalancesSQL`) — with one upsert or update per change:
/// - the sums and the count move by the change (new minus old);
/// - `earliest_open_due` is lowered to a newly open invoice's due date, kept when the earliest one is untouched, and
///   re-read from the partial index (`open_item_customer_open`) only when the invoice holding it closed or moved
///   later (the triggers run after the change, so the read sees the new state).
/// A change of an open item's customer or currency (no command does it) takes it out of one row and into another.
enum CustomerBalanceTriggers {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s14-customer-balance-upsert") { db in
            for name in ["open_item_balance_insert", "open_item_balance_update", "open_item_balance_delete"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS \(name)")
            }
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Open invoice amount, open invoice count and unapplied credit of open item `row` (NEW or OLD).
    private static func invoices(_ row: String) -> String {
        "CASE WHEN \(row).kind = 'invoice' THEN \(row).open_amount ELSE 0 END"
    }
    private static func count(_ row: String) -> String {
        "CASE WHEN \(row).kind = 'invoice' AND \(row).open_amount <> 0 THEN 1 ELSE 0 END"
    }
    private static func credits(_ row: String) -> String {
        "CASE WHEN \(row).kind <> 'invoice' THEN \(row).open_amount ELSE 0 END"
    }
    /// `row`'s due date when it is an open invoice, else NULL.
    private static func openDue(_ row: String) -> String {
        "CASE WHEN \(row).kind = 'invoice' AND \(row).open_amount <> 0 THEN \(row).due_date END"
    }
    /// The earliest due date of the open invoices of `row`'s customer and currency, read from the table.
    private static func earliestRead(_ row: String) -> String {
        """
        (SELECT MIN(o.due_date) FROM open_item o WHERE o.customer_id = \(row).customer_id
            AND o.currency = \(row).currency AND o.kind = 'invoice' AND o.open_amount <> 0)
        """
    }
    /// `earliest_open_due` after the open invoice date `due` (NULL when none) joined the row's open invoices.
    private static func lowered(_ due: String, current: String = "earliest_open_due") -> String {
        "CASE WHEN \(due) IS NOT NULL AND (\(current) IS NULL OR \(due) < \(current)) THEN \(due) ELSE \(current) END"
    }
    /// `earliest_open_due` after OLD left the row's open invoices (re-read when OLD held it), before any addition.
    private static func afterRemoval(keep: String) -> String {
        "CASE WHEN \(openDue("OLD")) = earliest_open_due\(keep) THEN \(earliestRead("OLD")) ELSE earliest_open_due END"
    }

    private static let add = """
        INSERT INTO customer_balance (customer_id, currency, open_invoices, open_invoice_count, unapplied_credits,
                                      earliest_open_due)
            VALUES (NEW.customer_id, NEW.currency, \(invoices("NEW")), \(count("NEW")), \(credits("NEW")),
                    \(openDue("NEW")))
            ON CONFLICT DO UPDATE SET open_invoices = open_invoices + excluded.open_invoices,
                open_invoice_count = open_invoice_count + excluded.open_invoice_count,
                unapplied_credits = unapplied_credits + excluded.unapplied_credits,
                earliest_open_due = \(lowered("excluded.earliest_open_due"));
        """

    /// What `open_item_balance_insert` does for each new row of `open_item` matched by `filter` (on `o`), once for
    /// all of them (a chunk of a bulk load, issue 10): the rows summed per customer and currency, added by the
    /// trigger's own upsert.
    static func addedSQL(filter: String) -> String {
        """
        INSERT INTO customer_balance (customer_id, currency, open_invoices, open_invoice_count, unapplied_credits,
                                      earliest_open_due)
            SELECT o.customer_id, o.currency, SUM(\(invoices("o"))), SUM(\(count("o"))), SUM(\(credits("o"))),
                   MIN(\(openDue("o")))
            FROM open_item o WHERE \(filter) GROUP BY o.customer_id, o.currency
            ON CONFLICT DO UPDATE SET open_invoices = open_invoices + excluded.open_invoices,
                open_invoice_count = open_invoice_count + excluded.open_invoice_count,
                unapplied_credits = unapplied_credits + excluded.unapplied_credits,
                earliest_open_due = \(lowered("excluded.earliest_open_due"))
        """
    }

    private static let remove = """
        UPDATE customer_balance SET open_invoices = open_invoices - \(invoices("OLD")),
            open_invoice_count = open_invoice_count - \(count("OLD")),
            unapplied_credits = unapplied_credits - \(credits("OLD")),
            earliest_open_due = \(afterRemoval(keep: ""))
            WHERE customer_id = OLD.customer_id AND currency = OLD.currency;
        """

    /// The usual change (an allocation moves an open amount): one update of one row. OLD's due date is re-read only
    /// when it held the earliest and NEW does not keep it at or before that date.
    private static let change = """
        UPDATE customer_balance SET open_invoices = open_invoices + \(invoices("NEW")) - \(invoices("OLD")),
            open_invoice_count = open_invoice_count + \(count("NEW")) - \(count("OLD")),
            unapplied_credits = unapplied_credits + \(credits("NEW")) - \(credits("OLD")),
            earliest_open_due = \(lowered(openDue("NEW"), current: """
                (\(afterRemoval(keep: " AND NOT COALESCE(\(openDue("NEW")) <= OLD.due_date, 0)")))
                """))
            WHERE customer_id = NEW.customer_id AND currency = NEW.currency;
        """

    static var triggers: [String] {
        [
            "CREATE TRIGGER open_item_balance_insert AFTER INSERT ON open_item BEGIN \(add) END",
            """
            CREATE TRIGGER open_item_balance_update AFTER UPDATE ON open_item
            WHEN NEW.customer_id = OLD.customer_id AND NEW.currency = OLD.currency BEGIN \(change) END
            """,
            """
            CREATE TRIGGER open_item_balance_rekey AFTER UPDATE ON open_item
            WHEN NEW.customer_id <> OLD.customer_id OR NEW.currency <> OLD.currency BEGIN \(remove) \(add) END
            """,
            "CREATE TRIGGER open_item_balance_delete AFTER DELETE ON open_item BEGIN \(remove) END",
        ]
    }
}

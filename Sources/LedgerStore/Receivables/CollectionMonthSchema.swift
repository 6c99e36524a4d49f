import GRDB

/// The collections report's figures per month and currency, maintained (issue 10, s19-coll): one row per month
/// (`YYYY-MM`) and currency with the totals of the posted invoices due in the month (`due`), the receipts dated in
/// it (`collected`), the allocations other than write-offs to those invoices dated by the month's end (`settled`)
/// and `n`, the number of those invoices and receipts (a row with `n` 0 is absent). The report reads a dozen rows
/// instead of every invoice due in the year with its allocations (1.9 s CPU at 1M invoices).
///
/// Triggers on `document` (a posted invoice's due date, currency, total, kind or status), `allocation` and `receipt`
/// keep it inside the writing transaction; a bulk chunk adds its documents and allocations set-based
/// (`BulkChunkMaintenance.collectionMonthSQL`), its receipts by row. The maintained-balances check compares every
/// row with `recomputedSQL`. The month's end is `YYYY-MM-31` compared as text (ISO dates).
enum CollectionMonthSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s19-collection-month") { db in
            try db.execute(sql: """
                CREATE TABLE collection_month (
                    month TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    due INTEGER NOT NULL,
                    collected INTEGER NOT NULL,
                    settled INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (month, currency)
                ) WITHOUT ROWID;
                INSERT INTO collection_month (\(columns)) \(recomputedSQL);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    static let columns = "month, currency, due, collected, settled, n"

    /// A posted invoice (the row `row` of `document`: an alias, NEW or OLD).
    private static func counted(_ row: String) -> String { "\(row).kind = 'invoice' AND \(row).status = 'posted'" }

    /// The allocations other than write-offs to the invoice `row` dated by the end of its due month.
    private static func settled(_ row: String) -> String {
        """
        (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.invoice_id = \(row).id
         AND a.source <> 'write_off' AND a.date <= substr(\(row).due_date, 1, 8) || '31')
        """
    }

    /// Rows (`columns`) from the documents, allocations and receipts: the back-fill and the check's reference.
    static let recomputedSQL = """
        SELECT month, currency, SUM(due), SUM(collected), SUM(settled), SUM(n) FROM (
            SELECT substr(d.due_date, 1, 7) AS month, d.currency, d.total AS due, 0 AS collected,
                   \(settled("d")) AS settled, 1 AS n
            FROM document d WHERE \(counted("d"))
            UNION ALL
            SELECT substr(date, 1, 7), currency, 0, amount, 0, 1 FROM receipt)
        GROUP BY month, currency
        """

    /// Adds the SELECT's one row (month, currency, due, collected, settled, n) to its month and currency.
    static func add(_ select: String) -> String {
        """
        INSERT INTO collection_month (\(columns)) \(select)
            ON CONFLICT DO UPDATE SET due = due + excluded.due, collected = collected + excluded.collected,
                settled = settled + excluded.settled, n = n + excluded.n;
        """
    }

    /// Adds (`sign` "") or takes back ("-") the invoice `row`.
    private static func invoice(_ row: String, _ sign: String) -> String {
        add("SELECT substr(\(row).due_date, 1, 7), \(row).currency, \(sign)\(row).total, 0, "
            + "\(sign)\(settled(row)), \(sign)1 WHERE true")
    }

    /// Adds or takes back the allocation `row` when it counts: not a write-off, on a posted invoice, dated by the
    /// end of its due month.
    private static func allocation(_ row: String, _ sign: String) -> String {
        add("""
            SELECT substr(d.due_date, 1, 7), d.currency, 0, 0, \(sign)\(row).amount, 0 FROM document d
            WHERE d.id = \(row).invoice_id AND \(counted("d")) AND \(row).source <> 'write_off'
              AND \(row).date <= substr(d.due_date, 1, 8) || '31'
            """)
    }

    private static func receipt(_ row: String, _ sign: String) -> String {
        add("SELECT substr(\(row).date, 1, 7), \(row).currency, 0, \(sign)\(row).amount, 0, \(sign)1 WHERE true")
    }

    /// Document and allocation triggers: dropped for a bulk chunk, which does their work set-based.
    static let deferredTriggerNames = ["collection_month_invoice_insert", "collection_month_invoice_update_old",
                                       "collection_month_invoice_update_new", "collection_month_invoice_delete",
                                       "collection_month_allocation_insert", "collection_month_allocation_update"]

    static var triggers: [String] {
        let keys = "kind, status, currency, due_date, total"
        let same = "NEW.kind = OLD.kind AND NEW.status = OLD.status AND NEW.currency = OLD.currency "
            + "AND NEW.due_date = OLD.due_date AND NEW.total = OLD.total"
        return [
            "CREATE TRIGGER collection_month_invoice_insert AFTER INSERT ON document WHEN \(counted("NEW")) BEGIN "
                + "\(invoice("NEW", "")) END",
            // The invoice's allocations are the same before and after: taken back at the old key, added at the new.
            """
            CREATE TRIGGER collection_month_invoice_update_old AFTER UPDATE OF \(keys) ON document
            WHEN \(counted("OLD")) AND NOT (\(same)) BEGIN \(invoice("OLD", "-")) END
            """,
            """
            CREATE TRIGGER collection_month_invoice_update_new AFTER UPDATE OF \(keys) ON document
            WHEN \(counted("NEW")) AND NOT (\(same)) BEGIN \(invoice("NEW", "")) END
            """,
            "CREATE TRIGGER collection_month_invoice_delete AFTER DELETE ON document WHEN \(counted("OLD")) BEGIN "
                + "\(invoice("OLD", "-")) END",
            "CREATE TRIGGER collection_month_allocation_insert AFTER INSERT ON allocation BEGIN "
                + "\(allocation("NEW", "")) END",
            """
            CREATE TRIGGER collection_month_allocation_update AFTER UPDATE OF invoice_id, source, date, amount
            ON allocation BEGIN \(allocation("OLD", "-")) \(allocation("NEW", "")) END
            """,
            "CREATE TRIGGER collection_month_receipt_insert AFTER INSERT ON receipt BEGIN \(receipt("NEW", "")) END",
            """
            CREATE TRIGGER collection_month_receipt_update AFTER UPDATE OF date, currency, amount ON receipt
            BEGIN \(receipt("OLD", "-")) \(receipt("NEW", "")) END
            """,
            "CREATE TRIGGER collection_month_receipt_delete AFTER DELETE ON receipt BEGIN \(receipt("OLD", "-")) END",
        ]
    }
}

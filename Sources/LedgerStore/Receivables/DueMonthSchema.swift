import GRDB

/// Open invoices per due month, maintained (issue 10, aging today): one row per month of the due date
/// (`YYYY-MM`), customer and currency with the sum of the open amounts of the open invoices due in that month and
/// their number. SQLite triggers on `open_item` keep it inside the writing transaction, as they keep
/// `customer_balance`: every write path (commands, bulk loads, imports, the sqlite3 shell), rolled back with the
/// change. Aging today reads the customer totals (`customer_balance`), the months from the oldest bucket bound on
/// (a few per customer) and, live, only the open invoices due on the days of a month cut by a bucket bound
/// (`AgingTodaySQL`). Rows whose count fell to 0 stay (amount 0); readers and the check skip them.
enum DueMonthSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s12-open-due-month") { db in
            try db.execute(sql: """
                CREATE TABLE open_due_month (
                    month TEXT NOT NULL,
                    customer_id INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (customer_id, currency, month)
                ) WITHOUT ROWID;
                INSERT INTO open_due_month (month, customer_id, currency, amount, n)
                    \(recomputedSQL(from: "open_item"));
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
        // Aging as of a past date sums each invoice's allocations up to the date (`OpenAsOf.Side.upTo`): with the
        // amount in the index that is an index range, without a look-up of each allocation row (~25 % of that
        // query's time; ~4 bytes per allocation).
        migrator.registerMigration("s12-allocation-invoice-covering") { db in
            try db.execute(sql: """
                DROP INDEX IF EXISTS allocation_invoice;
                CREATE INDEX allocation_invoice ON allocation(invoice_id, date, amount);
                """)
        }
    }

    /// Rows (month, customer_id, currency, amount, n) summed from `source`, a table or parenthesised query shaped
    /// like `open_item` (the migration's back-fill from the maintained rows; the check's from the documents).
    static func recomputedSQL(from source: String) -> String {
        """
        SELECT substr(due_date, 1, 7), customer_id, currency, SUM(open_amount), COUNT(*)
        FROM \(source) WHERE kind = 'invoice' AND open_amount <> 0
        GROUP BY 1, 2, 3
        """
    }

    /// Adds an open invoice row (`sign` 1, `row` NEW) or takes it back (-1, OLD) in its due month's row.
    private static func effect(_ row: String, sign: String) -> String {
        """
        INSERT INTO open_due_month (month, customer_id, currency, amount, n)
            VALUES (substr(\(row).due_date, 1, 7), \(row).customer_id, \(row).currency, \(sign) * \(row).open_amount,
                    \(sign))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + excluded.n;
        """
    }

    static var triggers: [String] {
        let old = "OLD.kind = 'invoice' AND OLD.open_amount <> 0"
        let new = "NEW.kind = 'invoice' AND NEW.open_amount <> 0"
        // An allocation changes only the open amount: one upsert with the difference (the usual update).
        let same = "NEW.kind = 'invoice' AND OLD.kind = 'invoice' AND NEW.customer_id = OLD.customer_id"
            + " AND NEW.currency = OLD.currency AND substr(NEW.due_date, 1, 7) = substr(OLD.due_date, 1, 7)"
        return [
            "CREATE TRIGGER due_month_insert AFTER INSERT ON open_item WHEN \(new) BEGIN "
                + "\(effect("NEW", sign: "1")) END",
            "CREATE TRIGGER due_month_delete AFTER DELETE ON open_item WHEN \(old) BEGIN "
                + "\(effect("OLD", sign: "-1")) END",
            """
            CREATE TRIGGER due_month_update AFTER UPDATE ON open_item
            WHEN \(same) AND (OLD.open_amount <> 0 OR NEW.open_amount <> 0) BEGIN
                INSERT INTO open_due_month (month, customer_id, currency, amount, n)
                    VALUES (substr(NEW.due_date, 1, 7), NEW.customer_id, NEW.currency,
                            NEW.open_amount - OLD.open_amount, (NEW.open_amount <> 0) - (OLD.open_amount <> 0))
                    ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + excluded.n;
            END
            """,
            """
            CREATE TRIGGER due_month_update_old AFTER UPDATE ON open_item WHEN NOT (\(same)) AND \(old)
            BEGIN \(effect("OLD", sign: "-1")) END
            """,
            """
            CREATE TRIGGER due_month_update_new AFTER UPDATE ON open_item WHEN NOT (\(same)) AND \(new)
            BEGIN \(effect("NEW", sign: "1")) END
            """,
        ]
    }
}

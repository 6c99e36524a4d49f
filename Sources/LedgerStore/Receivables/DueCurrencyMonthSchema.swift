import GRDB

/// Open invoices per currency and due month, maintained (issue 10, aging today without grouping): one row per
/// currency and month of the due date (`YYYY-MM`) with the sum of the open amounts of the open invoices due in that
/// month and their number — `open_due_month` summed over the customers. Triggers on `open_due_month` keep it inside
/// the writing transaction (every change of an open invoice reaches `open_due_month` by its own triggers first), so
/// the ungrouped aging today reads a few dozen rows per currency instead of one row per customer and month.
/// Rows whose count fell to 0 stay (amount 0); readers and the check skip them.
enum DueCurrencyMonthSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s13-open-due-currency-month") { db in
            try db.execute(sql: """
                CREATE TABLE open_due_currency_month (
                    currency TEXT NOT NULL,
                    month TEXT NOT NULL,
                    amount INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (currency, month)
                ) WITHOUT ROWID;
                INSERT INTO open_due_currency_month (currency, month, amount, n)
                    \(recomputedSQL(from: "open_due_month"));
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Rows (currency, month, amount, n) summed from `source`, a table or parenthesised query shaped like
    /// `open_due_month` (month, customer_id, currency, amount, n): the back-fill and the check's reference.
    static func recomputedSQL(from source: String) -> String {
        "SELECT currency, month, SUM(amount), SUM(n) FROM \(source) GROUP BY currency, month"
    }

    /// Adds `amount` and `n` (SQL expressions) to the row of `row`'s currency and month.
    private static func add(_ row: String, amount: String, n: String) -> String {
        """
        INSERT INTO open_due_currency_month (currency, month, amount, n)
            VALUES (\(row).currency, \(row).month, \(amount), \(n))
            ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + excluded.n;
        """
    }

    static var triggers: [String] {
        [
            "CREATE TRIGGER due_currency_month_insert AFTER INSERT ON open_due_month BEGIN "
                + "\(add("NEW", amount: "NEW.amount", n: "NEW.n")) END",
            "CREATE TRIGGER due_currency_month_delete AFTER DELETE ON open_due_month BEGIN "
                + "\(add("OLD", amount: "-OLD.amount", n: "-OLD.n")) END",
            // The usual change: an upsert of `open_due_month` adds to one row of the same key.
            """
            CREATE TRIGGER due_currency_month_update AFTER UPDATE ON open_due_month
            WHEN NEW.currency = OLD.currency AND NEW.month = OLD.month BEGIN
                \(add("NEW", amount: "NEW.amount - OLD.amount", n: "NEW.n - OLD.n"))
            END
            """,
            """
            CREATE TRIGGER due_currency_month_rekey AFTER UPDATE ON open_due_month
            WHEN NEW.currency <> OLD.currency OR NEW.month <> OLD.month BEGIN
                \(add("OLD", amount: "-OLD.amount", n: "-OLD.n"))
                \(add("NEW", amount: "NEW.amount", n: "NEW.n"))
            END
            """,
        ]
    }
}

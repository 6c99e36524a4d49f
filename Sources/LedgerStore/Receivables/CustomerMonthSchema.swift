import GRDB

/// Sales per customer and month, maintained (issue 10, s13-cust): one row per customer, month (`date` = its first
/// day) and currency of the posted documents, with their number `n`, the signed sums `net`, `tax` and `total`
/// (invoices less credit notes, minor units) and `last_invoice`, the latest posted invoice's date in that month
/// (NULL when none). SQLite triggers on `document` keep it inside the writing transaction, as `sales_month` is kept:
/// every write path (commands, bulk loads, imports), rolled back with the change. Readers: sales by customer
/// (`report sales --by customer`, the top-customers chart), the customer list's 12-month sales and last sale.
/// At most customers × months rows (10,000 × 18 for the 1M bench ledger). Rows whose `n` fell to 0 stay; readers
/// and the check skip them. `last_invoice` only grows on insert; when the invoice holding it leaves (void, delete,
/// change of date or customer) it is re-read from that customer's documents of that month (`document_customer`).
enum CustomerMonthSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s13-customer-month") { db in
            try db.execute(sql: """
                CREATE TABLE customer_month (
                    customer_id INTEGER NOT NULL,
                    date TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    net INTEGER NOT NULL,
                    tax INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    last_invoice TEXT,
                    PRIMARY KEY (customer_id, date, currency)
                ) WITHOUT ROWID;
                INSERT INTO customer_month (customer_id, date, currency, n, net, tax, total, last_invoice)
                    \(recomputedSQL);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// The columns compared by the maintained-balance check, in `recomputedSQL`'s order after the key.
    static let valueColumns = ["n", "net", "tax", "total", "last_invoice"]

    /// The table recomputed from the posted documents (the migration's back-fill and the check's reference):
    /// customer_id, date, currency, n, net, tax, total, last_invoice.
    static let recomputedSQL = """
        SELECT customer_id, substr(date, 1, 7) || '-01', currency, COUNT(*),
               SUM(\(sign("")) * subtotal), SUM(\(sign("")) * tax_total), SUM(\(sign("")) * total),
               MAX(CASE WHEN kind = 'invoice' THEN date END)
        FROM document WHERE status = 'posted'
        GROUP BY 1, 2, 3
        """

    /// +1 for an invoice, -1 for a credit note (as every sales report signs them).
    static func sign(_ row: String) -> String {
        let prefix = row.isEmpty ? "" : row + "."
        return "(CASE \(prefix)kind WHEN 'invoice' THEN 1 ELSE -1 END)"
    }

    /// The month key (`YYYY-MM-01`) of document `row`'s date.
    private static func month(_ row: String) -> String { "substr(\(row).date, 1, 7) || '-01'" }

    /// Adds document NEW in its month's row (count, amounts, the latest invoice date).
    private static let add = """
        INSERT INTO customer_month (customer_id, date, currency, n, net, tax, total, last_invoice)
            VALUES (NEW.customer_id, \(month("NEW")), NEW.currency, 1, \(sign("NEW")) * NEW.subtotal,
                    \(sign("NEW")) * NEW.tax_total, \(sign("NEW")) * NEW.total,
                    CASE WHEN NEW.kind = 'invoice' THEN NEW.date END)
            ON CONFLICT DO UPDATE SET n = n + 1, net = net + excluded.net, tax = tax + excluded.tax,
                total = total + excluded.total,
                last_invoice = CASE WHEN excluded.last_invoice IS NULL THEN last_invoice
                                    WHEN last_invoice IS NULL OR excluded.last_invoice > last_invoice
                                    THEN excluded.last_invoice ELSE last_invoice END;
        """

    /// Takes document OLD back from its month's row; when it held the month's latest invoice date, that date is
    /// re-read from the customer's posted invoices of the month (OLD no longer counts: the trigger runs after the
    /// change).
    private static let remove = """
        UPDATE customer_month SET n = n - 1, net = net - \(sign("OLD")) * OLD.subtotal,
            tax = tax - \(sign("OLD")) * OLD.tax_total, total = total - \(sign("OLD")) * OLD.total
            WHERE customer_id = OLD.customer_id AND date = \(month("OLD")) AND currency = OLD.currency;
        UPDATE customer_month SET last_invoice = (
                SELECT MAX(d.date) FROM document d
                WHERE d.customer_id = OLD.customer_id AND d.currency = OLD.currency AND d.kind = 'invoice'
                  AND d.status = 'posted' AND d.date >= \(month("OLD")) AND d.date <= substr(OLD.date, 1, 7) || '-31')
            WHERE customer_id = OLD.customer_id AND date = \(month("OLD")) AND currency = OLD.currency
              AND OLD.kind = 'invoice' AND last_invoice = OLD.date;
        """

    static var triggers: [String] {
        let keys = "status, date, customer_id, currency, kind, total, subtotal, tax_total"
        return [
            "CREATE TRIGGER customer_month_insert AFTER INSERT ON document WHEN NEW.status = 'posted' "
                + "BEGIN \(add) END",
            """
            CREATE TRIGGER customer_month_update_old AFTER UPDATE OF \(keys) ON document WHEN OLD.status = 'posted'
            BEGIN \(remove) END
            """,
            """
            CREATE TRIGGER customer_month_update_new AFTER UPDATE OF \(keys) ON document WHEN NEW.status = 'posted'
            BEGIN \(add) END
            """,
            "CREATE TRIGGER customer_month_delete AFTER DELETE ON document WHEN OLD.status = 'posted' "
                + "BEGIN \(remove) END",
        ]
    }
}

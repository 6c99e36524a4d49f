import GRDB

/// Sales per month, maintained (issue 10): one row per month (`date` = its first day), region, channel, currency
/// and kind of the posted documents (as posted), with the sum of their totals and their count. SQLite triggers on
/// `document` keep it inside the writing transaction, as they keep `open_item` (`MaintainedBalanceSchema`): every
/// write path, no extra code. The pivot by period reads it instead of every
/// document when its keys and filters need only these columns and its dates are whole months: at most months ×
/// regions × channels × 2 rows (25,412 for 100k invoices; customer or salesperson keys would make it nearly one
/// row per document, so those pivots read the documents). Rows whose count fell to 0 stay; readers skip them.
enum PivotIndexSchema {
    /// The columns of `document` the summary keeps (same names, so the pivot's expressions read either).
    static let columns: Set<String> = ["date", "region", "channel", "currency", "kind", "total"]
    // (`net` and `tax` are kept too, but `document` names them `subtotal` and `tax_total`.)

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("issue10-sales-month") { db in
            try db.execute(sql: """
                CREATE TABLE sales_month (
                    date TEXT NOT NULL,
                    region TEXT NOT NULL,
                    channel TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    total INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (date, region, channel, currency, kind)
                ) WITHOUT ROWID;
                INSERT INTO sales_month (date, region, channel, currency, kind, total, n)
                    \(recomputedSQL(amounts: false));
                """)
            for sql in triggers(amounts: false) { try db.execute(sql: sql) }
        }
        // Net and tax as well (s12-screens): `report sales` by month, quarter, year, region or channel (the reports
        // and charts screens) reads whole months here instead of every document.
        migrator.registerMigration("issue10-sales-month-net-tax") { db in
            for name in ["insert", "update_old", "update_new", "delete"] {
                try db.execute(sql: "DROP TRIGGER IF EXISTS sales_month_\(name)")
            }
            try db.execute(sql: """
                ALTER TABLE sales_month ADD COLUMN net INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE sales_month ADD COLUMN tax INTEGER NOT NULL DEFAULT 0;
                DELETE FROM sales_month;
                INSERT INTO sales_month (date, region, channel, currency, kind, total, n, net, tax)
                    \(recomputedSQL(amounts: true));
                """)
            for sql in triggers(amounts: true) { try db.execute(sql: sql) }
        }
    }

    /// The summary recomputed from the posted documents (the migrations' back-fill and the tests' reference):
    /// date, region, channel, currency, kind, total, n, and with `amounts` net and tax.
    static func recomputedSQL(amounts: Bool) -> String {
        """
        SELECT substr(date, 1, 7) || '-01', region, channel, currency, kind, SUM(total), COUNT(*)\(
            amounts ? ", SUM(subtotal), SUM(tax_total)" : "")
        FROM document WHERE status = 'posted'
        GROUP BY 1, 2, 3, 4, 5
        """
    }

    /// Adds (`sign` +1) or takes back (-1) document `row` (NEW or OLD) in its month's row.
    private static func effect(_ row: String, sign: String, amounts: Bool) -> String {
        let columns = amounts ? ", net, tax" : ""
        let values = amounts ? ", \(sign) * \(row).subtotal, \(sign) * \(row).tax_total" : ""
        let updates = amounts ? ", net = net + excluded.net, tax = tax + excluded.tax" : ""
        return """
        INSERT INTO sales_month (date, region, channel, currency, kind, total, n\(columns))
            VALUES (substr(\(row).date, 1, 7) || '-01', \(row).region, \(row).channel, \(row).currency, \(row).kind,
                    \(sign) * \(row).total, \(sign)\(values))
            ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + excluded.n\(updates);
        """
    }

    static func triggers(amounts: Bool) -> [String] {
        let keys = "status, date, region, channel, currency, kind, total" + (amounts ? ", subtotal, tax_total" : "")
        func effect(_ row: String, _ sign: String) -> String { Self.effect(row, sign: sign, amounts: amounts) }
        return [
            "CREATE TRIGGER sales_month_insert AFTER INSERT ON document WHEN NEW.status = 'posted' BEGIN "
                + "\(effect("NEW", "1")) END",
            """
            CREATE TRIGGER sales_month_update_old AFTER UPDATE OF \(keys) ON document WHEN OLD.status = 'posted'
            BEGIN \(effect("OLD", "-1")) END
            """,
            """
            CREATE TRIGGER sales_month_update_new AFTER UPDATE OF \(keys) ON document WHEN NEW.status = 'posted'
            BEGIN \(effect("NEW", "1")) END
            """,
            "CREATE TRIGGER sales_month_delete AFTER DELETE ON document WHEN OLD.status = 'posted' BEGIN "
                + "\(effect("OLD", "-1")) END",
        ]
    }
}

import GRDB

/// Maintained open amounts (issue 10): `open_item` holds one row per posted invoice, posted credit note and
/// receipt with its open amount now (invoice: total − every allocation on it; credit note and receipt: amount −
/// every allocation made from it), minor units; `customer_balance` holds per customer and currency the sum of
/// open invoice amounts, their count, the sum of unapplied credits and the earliest due date of an open invoice.
///
/// SQLite triggers on `document`, `receipt` and `allocation` keep both up to date inside the writing transaction,
/// so every write path (commands, bulk loads, imports, a plain sqlite3 shell) keeps them right without extra code;
/// triggers on `open_item` roll its changes up into `customer_balance`. They live in tables of their own, not in
/// columns of `document`, so keeping them never marks a sealed document as touched (see DECISIONS.md).
/// Partial indexes cover open rows only. The migration back-fills existing ledgers with the recomputation of
/// `MaintainedBalances` (the same SQL the check compares with).
enum MaintainedBalanceSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17-maintained-balances") { db in
            try db.execute(sql: """
                CREATE TABLE open_item (
                    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'receipt')),
                    id INTEGER NOT NULL,
                    customer_id INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    due_date TEXT NOT NULL,
                    open_amount INTEGER NOT NULL,
                    PRIMARY KEY (kind, id)
                ) WITHOUT ROWID;
                CREATE TABLE customer_balance (
                    customer_id INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    open_invoices INTEGER NOT NULL DEFAULT 0,
                    open_invoice_count INTEGER NOT NULL DEFAULT 0,
                    unapplied_credits INTEGER NOT NULL DEFAULT 0,
                    earliest_open_due TEXT,
                    PRIMARY KEY (customer_id, currency)
                ) WITHOUT ROWID;
                INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
                    \(MaintainedBalances.recomputedOpenItemsSQL);
                INSERT INTO customer_balance (customer_id, currency, open_invoices, open_invoice_count,
                                              unapplied_credits, earliest_open_due)
                    \(MaintainedBalances.recomputedBalancesSQL(from: "open_item"));
                CREATE INDEX open_item_customer_open ON open_item(customer_id, currency, kind, due_date)
                    WHERE open_amount <> 0;
                CREATE INDEX open_item_due_open ON open_item(kind, due_date) WHERE open_amount <> 0;
                CREATE INDEX allocation_date ON allocation(date);
                CREATE INDEX receipt_date ON receipt(date);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Open amount of a new `document` row `row` (`NEW` in the trigger; its allocations are normally none yet).
    private static func documentOpen(_ row: String) -> String {
        """
        \(row).total - CASE \(row).kind
            WHEN 'invoice' THEN (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.invoice_id = \(row).id)
            ELSE (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a
                  WHERE a.source = 'credit_note' AND a.source_id = \(row).id) END
        """
    }
    private static let insertDocument = """
        INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
            SELECT NEW.kind, NEW.id, NEW.customer_id, NEW.currency, NEW.due_date, \(documentOpen("NEW"))
            WHERE NEW.status = 'posted';
        """
    /// What `document_open_insert` does for each posted document above id `?1`, once for all of them (a chunk of a
    /// bulk load, issue 10).
    static let documentsOpenSQL = """
        INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
            SELECT d.kind, d.id, d.customer_id, d.currency, d.due_date, \(documentOpen("d"))
            FROM document d WHERE d.id > ?1 AND d.status = 'posted'
        """
    private static let insertReceipt = """
        INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
            VALUES ('receipt', NEW.id, NEW.customer_id, NEW.currency, NEW.date, NEW.amount
                    - (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a
                       WHERE a.source = 'receipt' AND a.source_id = NEW.id));
        """

    /// `sign` 1 adds an allocation's effect (`row` is NEW), -1 takes it back (`row` is OLD).
    private static func allocationEffect(_ row: String, sign: String) -> String {
        """
        UPDATE open_item SET open_amount = open_amount \(sign) \(row).amount
            WHERE kind = 'invoice' AND id = \(row).invoice_id;
        UPDATE open_item SET open_amount = open_amount \(sign) \(row).amount
            WHERE \(row).source <> 'write_off' AND kind = \(row).source AND id = \(row).source_id;
        """
    }

    /// Adds (`sign` +) or removes (`sign` −) an `open_item` row `row` in its customer's balance.
    private static func balanceEffect(_ row: String, sign: String) -> String {
        """
        INSERT OR IGNORE INTO customer_balance (customer_id, currency) VALUES (\(row).customer_id, \(row).currency);
        UPDATE customer_balance SET
            open_invoices = open_invoices \(sign) CASE WHEN \(row).kind = 'invoice' THEN \(row).open_amount ELSE 0 END,
            open_invoice_count = open_invoice_count
                \(sign) CASE WHEN \(row).kind = 'invoice' AND \(row).open_amount <> 0 THEN 1 ELSE 0 END,
            unapplied_credits = unapplied_credits
                \(sign) CASE WHEN \(row).kind <> 'invoice' THEN \(row).open_amount ELSE 0 END,
            earliest_open_due = (SELECT MIN(o.due_date) FROM open_item o
                WHERE o.customer_id = \(row).customer_id AND o.currency = \(row).currency AND o.kind = 'invoice'
                AND o.open_amount <> 0)
            WHERE customer_id = \(row).customer_id AND currency = \(row).currency;
        """
    }

    static var triggers: [String] {
        let documentKeys = "status, kind, customer_id, currency, due_date, total"
        return [
            "CREATE TRIGGER document_open_insert AFTER INSERT ON document BEGIN \(insertDocument) END",
            """
            CREATE TRIGGER document_open_update AFTER UPDATE OF \(documentKeys) ON document BEGIN
                DELETE FROM open_item WHERE kind = OLD.kind AND id = OLD.id;
                \(insertDocument)
            END
            """,
            "CREATE TRIGGER document_open_delete AFTER DELETE ON document BEGIN "
                + "DELETE FROM open_item WHERE kind = OLD.kind AND id = OLD.id; END",
            "CREATE TRIGGER receipt_open_insert AFTER INSERT ON receipt BEGIN \(insertReceipt) END",
            """
            CREATE TRIGGER receipt_open_update AFTER UPDATE OF customer_id, currency, date, amount ON receipt BEGIN
                DELETE FROM open_item WHERE kind = 'receipt' AND id = OLD.id;
                \(insertReceipt)
            END
            """,
            "CREATE TRIGGER receipt_open_delete AFTER DELETE ON receipt BEGIN "
                + "DELETE FROM open_item WHERE kind = 'receipt' AND id = OLD.id; END",
            "CREATE TRIGGER allocation_open_insert AFTER INSERT ON allocation BEGIN "
                + "\(allocationEffect("NEW", sign: "-")) END",
            """
            CREATE TRIGGER allocation_open_update AFTER UPDATE OF invoice_id, source, source_id, amount ON allocation
            BEGIN \(allocationEffect("OLD", sign: "+")) \(allocationEffect("NEW", sign: "-")) END
            """,
            "CREATE TRIGGER allocation_open_delete AFTER DELETE ON allocation BEGIN "
                + "\(allocationEffect("OLD", sign: "+")) END",
            "CREATE TRIGGER open_item_balance_insert AFTER INSERT ON open_item BEGIN "
                + "\(balanceEffect("NEW", sign: "+")) END",
            """
            CREATE TRIGGER open_item_balance_update AFTER UPDATE ON open_item BEGIN
                \(balanceEffect("OLD", sign: "-")) \(balanceEffect("NEW", sign: "+"))
            END
            """,
            "CREATE TRIGGER open_item_balance_delete AFTER DELETE ON open_item BEGIN "
                + "\(balanceEffect("OLD", sign: "-")) END",
        ]
    }
}

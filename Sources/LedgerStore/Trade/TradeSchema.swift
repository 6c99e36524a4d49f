import GRDB

/// Migrations of the fapiao and trade-practice features (issue 16), registered after the core ledger's.
/// New tables only: the customer table itself is not altered, so its row mapping stays as it is.
///
/// `v16-customer-tax`: one row of fapiao details per customer (纳税人识别号, 开票抬头, 地址电话,
/// 开户行及账号, 不开票).
enum TradeSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-customer-tax") { db in
            try db.execute(sql: """
            CREATE TABLE customer_tax (
                customer_id INTEGER PRIMARY KEY REFERENCES customer(id),
                tax_id TEXT NOT NULL DEFAULT '',
                invoice_title TEXT NOT NULL DEFAULT '',
                address_phone TEXT NOT NULL DEFAULT '',
                bank_account TEXT NOT NULL DEFAULT '',
                no_fapiao INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX customer_tax_id ON customer_tax(tax_id);
            """)
        }
        // Fapiao (blue and red) with the parts of sales they cover; a number is unique per type and code, void
        // ones included (a voided paper fapiao's number is used up). Records are voided, never deleted or edited.
        migrator.registerMigration("v16-fapiao") { db in
            try db.execute(sql: """
            CREATE TABLE fapiao (
                id INTEGER PRIMARY KEY,
                type TEXT NOT NULL CHECK (type IN ('special', 'ordinary', 'digital_special', 'digital_ordinary')),
                code TEXT NOT NULL DEFAULT '',
                number TEXT NOT NULL,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                date TEXT NOT NULL,
                currency TEXT NOT NULL,
                total INTEGER NOT NULL CHECK (total > 0),
                tax INTEGER NOT NULL,
                is_red INTEGER NOT NULL DEFAULT 0,
                original_id INTEGER REFERENCES fapiao(id),
                credit_note_id INTEGER REFERENCES document(id),
                red_confirmation TEXT NOT NULL DEFAULT '',
                void INTEGER NOT NULL DEFAULT 0,
                void_reason TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT ''
            );
            CREATE UNIQUE INDEX fapiao_number ON fapiao(type, code, number);
            CREATE INDEX fapiao_customer ON fapiao(customer_id, date);
            CREATE INDEX fapiao_original ON fapiao(original_id);
            CREATE TABLE fapiao_part (
                fapiao_id INTEGER NOT NULL REFERENCES fapiao(id),
                document_id INTEGER NOT NULL REFERENCES document(id),
                total INTEGER NOT NULL,
                tax INTEGER NOT NULL,
                PRIMARY KEY (fapiao_id, document_id)
            );
            CREATE INDEX fapiao_part_document ON fapiao_part(document_id);
            CREATE TABLE sale_no_fapiao (
                document_id INTEGER PRIMARY KEY REFERENCES document(id),
                reason TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX IF NOT EXISTS document_applies_to ON document(applies_to_id);
            CREATE TRIGGER fapiao_no_delete BEFORE DELETE ON fapiao
                BEGIN SELECT RAISE(ABORT, 'fapiao are voided, never deleted'); END;
            CREATE TRIGGER fapiao_frozen BEFORE UPDATE OF type, code, number, customer_id, date, total, tax, is_red \
            ON fapiao
                BEGIN SELECT RAISE(ABORT, 'recorded fapiao are never edited: void them'); END;
            CREATE TRIGGER fapiao_part_no_change BEFORE UPDATE ON fapiao_part
                BEGIN SELECT RAISE(ABORT, 'fapiao parts are never edited'); END;
            CREATE TRIGGER fapiao_part_no_delete BEFORE DELETE ON fapiao_part
                BEGIN SELECT RAISE(ABORT, 'fapiao parts are never deleted'); END;
            """)
        }
        // Commission rules are appended, never edited: a rate change is a new row with a later start.
        migrator.registerMigration("v16-commission") { db in
            try db.execute(sql: """
            CREATE TABLE commission_rule (
                id INTEGER PRIMARY KEY,
                salesperson TEXT NOT NULL DEFAULT '',
                customer_class TEXT NOT NULL DEFAULT '',
                basis TEXT NOT NULL CHECK (basis IN ('net_sales', 'collections')),
                rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000),
                within_days INTEGER,
                start_date TEXT NOT NULL
            );
            CREATE TRIGGER commission_rule_no_update BEFORE UPDATE ON commission_rule
                BEGIN SELECT RAISE(ABORT, 'commission rules are never edited: add a rule with a later start'); END;
            CREATE TRIGGER commission_rule_no_delete BEFORE DELETE ON commission_rule
                BEGIN SELECT RAISE(ABORT, 'commission rules are never deleted'); END;
            """)
        }
        // Acceptance bills (承兑汇票) of receipts paid by bill; one row per receipt, bill numbers unique.
        migrator.registerMigration("v16-acceptance-bill") { db in
            try db.execute(sql: """
            CREATE TABLE acceptance_bill (
                receipt_id INTEGER PRIMARY KEY REFERENCES receipt(id),
                bill_number TEXT NOT NULL UNIQUE,
                bank TEXT NOT NULL,
                maturity TEXT NOT NULL
            );
            CREATE INDEX acceptance_bill_maturity ON acceptance_bill(maturity);
            """)
        }
        // Statements sent for confirmation (对账确认) and the customers' replies.
        migrator.registerMigration("v16-statement-confirmation") { db in
            try db.execute(sql: """
            CREATE TABLE statement_confirmation (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                as_of TEXT NOT NULL,
                balance INTEGER NOT NULL,
                currency TEXT NOT NULL,
                issued TEXT NOT NULL,
                reply TEXT NOT NULL DEFAULT 'pending' CHECK (reply IN ('pending', 'confirmed', 'disputed')),
                difference INTEGER NOT NULL DEFAULT 0,
                note TEXT NOT NULL DEFAULT '',
                reply_date TEXT
            );
            CREATE INDEX statement_confirmation_reply ON statement_confirmation(reply, issued);
            """)
        }
    }
}

import GRDB

/// Migrations of the receivables engine (registered after the core ledger's).
///
/// `v2-receivables`: the contact log (append-only), reminder snoozes, and the exchange-rate table (rates are
/// INTEGER per-million, never REAL). The base currency and reminder rules live in `setting`
/// (`base_currency`, `reminder_rules` as JSON).
enum ReceivablesSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-receivables") { db in
            try db.execute(sql: """
            CREATE TABLE contact_log (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                invoice_id INTEGER REFERENCES document(id),
                date TEXT NOT NULL,
                who TEXT NOT NULL,
                channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'visit', 'wechat', 'letter', 'other')),
                note TEXT NOT NULL DEFAULT '',
                promised_date TEXT,
                promised_amount INTEGER
            );
            CREATE INDEX contact_log_customer ON contact_log(customer_id, date);
            CREATE TRIGGER contact_log_no_update BEFORE UPDATE ON contact_log
                BEGIN SELECT RAISE(ABORT, 'the contact log is append-only'); END;
            CREATE TRIGGER contact_log_no_delete BEFORE DELETE ON contact_log
                BEGIN SELECT RAISE(ABORT, 'the contact log is append-only'); END;
            CREATE TABLE reminder_snooze (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                invoice_id INTEGER REFERENCES document(id),
                date TEXT NOT NULL,
                until TEXT NOT NULL,
                reason TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX reminder_snooze_customer ON reminder_snooze(customer_id, until);
            CREATE TABLE exchange_rate (
                date TEXT NOT NULL,
                currency TEXT NOT NULL,
                per_million INTEGER NOT NULL CHECK (typeof(per_million) = 'integer' AND per_million > 0),
                PRIMARY KEY (currency, date)
            );
            """)
        }
    }
}

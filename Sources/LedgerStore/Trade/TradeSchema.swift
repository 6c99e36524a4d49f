import GRDB

/// Migrations of the fapiao and trade-practice features (issue 16), registered after the core ledger's.
/// New tables only: the customer table itself is not altered, so its row mapping stays as it is.
///
/// `v16-customer-tax`: one row of fapiao details per customer (纳税人识别号, 开票抬头, 地址电话, 开户行及账号, 不开票).
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
    }
}

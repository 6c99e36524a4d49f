import GRDB

/// The SQLite schema, as ordered named migrations. Money columns are INTEGER minor units (never REAL),
/// dates are ISO `YYYY-MM-DD` TEXT (sortable), rates are INTEGER basis points, quantities INTEGER thousandths.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try db.execute(sql: """
            CREATE TABLE customer (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                contact TEXT NOT NULL DEFAULT '',
                phone TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '',
                address TEXT NOT NULL DEFAULT '',
                region TEXT NOT NULL DEFAULT '',
                channel TEXT NOT NULL DEFAULT '',
                customer_class TEXT NOT NULL DEFAULT '',
                credit_limit INTEGER,
                payment_terms TEXT NOT NULL,
                currency TEXT NOT NULL,
                notes TEXT NOT NULL DEFAULT '',
                archived INTEGER NOT NULL DEFAULT 0,
                pinyin TEXT NOT NULL DEFAULT '',
                pinyin_initials TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX customer_name ON customer(name);
            CREATE TABLE product (
                id INTEGER PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                category TEXT NOT NULL DEFAULT '',
                unit TEXT NOT NULL DEFAULT '',
                unit_price INTEGER NOT NULL,
                currency TEXT NOT NULL,
                tax_rate_bp INTEGER NOT NULL DEFAULT 0,
                pinyin TEXT NOT NULL DEFAULT '',
                pinyin_initials TEXT NOT NULL DEFAULT '',
                archived INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE salesperson (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                region TEXT NOT NULL DEFAULT ''
            );
            CREATE TABLE number_series (
                series TEXT NOT NULL,
                year INTEGER NOT NULL,
                last_number INTEGER NOT NULL,
                PRIMARY KEY (series, year)
            );
            CREATE TABLE document (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
                series TEXT NOT NULL,
                number_year INTEGER NOT NULL,
                number INTEGER NOT NULL,
                display_number TEXT,
                date TEXT NOT NULL,
                due_date TEXT NOT NULL,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                salesperson_id INTEGER REFERENCES salesperson(id),
                channel TEXT NOT NULL DEFAULT '',
                region TEXT NOT NULL DEFAULT '',
                currency TEXT NOT NULL,
                payment_terms TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('draft', 'posted', 'void')),
                subtotal INTEGER NOT NULL,
                tax_total INTEGER NOT NULL,
                total INTEGER NOT NULL,
                applies_to_id INTEGER REFERENCES document(id),
                disputed INTEGER NOT NULL DEFAULT 0,
                dispute_reason TEXT NOT NULL DEFAULT '',
                external_ref TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                void_reason TEXT NOT NULL DEFAULT ''
            );
            CREATE UNIQUE INDEX document_number ON document(series, number_year, number) WHERE number > 0;
            CREATE UNIQUE INDEX document_display_number ON document(display_number);
            CREATE INDEX document_customer ON document(customer_id, due_date);
            CREATE INDEX document_date ON document(date);
            CREATE INDEX document_external_ref ON document(external_ref);
            CREATE TABLE document_line (
                document_id INTEGER NOT NULL REFERENCES document(id),
                line_no INTEGER NOT NULL,
                product_id INTEGER REFERENCES product(id),
                description TEXT NOT NULL,
                quantity_milli INTEGER NOT NULL,
                unit_price INTEGER NOT NULL,
                discount_bp INTEGER NOT NULL,
                tax_rate_bp INTEGER NOT NULL,
                net_amount INTEGER NOT NULL,
                tax_amount INTEGER NOT NULL,
                PRIMARY KEY (document_id, line_no)
            );
            CREATE INDEX document_line_product ON document_line(product_id);
            CREATE TABLE receipt (
                id INTEGER PRIMARY KEY,
                series TEXT NOT NULL,
                number_year INTEGER NOT NULL,
                number INTEGER NOT NULL,
                display_number TEXT NOT NULL UNIQUE,
                customer_id INTEGER NOT NULL REFERENCES customer(id),
                date TEXT NOT NULL,
                amount INTEGER NOT NULL,
                currency TEXT NOT NULL,
                method TEXT NOT NULL,
                reference TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX receipt_customer ON receipt(customer_id, date);
            CREATE TABLE allocation (
                id INTEGER PRIMARY KEY,
                invoice_id INTEGER NOT NULL REFERENCES document(id),
                source TEXT NOT NULL CHECK (source IN ('receipt', 'credit_note', 'write_off')),
                source_id INTEGER,
                date TEXT NOT NULL,
                amount INTEGER NOT NULL,
                currency TEXT NOT NULL,
                reverses_id INTEGER REFERENCES allocation(id),
                note TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX allocation_invoice ON allocation(invoice_id, date);
            CREATE INDEX allocation_source ON allocation(source, source_id);
            CREATE INDEX allocation_reverses ON allocation(reverses_id);
            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                timestamp_utc TEXT NOT NULL,
                actor TEXT NOT NULL,
                command TEXT NOT NULL,
                payload TEXT NOT NULL,
                changes TEXT NOT NULL,
                outcome TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER document_no_delete BEFORE DELETE ON document WHEN OLD.status <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'posted documents are never deleted: void or credit them'); END;
            CREATE TRIGGER document_posted_frozen BEFORE UPDATE OF total, subtotal, tax_total, customer_id, date, \
            number, series
                ON document WHEN OLD.status <> 'draft'
                BEGIN SELECT RAISE(ABORT, 'posted documents are never edited: void or credit them'); END;
            CREATE TRIGGER allocation_no_delete BEFORE DELETE ON allocation
                BEGIN SELECT RAISE(ABORT, 'allocations are reversed, never deleted'); END;
            """)
        }
        ReceivablesSchema.register(in: &migrator)
        ClassificationSchema.register(in: &migrator)
        migrator.registerMigration("v4-users") { db in
            try db.execute(sql: """
                CREATE TABLE app_user (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL CHECK (role IN ('clerk', 'manager', 'auditor', 'admin')),
                    active INTEGER NOT NULL DEFAULT 1
                );
                """)
        }
        TradeSchema.register(in: &migrator)
        SecuritySchema.register(in: &migrator)
        DailyWorkSchema.register(in: &migrator)
        InteropSchema.register(in: &migrator)
        MaintainedBalanceSchema.register(in: &migrator)
        CompactAuditSchema.register(in: &migrator)
        TrainingSchema.register(in: &migrator)
        ReportIndexSchema.register(in: &migrator)
        CustomerSearchIndex.register(in: &migrator)
        BulkLoadSchema.register(in: &migrator)
        ReportIndexSchema.registerCustomerFirst(in: &migrator)
        PivotIndexSchema.register(in: &migrator)
        CustomerSearchWords.register(in: &migrator)
        DueMonthSchema.register(in: &migrator)
        LateAllocationSchema.register(in: &migrator)
        CustomerMonthSchema.register(in: &migrator)
        DueCurrencyMonthSchema.register(in: &migrator)
        InvoiceSettledSchema.register(in: &migrator)
        DueDaySchema.register(in: &migrator)
        CustomerBalanceTriggers.register(in: &migrator)
        SparseIndexSchema.register(in: &migrator)
        InvoiceSettledSchema.registerPaymentDays(in: &migrator)
        BulkSuspend.register(in: &migrator)
        LoadIndexes.register(in: &migrator)
        CollectionMonthSchema.register(in: &migrator)
        DocumentTallySchema.register(in: &migrator)
        VatMonthSchema.register(in: &migrator)
        CustomerSearchFill.register(in: &migrator)
        SearchVReadingSchema.register(in: &migrator)
        SearchPolyphoneSchema.register(in: &migrator)
        return migrator
    }
}

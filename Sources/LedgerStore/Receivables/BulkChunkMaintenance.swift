import GRDB
import LedgerCore

/// Set-based upkeep of the derived tables no command reads while it writes (issue 10, the bulk write path):
/// `sales_month`, `open_due_month`, `late_allocation`, `customer_month` and `invoice_settled` (the last two since
/// s14-bulk), `collection_month` (s19), `document_tally` and `vat_month` (s31). Row triggers keep them on every
/// write path; their cost per invoice in a bulk load (a trigger program per document, open-item change and
/// allocation) was measured at about a quarter of `sample generate`'s CPU. In a chunk of a chunked load
/// (`LedgerService.runChunked`) those triggers are dropped inside the chunk's transaction, and before the chunk
/// commits the tables get the chunk's effect in one `INSERT … SELECT` statement per table over the rows the chunk
/// inserted (ids above the ones at the start); then the triggers are created again from the text they had. All of
/// it is one transaction: a crash leaves the whole chunk with its maintenance and the triggers, or none of it.
/// `customer_balance` and `open_item` stay maintained by row (credit control and allocation read them mid-chunk;
/// `CustomerBalanceTriggers` keeps that to one statement per change).
///
/// The set-based statements cover what a bulk load does: insert documents, receipts and allocations. Temporary
/// guard triggers refuse, for the chunk, a change of a document or allocation written before it that the deferred
/// triggers would have counted (a void, a changed amount or date): the statement fails with a message naming the
/// record, and the chunk is rolled back whole. Checked by the maintained-balances check after bulk loads (tests).
struct BulkChunkMaintenance {
    /// The deferred triggers' names; their text is read from `sqlite_master`, so a later migration's version is the
    /// one restored.
    static let deferredTriggers = [
        "sales_month_insert", "sales_month_update_old", "sales_month_update_new", "sales_month_delete",
        "due_month_insert", "due_month_delete", "due_month_update", "due_month_update_old", "due_month_update_new",
        "late_allocation_insert",
        "customer_month_insert", "customer_month_update_old", "customer_month_update_new", "customer_month_delete",
        "invoice_settled_insert", "invoice_settled_delete", "invoice_settled_update", "invoice_settled_document_date",
        "invoice_settled_allocation_moved",
    ] + DueDaySchema.triggerNames + CollectionMonthSchema.deferredTriggerNames + DocumentTallySchema.triggerNames
        + VatMonthSchema.triggerNames
    /// Highest document and allocation ids when the chunk began: the chunk's rows are above them.
    let documentID: Int64
    let allocationID: Int64
    /// (name, CREATE TRIGGER text) of the dropped triggers, to create them again.
    let dropped: [(String, String)]

    /// Drops the deferred triggers present in the ledger and installs the guards. - Throws: the database's error.
    static func begin(_ db: Database) throws -> BulkChunkMaintenance {
        let documentID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM document") ?? 0
        let allocationID = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM allocation") ?? 0
        let dropped = try drop(deferredTriggers, db)
        // Ids are integers from the database: written into the guards' text as numbers.
        try db.execute(sql: """
            CREATE TEMP TRIGGER bulk_guard_document AFTER UPDATE OF status, kind, customer_id, currency, due_date,
                total, date, region, channel, subtotal, tax_total ON main.document WHEN OLD.id <= \(documentID)
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not change a document written before its chunk'); END;
            CREATE TEMP TRIGGER bulk_guard_document_delete AFTER DELETE ON main.document
                WHEN OLD.id <= \(documentID) AND OLD.status = 'posted'
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not delete a document written before its chunk'); END;
            CREATE TEMP TRIGGER bulk_guard_allocation AFTER UPDATE ON main.allocation WHEN OLD.id <= \(allocationID)
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not change an allocation written before its chunk'); END;
            CREATE TEMP TRIGGER bulk_guard_allocation_moved AFTER UPDATE OF invoice_id, amount, date ON main.allocation
                WHEN OLD.id > \(allocationID)
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not move an allocation of its chunk'); END;
            CREATE TEMP TRIGGER bulk_guard_line AFTER INSERT ON main.document_line
                WHEN NEW.document_id <= \(documentID)
                 AND (SELECT status FROM main.document WHERE id = NEW.document_id) = 'posted'
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not add a line to a document written before its chunk'); END;
            CREATE TEMP TRIGGER bulk_guard_line_delete AFTER DELETE ON main.document_line
                WHEN OLD.document_id <= \(documentID)
                 AND (SELECT status FROM main.document WHERE id = OLD.document_id) = 'posted'
            BEGIN SELECT RAISE(ABORT, 'a bulk load may not remove a line of a document written before its chunk');
            END;
            """)
        return BulkChunkMaintenance(documentID: documentID, allocationID: allocationID, dropped: dropped)
    }

    /// Drops the triggers (or indexes) among `names` present in the ledger; returns their (name, CREATE text), in
    /// the order SQLite lists them, to create them again.
    static func drop(_ names: [String], _ db: Database, type: String = "trigger") throws -> [(String, String)] {
        var dropped: [(String, String)] = []
        let rows = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = ? AND name IN ("
                                        + names.map { "'\($0)'" }.joined(separator: ", ") + ")", arguments: [type])
        for row in rows {
            let name: String = row[0], sql: String = row[1]
            dropped.append((name, sql))
            try db.execute(sql: "DROP \(type.uppercased()) \(name)")
        }
        return dropped
    }

    /// Applies the chunk's effect to the deferred tables, drops the guards and creates the triggers again.
    func end(_ db: Database) throws {
        let arguments: StatementArguments = [documentID, allocationID]
        if dropped.contains(where: { $0.0.hasPrefix("sales_month") }) {
            try db.execute(sql: Self.salesMonthSQL, arguments: [documentID])
        }
        if dropped.contains(where: { $0.0.hasPrefix("due_month") }) {
            try db.execute(sql: Self.dueMonthSQL, arguments: arguments)
        }
        if dropped.contains(where: { $0.0.hasPrefix("due_day") }) {
            try db.execute(sql: Self.dueDaySQL, arguments: arguments)
        }
        if dropped.contains(where: { $0.0 == "late_allocation_insert" }) {
            try db.execute(sql: Self.lateAllocationSQL, arguments: [allocationID])
        }
        if dropped.contains(where: { $0.0.hasPrefix("customer_month") }) {
            try db.execute(sql: Self.customerMonthSQL, arguments: [documentID])
        }
        if dropped.contains(where: { $0.0.hasPrefix("invoice_settled") }) {
            try db.execute(sql: Self.invoiceSettledSQL, arguments: arguments)
        }
        if dropped.contains(where: { $0.0.hasPrefix("collection_month") }) {
            try db.execute(sql: Self.collectionMonthSQL, arguments: arguments)
        }
        if dropped.contains(where: { $0.0.hasPrefix("document_tally") }) {
            try db.execute(sql: Self.tallySQL, arguments: [documentID])
        }
        if dropped.contains(where: { $0.0.hasPrefix("vat_month") }) {
            try db.execute(sql: Self.vatMonthSQL, arguments: [documentID])
        }
        try db.execute(sql: """
            DROP TRIGGER temp.bulk_guard_document; DROP TRIGGER temp.bulk_guard_document_delete;
            DROP TRIGGER temp.bulk_guard_allocation; DROP TRIGGER temp.bulk_guard_allocation_moved;
            DROP TRIGGER temp.bulk_guard_line; DROP TRIGGER temp.bulk_guard_line_delete;
            """)
        for (_, sql) in dropped { try db.execute(sql: sql) }
    }

    /// The chunk's posted documents, by month and key, added to `sales_month` (as `sales_month_insert` adds each).
    static let salesMonthSQL = """
        INSERT INTO sales_month (date, region, channel, currency, kind, total, n, net, tax)
        SELECT substr(date, 1, 7) || '-01', region, channel, currency, kind, SUM(total), COUNT(*), SUM(subtotal),
               SUM(tax_total)
        FROM document WHERE id > ?1 AND status = 'posted'
        GROUP BY 1, 2, 3, 4, 5
        ON CONFLICT DO UPDATE SET total = total + excluded.total, n = n + excluded.n, net = net + excluded.net,
            tax = tax + excluded.tax
        """

    /// The chunk's posted documents with their lines, per kind and currency, added to `document_tally` (as its
    /// document and line triggers add each; the guards refuse lines added to or removed from older posted ones).
    static let tallySQL = DocumentTallySchema.add("""
        SELECT kind, currency, COUNT(*), SUM((SELECT COUNT(*) FROM document_line l WHERE l.document_id = d.id)),
               SUM(total)
        FROM document d WHERE id > ?1 AND status = 'posted'
        GROUP BY kind, currency
        """)

    /// The lines of the chunk's posted documents per month, rate and currency, added to `vat_month` (as its
    /// triggers add each).
    static let vatMonthSQL = VatMonthSchema.add(VatMonthSchema.linesSQL(where: "d.id > ?1"))

    /// The chunk's change of each open invoice's amount and open count, by due month: a new invoice adds its open
    /// amount now; an older one its change (minus the chunk's allocations on it) and, if it closed, −1.
    static let dueMonthSQL = """
        WITH changed(id, allocated) AS (
            SELECT invoice_id, SUM(amount) FROM allocation NOT INDEXED WHERE id > ?2 AND +invoice_id <= ?1
            GROUP BY invoice_id
        ), effect(month, customer_id, currency, amount, n) AS (
            SELECT substr(due_date, 1, 7), customer_id, currency, open_amount, open_amount <> 0
            FROM open_item WHERE kind = 'invoice' AND id > ?1
            UNION ALL
            SELECT substr(o.due_date, 1, 7), o.customer_id, o.currency, -c.allocated,
                   (o.open_amount <> 0) - (o.open_amount + c.allocated <> 0)
            FROM changed c JOIN open_item o ON o.kind = 'invoice' AND o.id = c.id
        )
        INSERT INTO open_due_month (month, customer_id, currency, amount, n)
        SELECT month, customer_id, currency, SUM(amount), SUM(n) FROM effect WHERE true
        GROUP BY 1, 2, 3
        ON CONFLICT DO UPDATE SET amount = amount + excluded.amount, n = n + excluded.n
        """

    /// The chunk's change of the open invoices counted per currency and due date (`open_due_day`): a new invoice
    /// counts if its open amount now is above 0; an older one moves by whether it was (its amount now plus the
    /// chunk's allocations on it) and is counted.
    static let dueDaySQL = """
        WITH changed(id, allocated) AS (
            SELECT invoice_id, SUM(amount) FROM allocation NOT INDEXED WHERE id > ?2 AND +invoice_id <= ?1
            GROUP BY invoice_id
        ), effect(currency, due_date, n) AS (
            SELECT currency, due_date, 1 FROM open_item WHERE kind = 'invoice' AND id > ?1 AND open_amount > 0
            UNION ALL
            SELECT o.currency, o.due_date, (o.open_amount > 0) - (o.open_amount + c.allocated > 0)
            FROM changed c JOIN open_item o ON o.kind = 'invoice' AND o.id = c.id
        )
        INSERT INTO open_due_day (currency, due_date, n)
        SELECT currency, due_date, SUM(n) FROM effect WHERE true
        GROUP BY 1, 2
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """

    /// The chunk's posted documents by customer, month and currency, added to `customer_month` (as
    /// `customer_month_insert` adds each: signed sums, the latest invoice date kept when later). `NOT INDEXED`
    /// (s34-gen): where `document_customer` exists (a load that keeps it, or statistics absent) SQLite read every
    /// document through it for the GROUP BY's order; the chunk's rows are the rowid range `id > ?1`.
    static let customerMonthSQL = """
        INSERT INTO customer_month (customer_id, date, currency, n, net, tax, total, last_invoice)
        SELECT customer_id, substr(date, 1, 7) || '-01', currency, COUNT(*),
               SUM(\(CustomerMonthSchema.sign("")) * subtotal), SUM(\(CustomerMonthSchema.sign("")) * tax_total),
               SUM(\(CustomerMonthSchema.sign("")) * total), MAX(CASE WHEN kind = 'invoice' THEN date END)
        FROM document NOT INDEXED WHERE id > ?1 AND status = 'posted'
        GROUP BY 1, 2, 3
        ON CONFLICT DO UPDATE SET n = n + excluded.n, net = net + excluded.net, tax = tax + excluded.tax,
            total = total + excluded.total,
            last_invoice = CASE WHEN excluded.last_invoice IS NULL THEN last_invoice
                                WHEN last_invoice IS NULL OR excluded.last_invoice > last_invoice
                                THEN excluded.last_invoice ELSE last_invoice END
        """

    /// `invoice_settled` rows of the chunk's new posted invoices and of the older invoices the chunk allocated to,
    /// recomputed from their open amount now and their allocations (the rows the triggers would have left). The
    /// paid day by the check's rule (`probing`): the window over an invoice's allocations only for one with an
    /// allocation other than a plain receipt; otherwise it is its settled day.
    ///
    /// s32-gen: `+invoice_id` here and in `dueMonthSQL` and `dueDaySQL` keeps SQLite from reading the chunk's
    /// allocations through `allocation_invoice` (`invoice_id <= ?1` is every allocation of the receipt phase, so
    /// the whole index was scanned at each commit: chosen without `sqlite_stat1`, which a load writes at its end);
    /// the rowid range `id > ?2` is the chunk's. s34-gen: that was not enough — for the GROUP BY or DISTINCT on
    /// `invoice_id` SQLite still scanned the whole covering index `allocation_invoice` in its order (EXPLAIN QUERY
    /// PLAN without statistics: `SCAN allocation USING COVERING INDEX allocation_invoice`); `NOT INDEXED` leaves
    /// the rowid range (`SEARCH allocation USING INTEGER PRIMARY KEY (rowid>?)`) and a sort of the chunk's rows.
    static let invoiceSettledSQL = """
        INSERT OR REPLACE INTO invoice_settled (\(InvoiceSettledSchema.columns))
        \(InvoiceSettledSchema.recomputedSQL(from: "open_item", probing: true)) AND o.id > ?1
        UNION ALL
        \(InvoiceSettledSchema.recomputedSQL(from: """
            (SELECT i.* FROM (SELECT DISTINCT invoice_id FROM allocation NOT INDEXED
                              WHERE id > ?2 AND +invoice_id <= ?1) c
             JOIN open_item i ON i.kind = 'invoice' AND i.id = c.invoice_id)
            """, probing: true))
        """

    /// The chunk's new posted invoices with their allocations, and its allocations on older invoices, added to
    /// `collection_month` (as its document and allocation triggers add each; receipts keep their row trigger).
    static let collectionMonthSQL = CollectionMonthSchema.add("""
        SELECT month, currency, SUM(due), 0, SUM(settled), SUM(n) FROM (
            SELECT substr(d.due_date, 1, 7) AS month, d.currency, d.total AS due, COALESCE(SUM(a.amount), 0) AS settled,
                   1 AS n
            FROM document d LEFT JOIN allocation a ON a.invoice_id = d.id AND a.source <> 'write_off'
                 AND a.date <= substr(d.due_date, 1, 8) || '31'
            WHERE d.id > ?1 AND d.kind = 'invoice' AND d.status = 'posted' GROUP BY d.id
            UNION ALL
            SELECT substr(d.due_date, 1, 7), d.currency, 0, a.amount, 0
            FROM allocation a JOIN document d ON d.id = a.invoice_id
            WHERE a.id > ?2 AND a.invoice_id <= ?1 AND d.kind = 'invoice' AND d.status = 'posted'
              AND a.source <> 'write_off' AND a.date <= substr(d.due_date, 1, 8) || '31')
        WHERE true GROUP BY 1, 2
        """)

    /// The chunk's allocations dated after their receipt or credit note (as `late_allocation_insert` adds each).
    /// s34-gen: `+a.source` keeps SQLite (without `sqlite_stat1` during a load) from reading every receipt's
    /// allocation through `allocation_source` at each commit; the rowid range `id > ?1` is the chunk's.
    static let lateAllocationSQL = """
        INSERT OR IGNORE INTO late_allocation (source, date, id, source_id)
        SELECT a.source, a.date, a.id, a.source_id FROM allocation a JOIN receipt r ON r.id = a.source_id
        WHERE a.id > ?1 AND +a.source = 'receipt' AND a.date > r.date
        UNION ALL
        SELECT a.source, a.date, a.id, a.source_id FROM allocation a JOIN document d ON d.id = a.source_id
        WHERE a.id > ?1 AND +a.source = 'credit_note' AND a.date > d.date
        """
}

extension SQLiteTransaction {
    func beginBulkChunk() throws {
        guard bulkChunk == nil else { return }
        bulkChunk = try BulkChunkMaintenance.begin(db)
    }

    func endBulkChunk() throws {
        guard let chunk = bulkChunk else { return }
        bulkChunk = nil
        try chunk.end(db)
    }
}

import GRDB
import LedgerCore

/// The store's half of a chunk of receipts (`BatchRunner.recordReceipts`, issue 10): the reads the chunk is
/// checked against, one statement each, and its insert. Inside a bulk chunk (`BulkChunkMaintenance`) the open
/// amounts of the chunk's receipts and invoices are written set-based after the rows instead of by the row
/// triggers `receipt_open_insert` and `allocation_open_insert` (one `open_item` insert per receipt and one update
/// per invoice, where the triggers wrote an insert and two updates per receipt), and the balances of the call's
/// customers are moved by the call's effect, once per customer, instead of rolled up by the `open_item` triggers
/// per change: those triggers are suspended for the call (`BulkSuspend`, no DDL). The deferred tables are brought
/// up to date at the chunk's end.
extension SQLiteTransaction {
    func openInvoices(numbers: [String]) throws -> [OpenItem] {
        guard !numbers.isEmpty else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: Self.openInvoicesByNumberSQL),
                                arguments: [AuditJSON.encode(numbers) ?? "[]"]).map(RowMapping.openItem)
    }

    func rowsChanged() -> Int { db.totalChangesCount }

    /// From the numbers to the documents and their open items, in that order (`CROSS JOIN`): on a ledger without
    /// planner statistics (a new one being loaded) SQLite would otherwise walk every open invoice in due-date order.
    static let openInvoicesByNumberSQL = """
        SELECT \(MaintainedOpenItems.columns)
        FROM json_each(?) n CROSS JOIN document d ON d.display_number = n.value
        CROSS JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
        JOIN customer c ON c.id = d.customer_id LEFT JOIN salesperson s ON s.id = d.salesperson_id
        WHERE o.open_amount <> 0
        """

    func latestAllocationDates(invoiceIDs: [Int64]) throws -> [Int64: CivilDate] {
        guard !invoiceIDs.isEmpty else { return [:] }
        var dates: [Int64: CivilDate] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT invoice_id, MAX(date) FROM allocation WHERE invoice_id IN (SELECT value FROM json_each(?))
            GROUP BY invoice_id
            """), arguments: ["[" + invoiceIDs.map(String.init).joined(separator: ",") + "]"])
        while let row = try rows.next() {
            let id: Int64 = row[0], text: String = row[1]
            guard let date = CivilDate(iso: text) else {
                throw LedgerError.storage("allocation of invoice \(id): date '\(text)' is not a date (YYYY-MM-DD)")
            }
            dates[id] = date
        }
        return dates
    }

    func insert(receipts: [Receipt], allocations: [[Allocation]]) throws -> [(receipt: Int64, allocations: [Int64])] {
        guard !receipts.isEmpty else { return [] }
        let receiptFloor = try maxID(of: "receipt")
        guard bulkChunk != nil else { return try insertRows(receipts, allocations, receiptFloor: receiptFloor) }
        let allocationFloor = try maxID(of: "allocation")
        return try BulkSuspend.suspended(db) {
            let ids = try insertRows(receipts, allocations, receiptFloor: receiptFloor,
                                     allocationFloor: allocationFloor)
            try db.cachedStatement(sql: Self.receiptsOpenSQL).execute(arguments: [receiptFloor])
            try db.cachedStatement(sql: Self.invoicesAllocatedSQL).execute(arguments: [allocationFloor])
            try db.cachedStatement(sql: Self.receiptCreditsSQL).execute(arguments: [receiptFloor])
            try db.cachedStatement(sql: Self.invoiceBalancesSQL).execute(arguments: [allocationFloor])
            return ids
        }
    }

    /// Inserts the receipts, then their allocations, each as multi-row statements of bound values (`BoundInsert`;
    /// the row triggers still run per row); the ids are the ones after the largest before the
    /// call, in order (checked, never assumed).
    private func insertRows(_ receipts: [Receipt], _ allocations: [[Allocation]], receiptFloor: Int64,
                            allocationFloor: Int64? = nil) throws -> [(receipt: Int64, allocations: [Int64])] {
        var rows = Self.receiptsInsert.rows(capacity: receipts.count)
        for r in receipts {
            rows.add(r.series); rows.add(r.numberYear); rows.add(r.number); rows.add(r.displayNumber)
            rows.add(r.customerID); rows.add(r.date.description); rows.add(r.amount.minorUnits)
            rows.add(r.amount.currency.code); rows.add(r.method.rawValue); rows.add(r.reference); rows.add(r.note)
        }
        try Self.receiptsInsert.execute(rows, in: db)
        let receiptIDs = try newIDs(table: "receipt", floor: receiptFloor, count: receipts.count)
        var written: [Allocation] = []
        for (id, its) in zip(receiptIDs, allocations) {
            for var allocation in its {
                allocation.sourceID = id
                written.append(allocation)
            }
        }
        var allocationIDs = try insertAllocationRows(written, floor: allocationFloor)[...]
        return zip(receiptIDs, allocations).map { id, its in
            let ids = Array(allocationIDs.prefix(its.count))
            allocationIDs = allocationIDs.dropFirst(its.count)
            return (id, ids)
        }
    }

    func insert(allocations: [Allocation]) throws -> [Int64] { try insertAllocationRows(allocations) }

    /// Inserts `allocations` as multi-row statements of bound values (`BoundInsert`), in order; returns their new
    /// ids, the ones after `floor` (the largest id before the call, read when nil; checked, never assumed).
    func insertAllocationRows(_ allocations: [Allocation], floor: Int64? = nil) throws -> [Int64] {
        guard !allocations.isEmpty else { return [] }
        let floor = try floor ?? maxID(of: "allocation")
        var rows = Self.allocationsInsert.rows(capacity: allocations.count)
        for a in allocations {
            rows.add(a.invoiceID); rows.add(a.source.rawValue); rows.add(a.sourceID); rows.add(a.date.description)
            rows.add(a.amount.minorUnits); rows.add(a.amount.currency.code); rows.add(a.reversesID); rows.add(a.note)
        }
        try Self.allocationsInsert.execute(rows, in: db)
        return try newIDs(table: "allocation", floor: floor, count: allocations.count)
    }

    /// The largest id of `table` (a rowid table written in this transaction only), 0 when empty.
    func maxID(of table: String) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM \(table)")) ?? 0
    }

    /// The ids `floor + 1 … floor + count` a set-based insert of `count` rows into `table` gave its rows in order
    /// (a rowid table without AUTOINCREMENT numbers new rows that way), checked against the last inserted rowid.
    private func newIDs(table: String, floor: Int64, count: Int) throws -> [Int64] {
        guard db.lastInsertedRowID == floor + Int64(count) else {
            throw LedgerError.storage("table \(table): the new rows did not take the ids after \(floor)")
        }
        return (0..<Int64(count)).map { floor + 1 + $0 }
    }

    static let receiptsInsert = BoundInsert(into: "receipt", columns: """
        series, number_year, number, display_number, customer_id, date, amount, currency, method, reference, note
        """)
    static let allocationsInsert = BoundInsert(into: "allocation", columns: """
        invoice_id, source, source_id, date, amount, currency, reverses_id, note
        """)

    /// The call's effect on its customers' balances, moved by it as the `open_item` triggers would have moved them
    /// (s34-gen; the check compares them with the recomputation). Until s33 the balances of every customer the call
    /// touched were recomputed from all their open items: with 10,000 customers a chunk of 1,000 receipts touches
    /// most of them, so each chunk re-read most of the ledger's open invoices (22 % of the writer at 1M, growing
    /// with the ledger). Now, after the open items are written:
    /// - the call's receipts add what they left unapplied (`receiptCreditsSQL`, `?` the receipt floor: the
    ///   triggers' upsert, once per customer and currency);
    /// - (`invoiceBalancesSQL`, `?` the allocation floor) each invoice the call allocated to moves its customer's
    ///   open sum by the call's allocations on it, and the open count by whether it was open (its amount now plus
    ///   those allocations) and is open now;
    /// - `earliest_open_due` is re-read from the partial index `open_item_customer_open` only where an invoice that
    ///   closed held it, and lowered to the due date of an invoice that opened again (none in a load) otherwise.
    /// The call's allocations are read by their rowid range (`NOT INDEXED`: without statistics SQLite would scan all
    /// of `allocation_invoice` for the GROUP BY's order, every allocation of the ledger at each call).
    static let receiptCreditsSQL = CustomerBalanceTriggers.addedSQL(filter: "o.kind = 'receipt' AND o.id > ?")
    static let invoiceBalancesSQL = """
        WITH changed(id, allocated) AS (
            SELECT invoice_id, SUM(amount) FROM allocation NOT INDEXED WHERE id > ? GROUP BY invoice_id
        ), effect(customer_id, currency, amount, n, closed, opened) AS (
            SELECT o.customer_id, o.currency, SUM(-c.allocated),
                   SUM((o.open_amount <> 0) - (o.open_amount + c.allocated <> 0)),
                   MIN(CASE WHEN o.open_amount = 0 AND o.open_amount + c.allocated <> 0 THEN o.due_date END),
                   MIN(CASE WHEN o.open_amount <> 0 AND o.open_amount + c.allocated = 0 THEN o.due_date END)
            FROM changed c JOIN open_item o ON o.kind = 'invoice' AND o.id = c.id
            GROUP BY o.customer_id, o.currency
        )
        UPDATE customer_balance SET open_invoices = open_invoices + e.amount,
            open_invoice_count = open_invoice_count + e.n,
            earliest_open_due = CASE WHEN e.closed = earliest_open_due THEN (
                    SELECT MIN(o.due_date) FROM open_item o WHERE o.customer_id = e.customer_id
                       AND o.currency = e.currency AND o.kind = 'invoice' AND o.open_amount <> 0)
                WHEN e.opened IS NOT NULL AND (earliest_open_due IS NULL OR e.opened < earliest_open_due)
                THEN e.opened ELSE earliest_open_due END
        FROM effect e WHERE customer_balance.customer_id = e.customer_id AND customer_balance.currency = e.currency
        """

    /// The call's receipts in `open_item`, each with its amount less what the call allocated from it (what
    /// `receipt_open_insert` and then `allocation_open_insert` leave).
    static let receiptsOpenSQL = """
        INSERT INTO open_item (kind, id, customer_id, currency, due_date, open_amount)
        SELECT 'receipt', r.id, r.customer_id, r.currency, r.date, r.amount
               - (SELECT COALESCE(SUM(a.amount), 0) FROM allocation a WHERE a.source = 'receipt' AND a.source_id = r.id)
        FROM receipt r WHERE r.id > ?
        """

    /// Each invoice the call allocated to, less the call's allocations on it (what `allocation_open_insert` does
    /// to the invoice's row, once per invoice).
    static let invoicesAllocatedSQL = """
        UPDATE open_item SET open_amount = open_amount
            - (SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = open_item.id AND a.id > ?1)
        WHERE kind = 'invoice' AND id IN (SELECT invoice_id FROM allocation WHERE id > ?1)
        """
}

import GRDB
import LedgerCore

/// The store's half of a chunk of receipts (`BatchRunner.recordReceipts`, issue 10): the reads the chunk is
/// checked against, one statement each, and its insert. Inside a bulk chunk (`BulkChunkMaintenance`) the open
/// amounts of the chunk's receipts and invoices are written set-based after the rows instead of by the row
/// triggers `receipt_open_insert` and `allocation_open_insert` (one `open_item` insert per receipt and one update
/// per invoice, where the triggers wrote an insert and two updates per receipt), and the balances of the call's
/// customers are recomputed from their open items instead of rolled up by the `open_item` triggers per change:
/// those triggers are suspended for the call (`BulkSuspend`, no DDL). The deferred tables are brought up to date
/// at the chunk's end.
extension SQLiteTransaction {
    func openInvoices(numbers: [String]) throws -> [OpenItem] {
        guard !numbers.isEmpty else { return [] }
        return try Row.fetchAll(db.cachedStatement(sql: Self.openInvoicesByNumberSQL),
                                arguments: [AuditJSON.encode(numbers) ?? "[]"]).map(RowMapping.openItem)
    }

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
        guard bulkChunk != nil, !receipts.isEmpty else { return try insertRows(receipts, allocations) }
        let receiptFloor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM receipt")) ?? 0
        let allocationFloor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM allocation"))
            ?? 0
        return try BulkSuspend.suspended(db) {
            let ids = try insertRows(receipts, allocations)
            try db.cachedStatement(sql: Self.receiptsOpenSQL).execute(arguments: [receiptFloor])
            try db.cachedStatement(sql: Self.invoicesAllocatedSQL).execute(arguments: [allocationFloor])
            for sql in Self.balancesSQL { try db.cachedStatement(sql: sql).execute(arguments: [receiptFloor]) }
            return ids
        }
    }

    private func insertRows(_ receipts: [Receipt], _ allocations: [[Allocation]]) throws
        -> [(receipt: Int64, allocations: [Int64])] {
        var ids: [(receipt: Int64, allocations: [Int64])] = []
        ids.reserveCapacity(receipts.count)
        for (receipt, its) in zip(receipts, allocations) {
            let id = try insert(receipt)
            ids.append((id, try its.map { allocation in
                var allocation = allocation
                allocation.sourceID = id
                return try insert(allocation)
            }))
        }
        return ids
    }

    /// The balances of the call's customers, recomputed from their open items by the maintained-balances check's
    /// own rule (a customer's rows zeroed first: one whose items all closed keeps an all-zero row, as the triggers
    /// leave it).
    static let balancesSQL = ["""
        UPDATE customer_balance SET open_invoices = 0, open_invoice_count = 0, unapplied_credits = 0,
            earliest_open_due = NULL
        WHERE customer_id IN (SELECT customer_id FROM receipt WHERE id > ?1)
        """, """
        INSERT OR REPLACE INTO customer_balance (customer_id, currency, open_invoices, open_invoice_count,
                                                 unapplied_credits, earliest_open_due)
        \(MaintainedBalances.recomputedBalancesSQL(from: """
            (SELECT * FROM open_item WHERE open_amount <> 0
             AND customer_id IN (SELECT customer_id FROM receipt WHERE id > ?1))
            """))
        """]

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

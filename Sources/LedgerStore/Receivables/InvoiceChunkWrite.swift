import GRDB
import LedgerCore

/// The store's half of a chunk of invoices (`BatchRunner.postInvoices`, issue 10), and of a single post: the
/// documents go in, then their lines, each as multi-row statements of bound values (`BoundInsert`); the row
/// triggers still run per row. Inside a bulk chunk (`BulkChunkMaintenance`) the documents' open items and
/// their customers' balances are written set-based after the rows — one `INSERT … SELECT` each, what
/// `document_open_insert` and `open_item_balance_insert` do per document — with those triggers suspended for the
/// call (`BulkSuspend`, no DDL). The deferred tables are brought up to date at the chunk's end; outside a bulk chunk
/// the triggers write them.
extension SQLiteTransaction {
    func insert(_ invoice: Invoice) throws -> Int64 {
        try insertRows([invoice])[0]
    }

    func insert(invoices: [Invoice]) throws -> [Int64] {
        guard bulkChunk != nil, !invoices.isEmpty else { return try insertRows(invoices) }
        return try BulkSuspend.suspended(db) {
            let ids = try insertRows(invoices)
            try db.cachedStatement(sql: MaintainedBalanceSchema.documentsOpenSQL).execute(arguments: [ids[0] - 1])
            try db.cachedStatement(sql: Self.documentBalancesSQL).execute(arguments: [ids[0] - 1])
            return ids
        }
    }

    /// Inserts the documents, then their lines; the ids are the ones after the largest before the call, in order
    /// (a rowid table without AUTOINCREMENT numbers new rows that way; checked, never assumed).
    private func insertRows(_ invoices: [Invoice]) throws -> [Int64] {
        guard !invoices.isEmpty else { return [] }
        let floor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM document")) ?? 0
        var documents = Self.documentsInsert.rows(capacity: invoices.count)
        for inv in invoices {
            documents.add(inv.kind.rawValue); documents.add(inv.series); documents.add(inv.numberYear)
            documents.add(inv.number); documents.add(inv.number > 0 ? inv.displayNumber : nil)
            documents.add(inv.date.description); documents.add(inv.dueDate.description)
            documents.add(inv.customerID); documents.add(inv.salespersonID); documents.add(inv.channel)
            documents.add(inv.region); documents.add(inv.currency.code); documents.add(inv.paymentTerms.code)
            documents.add(inv.status.rawValue); documents.add(inv.subtotal.minorUnits)
            documents.add(inv.taxTotal.minorUnits); documents.add(inv.total.minorUnits)
            documents.add(inv.appliesToInvoiceID); documents.add(inv.isDisputed ? 1 : 0)
            documents.add(inv.disputeReason); documents.add(inv.externalReference); documents.add(inv.note)
            documents.add(inv.voidReason)
        }
        try Self.documentsInsert.execute(documents, in: db)
        guard db.lastInsertedRowID == floor + Int64(invoices.count) else {
            throw LedgerError.storage("table document: the new rows did not take the ids after \(floor)")
        }
        let ids = (1...Int64(invoices.count)).map { floor + $0 }
        var lines = Self.linesInsert.rows(capacity: invoices.reduce(0) { $0 + $1.lines.count })
        for (id, inv) in zip(ids, invoices) {
            for (index, line) in inv.lines.enumerated() {
                lines.add(id); lines.add(index + 1); lines.add(line.productID); lines.add(line.description)
                lines.add(line.quantity.thousandths); lines.add(line.unitPrice.minorUnits)
                lines.add(line.discount.basisPoints); lines.add(line.taxRate.basisPoints)
                lines.add(line.netAmount.minorUnits); lines.add(line.taxAmount.minorUnits); lines.add(line.creditsLine)
            }
        }
        try Self.linesInsert.execute(lines, in: db)
        return ids
    }

    static let documentsInsert = BoundInsert(into: "document", columns: """
        kind, series, number_year, number, display_number, date, due_date, customer_id, salesperson_id, channel,
        region, currency, payment_terms, status, subtotal, tax_total, total, applies_to_id, disputed, dispute_reason,
        external_ref, note, void_reason
        """)
    static let linesInsert = BoundInsert(into: "document_line", columns: """
        document_id, line_no, product_id, description, quantity_milli, unit_price, discount_bp, tax_rate_bp,
        net_amount, tax_amount, credits_line_no
        """)

    /// `INSERT INTO table (columns) SELECT value ->> 0, … FROM json_each(?)`: one row per element of a `JSONRows`
    /// (new customers; the chunks' documents, lines, receipts and allocations use `BoundInsert`).
    static func setBasedInsert(into table: String, columns: String) -> String {
        let count = columns.split(separator: ",").count
        return "INSERT INTO \(table) (\(columns)) SELECT "
            + (0..<count).map { "value ->> \($0)" }.joined(separator: ", ") + " FROM json_each(?)"
    }

    /// The balances of the call's documents' customers, moved by their new open items.
    static let documentBalancesSQL = CustomerBalanceTriggers.addedSQL(
        filter: "o.kind IN ('invoice', 'credit_note') AND o.id > ?1")
}

import GRDB
import LedgerCore

/// The store's half of a chunk of invoices (`BatchRunner.postInvoices`, issue 10). Inside a bulk chunk
/// (`BulkChunkMaintenance`) the documents' open items and their customers' balances are written set-based after the
/// rows — one `INSERT … SELECT` each, what `document_open_insert` and `open_item_balance_insert` do per document —
/// instead of by those triggers: they are dropped for the call and created again from their text, in the same
/// transaction. The deferred tables are brought up to date at the chunk's end; outside a bulk chunk, and for a call
/// of fewer than `setBasedMinimum` documents, the triggers stay on: dropping and creating two triggers changes the
/// schema, and every prepared statement (the document insert compiles all its triggers) is prepared again after it —
/// measured at 10k invoices in calls of ~50 (the generator's chunks end at each credit note) as +12–23 % CPU.
extension SQLiteTransaction {
    static let setBasedMinimum = 500

    func insert(invoices: [Invoice]) throws -> [Int64] {
        let setBased = bulkChunk != nil && invoices.count >= Self.setBasedMinimum
        let floor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM document")) ?? 0
        let dropped = setBased ? try BulkChunkMaintenance.drop(Self.documentOpenTriggers, db) : []
        let ids = try invoices.map { try insert($0) }
        if dropped.contains(where: { $0.0 == "document_open_insert" }) {
            try db.execute(sql: MaintainedBalanceSchema.documentsOpenSQL, arguments: [floor])
        }
        if dropped.contains(where: { $0.0 == "open_item_balance_insert" }) {
            try db.execute(sql: Self.documentBalancesSQL, arguments: [floor])
        }
        for (_, sql) in dropped { try db.execute(sql: sql) }
        return ids
    }

    static let documentOpenTriggers = ["document_open_insert", "open_item_balance_insert"]

    /// The balances of the call's documents' customers, moved by their new open items.
    static let documentBalancesSQL = CustomerBalanceTriggers.addedSQL(
        filter: "o.kind IN ('invoice', 'credit_note') AND o.id > ?1")
}

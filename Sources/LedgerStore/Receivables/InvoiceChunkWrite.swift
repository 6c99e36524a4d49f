import GRDB
import LedgerCore

/// The store's half of a chunk of invoices (`BatchRunner.postInvoices`, issue 10). Inside a bulk chunk
/// (`BulkChunkMaintenance`) the documents' open items and their customers' balances are written set-based after the
/// rows — one `INSERT … SELECT` each, what `document_open_insert` and `open_item_balance_insert` do per document —
/// with those triggers suspended for the call (`BulkSuspend`, no DDL). The deferred tables are brought up to date
/// at the chunk's end; outside a bulk chunk the triggers write them.
extension SQLiteTransaction {
    func insert(invoices: [Invoice]) throws -> [Int64] {
        guard bulkChunk != nil else { return try invoices.map { try insert($0) } }
        let floor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM document")) ?? 0
        return try BulkSuspend.suspended(db) {
            let ids = try invoices.map { try insert($0) }
            try db.cachedStatement(sql: MaintainedBalanceSchema.documentsOpenSQL).execute(arguments: [floor])
            try db.cachedStatement(sql: Self.documentBalancesSQL).execute(arguments: [floor])
            return ids
        }
    }

    /// The balances of the call's documents' customers, moved by their new open items.
    static let documentBalancesSQL = CustomerBalanceTriggers.addedSQL(
        filter: "o.kind IN ('invoice', 'credit_note') AND o.id > ?1")
}

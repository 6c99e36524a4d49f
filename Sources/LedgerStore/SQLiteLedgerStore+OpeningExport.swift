import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// Every posted invoice open as of `asOf` (the items of `openItems(asOf:)`), ordered by customer code, date and
    /// number in SQL (the order of `export opening`), handed to `body` at most `batchSize` at a time with the
    /// references of that batch (`references(of:)`: number → the earlier system's number, when it has one). One
    /// cursor in one read: memory follows a batch, not the ledger (issue 10: `export opening` held 180k open items,
    /// their rows and its whole text at 1M, 226.5 MB). `body` must not start another read of its own.
    /// - Throws: `LedgerError.storage` for a bad stored row, or what `body` throws.
    public func forEachOpenItemByCustomer(asOf: CivilDate, batchSize: Int = 500,
                                          _ body: ([OpenItem], [String: String]) throws -> Void) throws {
        let sql = RowMapping.openItemsSQL(whereClause: "1", orderBy: "c.code, d.date, d.display_number")
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: ["asOf": asOf.description])
            var batch: [OpenItem] = []
            batch.reserveCapacity(max(1, batchSize))
            func flush() throws {
                guard !batch.isEmpty else { return }
                try body(batch, try Self.references(db, of: batch.map(\.number)))
                batch.removeAll(keepingCapacity: true)
            }
            while let row = try rows.next() {
                batch.append(try RowMapping.openItem(row))
                if batch.count >= batchSize { try flush() }
            }
            try flush()
        }
    }
}

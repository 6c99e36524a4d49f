import GRDB
import LedgerCore

extension SQLiteTransaction {
    /// Inserts `customers` with one statement from a JSON text (`JSONRows`, issue 10: an import's new customers a
    /// chunk at a time, and every single insert); their search index is written set-based with its insert triggers
    /// suspended (`CustomerSearchFill`: the same rows the triggers write). The ids are the ones after the
    /// largest before the call, in order (a rowid table without AUTOINCREMENT numbers new rows that way; checked
    /// against the last inserted rowid, never assumed). Each row, as stored, is cached by code: an import posts to
    /// the customers it has just created without reading them back. - Throws: `LedgerError.storage`.
    func insert(customers: [Customer]) throws -> [Int64] {
        guard !customers.isEmpty else { return [] }
        let floor = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM customer")) ?? 0
        var rows = JSONRows()
        for c in customers {
            rows.row()
            rows.add(c.code); rows.add(c.name); rows.add(c.contact); rows.add(c.phone); rows.add(c.email)
            rows.add(c.address); rows.add(c.region); rows.add(c.channel); rows.add(c.customerClass)
            rows.add(c.creditLimit?.minorUnits); rows.add(c.paymentTerms.code); rows.add(c.currency.code)
            rows.add(c.notes); rows.add(c.isArchived ? 1 : 0); rows.add(c.pinyin); rows.add(c.pinyinInitials)
        }
        try BulkSuspend.suspended(db) {
            try db.cachedStatement(sql: Self.customersSQL).execute(arguments: [rows.text])
            guard db.lastInsertedRowID == floor + Int64(customers.count) else {
                throw LedgerError.storage("table customer: the new rows did not take the ids after \(floor)")
            }
            try CustomerSearchFill.fill(db, after: floor)
        }
        let ids = (1...Int64(customers.count)).map { floor + $0 }
        for (id, customer) in zip(ids, customers) {
            var stored = customer
            stored.id = id
            customersByCode[stored.code] = stored
        }
        return ids
    }

    static let customersSQL = setBasedInsert(into: "customer", columns: RowMapping.customerColumns)
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func entryHistory(customerCode: String, skus: [String]) throws -> EntryHistory {
        try read { db in
            var history = EntryHistory()
            if let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COALESCE(SUM(d.total), 0) AS total
                FROM document d JOIN customer c ON c.id = d.customer_id
                WHERE c.code = ? AND d.kind = 'invoice' AND d.status = 'posted'
                """, arguments: [customerCode]) {
                let count: Int = row[QueryColumns.count]
                let total: Int64 = row[QueryColumns.total]
                history.customerInvoices = count
                history.customerAverageTotal = count > 0 ? total / Int64(count) : 0
            }
            for sku in Set(skus) {
                // Lines of posted invoices only (credit notes and drafts say nothing about a usual sale).
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT COUNT(*) AS n, COALESCE(MAX(l.quantity_milli), 0) AS q,
                      COALESCE(MIN(l.unit_price), 0) AS lo, COALESCE(MAX(l.unit_price), 0) AS hi
                    FROM document_line l JOIN document d ON d.id = l.document_id JOIN product p ON p.id = l.product_id
                    WHERE p.sku = ? AND d.kind = 'invoice' AND d.status = 'posted'
                    """, arguments: [sku]) else { continue }
                let count: Int = row[QueryColumns.count]
                guard count > 0 else { continue }
                history.products[sku] = ProductHistory(lines: count, maxQuantity: row[QueryColumns.quantity],
                                                       minUnitPrice: row[QueryColumns.lowPrice],
                                                       maxUnitPrice: row[QueryColumns.highPrice])
            }
            return history
        }
    }

    public func receiptsWithReference(customerCode: String, reference: String) throws -> [String] {
        let trimmed = reference.trimmingSpacesForSearch()
        guard !trimmed.isEmpty else { return [] }
        return try read { db in
            try String.fetchAll(db, sql: """
                SELECT r.display_number FROM receipt r JOIN customer c ON c.id = r.customer_id
                WHERE c.code = ? AND TRIM(r.reference) = ? ORDER BY r.date, r.id
                """, arguments: [customerCode, trimmed])
        }
    }
}

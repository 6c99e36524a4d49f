import GRDB
import LedgerCore

extension SQLiteLedgerStore: VoucherQueries {
    /// Posted documents, receipts and voucher-relevant allocations dated in `from...to`. Document parts are the
    /// lines summed by product category and tax rate; when a document's lines do not add up to its stored
    /// subtotal and tax (documents without lines), it gets one uncategorised part from the header figures, so
    /// revenue and VAT always equal `salesReport`.
    public func voucherSource(from: CivilDate, to: CivilDate) throws -> VoucherSource {
        let range: StatementArguments = [from.description, to.description]
        typealias C = QueryColumns
        return try read { db in
            var parts: [Int64: [VoucherDocument.Part]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT l.document_id AS id, COALESCE(p.category, '') AS category, l.tax_rate_bp AS rate,
                       SUM(l.net_amount) AS net, SUM(l.tax_amount) AS tax
                FROM document_line l JOIN document d ON d.id = l.document_id LEFT JOIN product p ON p.id = l.product_id
                WHERE d.status = 'posted' AND d.date BETWEEN ? AND ?
                GROUP BY l.document_id, category, rate ORDER BY l.document_id, category, rate
                """, arguments: range) {
                parts[row[C.id], default: []].append(VoucherDocument.Part(
                    category: row[C.category], taxRate: Rate(basisPoints: row[C.rate]), net: row[C.net],
                    tax: row[C.tax]))
            }
            let documents = try Row.fetchAll(db, sql: """
                SELECT d.id, d.display_number, d.kind, d.date, d.channel, d.currency, d.subtotal, d.tax_total, d.total,
                       c.code, c.name
                FROM document d JOIN customer c ON c.id = d.customer_id
                WHERE d.status = 'posted' AND d.date BETWEEN ? AND ? ORDER BY d.date, d.id
                """, arguments: range).map { row -> VoucherDocument in
                let id: Int64 = row[C.id], net: Int64 = row[C.subtotal], tax: Int64 = row[C.taxTotal]
                var split = parts[id] ?? []
                if split.reduce(0, { $0 + $1.net }) != net || split.reduce(0, { $0 + $1.tax }) != tax {
                    split = [VoucherDocument.Part(category: "", taxRate: .zero, net: net, tax: tax)]
                }
                return VoucherDocument(number: row[C.displayNumber], kind: try RowMapping.code(row, C.kind, "document"),
                                       date: try RowMapping.date(row, C.date, "document"), customerCode: row[C.code],
                                       customerName: row[C.name], channel: row[Invoice.Columns.channel],
                                       currency: try RowMapping.currency(row, "document"), total: row[C.total],
                                       parts: split)
            }
            let receipts = try Row.fetchAll(db, sql: """
                SELECT r.id, r.display_number, r.date, r.method, r.reference, r.currency, r.amount, c.code, c.name,
                       COALESCE((SELECT SUM(a.amount) FROM allocation a
                                 WHERE a.source = 'receipt' AND a.source_id = r.id AND a.date = r.date), 0) AS applied
                FROM receipt r JOIN customer c ON c.id = r.customer_id
                WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id
                """, arguments: range).map { row in
                VoucherReceipt(number: row[C.displayNumber], date: try RowMapping.date(row, C.date, "receipt"),
                               customerCode: row[C.code], customerName: row[C.name],
                               method: try RowMapping.code(row, C.method, "receipt"), reference: row[C.reference],
                               currency: try RowMapping.currency(row, "receipt"), amount: row[C.amount],
                               appliedOnReceipt: row[C.applied])
            }
            let allocations = try Row.fetchAll(db, sql: """
                SELECT a.id, a.source, a.date, a.amount, a.currency, d.display_number, c.code, c.name,
                       COALESCE(r.display_number, '') AS receipt
                FROM allocation a JOIN document d ON d.id = a.invoice_id JOIN customer c ON c.id = d.customer_id
                LEFT JOIN receipt r ON a.source = 'receipt' AND r.id = a.source_id
                WHERE a.date BETWEEN ? AND ? AND (a.source = 'write_off' OR (a.source = 'receipt' AND a.date > r.date))
                ORDER BY a.date, a.id
                """, arguments: range).map { row in
                VoucherAllocation(kind: (row[C.source] as String) == "write_off" ? .writeOff : .advanceApplied,
                                  date: try RowMapping.date(row, C.date, "allocation"),
                                  invoiceNumber: row[C.displayNumber],
                                  sourceNumber: row[C.receipt], customerCode: row[C.code], customerName: row[C.name],
                                  currency: try RowMapping.currency(row, "allocation"), amount: row[C.amount])
            }
            return VoucherSource(documents: documents, receipts: receipts, allocations: allocations)
        }
    }
}

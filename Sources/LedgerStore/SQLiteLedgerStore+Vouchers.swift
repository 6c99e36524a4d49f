import GRDB
import LedgerCore

extension SQLiteLedgerStore: VoucherQueries {
    /// Posted documents, receipts and voucher-relevant allocations dated in `from...to`. Document parts are the
    /// lines summed by product category and tax rate; when a document's lines do not add up to its stored
    /// subtotal and tax (documents without lines), it gets one uncategorised part from the header figures, so
    /// revenue and VAT always equal `salesReport`.
    public func voucherSource(from: CivilDate, to: CivilDate) throws -> VoucherSource {
        let range: StatementArguments = [from.description, to.description]
        return try read { db in
            var parts: [Int64: [VoucherDocument.Part]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT l.document_id AS id, COALESCE(p.category, '') AS category, l.tax_rate_bp AS rate,
                       SUM(l.net_amount) AS net, SUM(l.tax_amount) AS tax
                FROM document_line l JOIN document d ON d.id = l.document_id LEFT JOIN product p ON p.id = l.product_id
                WHERE d.status = 'posted' AND d.date BETWEEN ? AND ?
                GROUP BY l.document_id, category, rate ORDER BY l.document_id, category, rate
                """, arguments: range) {
                parts[row["id"], default: []].append(VoucherDocument.Part(
                    category: row["category"], taxRate: Rate(basisPoints: row["rate"]), net: row["net"], tax: row["tax"]))
            }
            let documents = try Row.fetchAll(db, sql: """
                SELECT d.id, d.display_number, d.kind, d.date, d.channel, d.currency, d.subtotal, d.tax_total, d.total,
                       c.code, c.name
                FROM document d JOIN customer c ON c.id = d.customer_id
                WHERE d.status = 'posted' AND d.date BETWEEN ? AND ? ORDER BY d.date, d.id
                """, arguments: range).map { row -> VoucherDocument in
                let id: Int64 = row["id"], net: Int64 = row["subtotal"], tax: Int64 = row["tax_total"]
                var split = parts[id] ?? []
                if split.reduce(0, { $0 + $1.net }) != net || split.reduce(0, { $0 + $1.tax }) != tax {
                    split = [VoucherDocument.Part(category: "", taxRate: .zero, net: net, tax: tax)]
                }
                return VoucherDocument(number: row["display_number"], kind: DocumentKind(rawValue: row["kind"]) ?? .invoice,
                                       date: RowMapping.date(row["date"]), customerCode: row["code"], customerName: row["name"],
                                       channel: row["channel"], currency: RowMapping.currency(row["currency"]),
                                       total: row["total"], parts: split)
            }
            let receipts = try Row.fetchAll(db, sql: """
                SELECT r.display_number, r.date, r.method, r.reference, r.currency, r.amount, c.code, c.name,
                       COALESCE((SELECT SUM(a.amount) FROM allocation a
                                 WHERE a.source = 'receipt' AND a.source_id = r.id AND a.date = r.date), 0) AS applied
                FROM receipt r JOIN customer c ON c.id = r.customer_id
                WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id
                """, arguments: range).map { row in
                VoucherReceipt(number: row["display_number"], date: RowMapping.date(row["date"]), customerCode: row["code"],
                               customerName: row["name"], method: PaymentMethod(rawValue: row["method"]) ?? .other,
                               reference: row["reference"], currency: RowMapping.currency(row["currency"]),
                               amount: row["amount"], appliedOnReceipt: row["applied"])
            }
            let allocations = try Row.fetchAll(db, sql: """
                SELECT a.source, a.date, a.amount, a.currency, d.display_number, c.code, c.name,
                       COALESCE(r.display_number, '') AS receipt
                FROM allocation a JOIN document d ON d.id = a.invoice_id JOIN customer c ON c.id = d.customer_id
                LEFT JOIN receipt r ON a.source = 'receipt' AND r.id = a.source_id
                WHERE a.date BETWEEN ? AND ? AND (a.source = 'write_off' OR (a.source = 'receipt' AND a.date > r.date))
                ORDER BY a.date, a.id
                """, arguments: range).map { row in
                VoucherAllocation(kind: (row["source"] as String) == "write_off" ? .writeOff : .advanceApplied,
                                  date: RowMapping.date(row["date"]), invoiceNumber: row["display_number"],
                                  sourceNumber: row["receipt"], customerCode: row["code"], customerName: row["name"],
                                  currency: RowMapping.currency(row["currency"]), amount: row["amount"])
            }
            return VoucherSource(documents: documents, receipts: receipts, allocations: allocations)
        }
    }
}

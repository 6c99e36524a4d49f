import GRDB
import LedgerCore

extension SQLiteLedgerStore: VoucherQueries {
    public func voucherCurrencies(from: CivilDate, to: CivilDate) throws -> Set<Currency> {
        try read { db in
            let codes = try String.fetchAll(db, sql: """
                SELECT currency FROM document WHERE status = 'posted' AND date BETWEEN ?1 AND ?2
                UNION SELECT currency FROM receipt WHERE date BETWEEN ?1 AND ?2
                UNION SELECT currency FROM allocation WHERE date BETWEEN ?1 AND ?2 \
                AND source IN ('write_off', 'receipt')
                """, arguments: [from.description, to.description])
            return Set(codes.compactMap { Currency.named($0) })
        }
    }

    /// What was allocated to allocation `a`'s invoice before it (by date, then id), all sources.
    static let allocatedBeforeSQL = """
        (SELECT COALESCE(SUM(b.amount), 0) FROM allocation b WHERE b.invoice_id = a.invoice_id
         AND (b.date < a.date OR (b.date = a.date AND b.id < a.id)))
        """

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
            var settlements: [Int64: [VoucherSettlement]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT a.source_id AS receipt, d.display_number, d.date, a.amount, \(Self.allocatedBeforeSQL) AS before
                FROM allocation a JOIN receipt r ON r.id = a.source_id JOIN document d ON d.id = a.invoice_id
                WHERE a.source = 'receipt' AND r.date BETWEEN ? AND ? AND a.date = r.date ORDER BY a.source_id, a.id
                """, arguments: range) {
                settlements[row[C.receipt], default: []].append(VoucherSettlement(
                    invoiceNumber: row[C.displayNumber], invoiceDate: try RowMapping.date(row, C.date, "document"),
                    allocatedBefore: row[C.before], amount: row[C.amount]))
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
                               appliedOnReceipt: row[C.applied], settlements: settlements[row[C.id]] ?? [])
            }
            let allocations = try Row.fetchAll(db, sql: """
                SELECT a.source, a.date, a.amount, a.currency, d.display_number, c.code, c.name,
                       COALESCE(r.display_number, '') AS receipt, r.date AS receipt_date, d.date AS invoice_date,
                       \(Self.allocatedBeforeSQL) AS before
                FROM allocation a JOIN document d ON d.id = a.invoice_id JOIN customer c ON c.id = d.customer_id
                LEFT JOIN receipt r ON a.source = 'receipt' AND r.id = a.source_id
                WHERE a.date BETWEEN ? AND ? AND (a.source = 'write_off' OR (a.source = 'receipt' AND a.date > r.date))
                ORDER BY a.date, a.id
                """, arguments: range).map { row in
                VoucherAllocation(kind: (row[C.source] as String) == "write_off" ? .writeOff : .advanceApplied,
                                  date: try RowMapping.date(row, C.date, "allocation"),
                                  invoiceNumber: row[C.displayNumber], sourceNumber: row[C.receipt],
                                  customerCode: row[C.code], customerName: row[C.name],
                                  currency: try RowMapping.currency(row, "allocation"), amount: row[C.amount],
                                  invoice: VoucherSettlement(
                                    invoiceNumber: row[C.displayNumber],
                                    invoiceDate: try RowMapping.date(row, C.invoiceDate, "document"),
                                    allocatedBefore: row[C.before], amount: row[C.amount]),
                                  sourceDate: (row[C.receiptDate] as String?).flatMap { CivilDate(iso: $0) })
            }
            return VoucherSource(documents: documents, receipts: receipts, allocations: allocations)
        }
    }
}

extension SQLiteLedgerStore {
    /// The reference each of `numbers` (document or receipt numbers) came with, when it has one: a document's
    /// external reference, a receipt's reference (an earlier system's number, for `export opening`). Reads only
    /// those records, 500 numbers per query.
    public func references(of numbers: [String]) throws -> [String: String] {
        try read { db in try Self.references(db, of: numbers) }
    }

    /// `references(of:)` inside a read.
    static func references(_ db: Database, of numbers: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        for start in stride(from: 0, to: numbers.count, by: 500) {
            let part = Array(numbers[start..<min(start + 500, numbers.count)])
            let marks = Array(repeating: "?", count: part.count).joined(separator: ",")
            for (table, column) in [("document", "external_ref"), ("receipt", "reference")] {
                for row in try Row.fetchAll(db, sql: """
                    SELECT display_number AS number, \(column) AS ref FROM \(table)
                    WHERE display_number IN (\(marks)) AND COALESCE(\(column), '') <> ''
                    """, arguments: StatementArguments(part)) {
                    out[row[QueryColumns.number]] = row[QueryColumns.ref]
                }
            }
        }
        return out
    }
}

import Foundation
import GRDB
import LedgerCore

/// The periodic audit's reads (issue 10): each check's rows only, set-based in SQL or through a cursor.
extension SQLiteLedgerStore: AuditCheckQueries {
    /// `document` with its customer's code and its line sums (`AuditDocument.Columns`), as `d`.
    static let auditDocumentSelect = """
        SELECT d.*, c.code AS customer_code,
               (SELECT COUNT(*) FROM document_line l WHERE l.document_id = d.id) AS line_count,
               (SELECT COALESCE(SUM(l.net_amount), 0) FROM document_line l WHERE l.document_id = d.id) AS line_net,
               (SELECT COALESCE(SUM(l.tax_amount), 0) FROM document_line l WHERE l.document_id = d.id) AS line_tax
        FROM document d JOIN customer c ON c.id = d.customer_id
        """

    /// The largest id list bound in one statement.
    static let idChunk = 500

    public func auditDocumentCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0 }
    }

    public func forEachAuditDocument(_ scope: AuditDocumentScope, _ body: (AuditDocument) throws -> Void) throws {
        let select = Self.auditDocumentSelect
        switch scope {
        case .totalsMismatch:
            // The line sums are read once per document here (a join on grouped lines), not three times.
            try auditDocuments("""
                SELECT d.*, c.code AS customer_code, COALESCE(l.n, 0) AS line_count,
                       COALESCE(l.net, 0) AS line_net, COALESCE(l.tax, 0) AS line_tax
                FROM document d JOIN customer c ON c.id = d.customer_id
                LEFT JOIN (SELECT document_id, COUNT(*) AS n, SUM(net_amount) AS net, SUM(tax_amount) AS tax
                           FROM document_line GROUP BY document_id) l ON l.document_id = d.id
                WHERE d.status <> 'draft' AND (d.subtotal <> COALESCE(l.net, 0) OR d.tax_total <> COALESCE(l.tax, 0)
                      OR d.total <> d.subtotal + d.tax_total)
                ORDER BY d.id
                """, [], body)
        case .dated(let from, let to):
            try auditDocuments("\(select) WHERE d.date BETWEEN ? AND ? ORDER BY d.id", [from.description,
                                                                                     to.description], body)
        case .ids(let ids):
            for chunk in Self.chunks(Array(Set(ids)).sorted()) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                try auditDocuments("\(select) WHERE d.id IN (\(marks)) ORDER BY d.id",
                                   StatementArguments(chunk), body)
            }
        case .duplicateInvoices(let from, let to):
            try auditDocuments("""
                \(select) JOIN (SELECT id FROM (
                    SELECT id, COUNT(*) OVER (PARTITION BY customer_id, currency, total, date) AS n FROM document
                    WHERE kind = 'invoice' AND status = 'posted' AND date BETWEEN ? AND ?) WHERE n > 1) k
                  ON k.id = d.id
                ORDER BY d.id
                """, [from.description, to.description], body)
        case .creditNotesAfter(let date):
            try auditDocuments("""
                \(select) WHERE d.kind = 'credit_note' AND d.status = 'posted' AND d.date > ?
                  AND d.applies_to_id IS NOT NULL ORDER BY d.id
                """, [date.description], body)
        case .draftsBefore(let date):
            try auditDocuments("\(select) WHERE d.status = 'draft' AND d.date < ? ORDER BY d.id",
                               [date.description], body)
        case .disputedInvoices:
            try auditDocuments("""
                \(select) WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.disputed <> 0 ORDER BY d.id
                """, [], body)
        case .invoicesOf(let customers):
            for chunk in Self.chunks(Array(Set(customers)).sorted()) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                try auditDocuments("\(select) WHERE d.kind = 'invoice' AND d.customer_id IN (\(marks)) ORDER BY d.id",
                                   StatementArguments(chunk), body)
            }
        }
    }

    private func auditDocuments(_ sql: String, _ arguments: StatementArguments,
                                _ body: (AuditDocument) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { try body(try Self.auditDocument(row)) }
        }
    }

    static func chunks(_ ids: [Int64]) -> [[Int64]] {
        stride(from: 0, to: ids.count, by: idChunk).map { Array(ids[$0..<min($0 + idChunk, ids.count)]) }
    }

    /// Trims what `String.trimmingCharacters(in: .whitespacesAndNewlines)` trims, in SQL.
    static let trimmedReference: String = {
        let spaces = [9, 10, 11, 12, 13, 32, 133, 160, 5760] + Array(8192...8202) + [8232, 8233, 8239, 8287, 12288]
        return "trim(reference, char(\(spaces.map(String.init).joined(separator: ", "))))"
    }()

    public func forEachAuditReceipt(_ scope: AuditReceiptScope, _ body: (AuditReceipt) throws -> Void) throws {
        let select = "SELECT r.*, c.code AS customer_code FROM receipt r JOIN customer c ON c.id = r.customer_id"
        switch scope {
        case .dated(let from, let to):
            try auditReceipts("\(select) WHERE r.date BETWEEN ? AND ? ORDER BY r.date, r.id",
                              [from.description, to.description], body)
        case .ids(let ids):
            var all: [AuditReceipt] = []
            for chunk in Self.chunks(Array(Set(ids)).sorted()) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                try auditReceipts("\(select) WHERE r.id IN (\(marks))", StatementArguments(chunk)) { all.append($0) }
            }
            for r in all.sorted(by: { ($0.receipt.date, $0.receipt.id) < ($1.receipt.date, $1.receipt.id) }) {
                try body(r)
            }
        case .sharedReferences(let from, let to):
            let trimmed = Self.trimmedReference
            try auditReceipts("""
                WITH k AS (SELECT \(trimmed) AS ref FROM receipt WHERE \(trimmed) <> ''
                           GROUP BY ref HAVING COUNT(*) > 1 AND MAX(date BETWEEN ? AND ?))
                \(select) JOIN k ON k.ref = \(trimmed.replacingOccurrences(of: "reference", with: "r.reference"))
                ORDER BY r.date, r.id
                """, [from.description, to.description], body)
        }
    }

    private func auditReceipts(_ sql: String, _ arguments: StatementArguments,
                               _ body: (AuditReceipt) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                try body(AuditReceipt(receipt: try RowMapping.receipt(row),
                                      customerCode: row[QueryColumns.customerCode]))
            }
        }
    }

    public func overAllocatedDocuments(toInvoice: Bool) throws -> [(document: AuditDocument, allocated: Int64)] {
        let sums = toInvoice
            ? "SELECT invoice_id AS id, SUM(amount) AS applied FROM allocation GROUP BY invoice_id"
            : "SELECT source_id AS id, SUM(amount) AS applied FROM allocation WHERE source = 'credit_note' "
                + "GROUP BY source_id"
        let select = Self.auditDocumentSelect.replacingOccurrences(of: "\nFROM document d",
                                                                   with: ", s.applied\nFROM document d")
        return try read { db in
            try Row.fetchAll(db, sql: """
                \(select)
                JOIN (\(sums)) s ON s.id = d.id
                WHERE \(toInvoice ? "" : "d.kind = 'credit_note' AND ")
                      (s.applied > (CASE WHEN d.status = 'posted' THEN d.total ELSE 0 END) OR s.applied < 0)
                ORDER BY d.id
                """).map { (try Self.auditDocument($0), $0[QueryColumns.applied]) }
        }
    }

    public func overAllocatedReceipts() throws -> [(receipt: AuditReceipt, allocated: Int64)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.*, c.code AS customer_code, s.applied FROM receipt r JOIN customer c ON c.id = r.customer_id
                JOIN (SELECT source_id AS id, SUM(amount) AS applied FROM allocation WHERE source = 'receipt'
                      GROUP BY source_id) s ON s.id = r.id
                WHERE s.applied > r.amount OR s.applied < 0
                ORDER BY r.date, r.id
                """).map {
                (AuditReceipt(receipt: try RowMapping.receipt($0), customerCode: $0[QueryColumns.customerCode]),
                 $0[QueryColumns.applied])
            }
        }
    }

    /// Every numbered document and every receipt: series, year, number.
    static let numberedSQL = """
        SELECT series, number_year, number FROM document WHERE number > 0
        UNION ALL SELECT series, number_year, number FROM receipt
        """

    public func auditNumberSeries() throws -> [AuditNumberSeries] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT series, year, SUM(n) AS n, MAX(highest) AS last, MAX(counter) AS last_number FROM (
                  SELECT series, number_year AS year, COUNT(*) AS n, MAX(number) AS highest, 0 AS counter
                  FROM (\(Self.numberedSQL)) GROUP BY series, number_year
                  UNION ALL SELECT series, year, 0, 0, last_number FROM number_series
                ) GROUP BY series, year ORDER BY series, year
                """).map {
                AuditNumberSeries(series: $0[QueryColumns.series], year: $0[QueryColumns.year],
                                  count: $0[QueryColumns.count], highest: $0[QueryColumns.last],
                                  counter: $0[QueryColumns.lastNumber])
            }
        }
    }

    public func forEachAuditNumberGap(_ body: (_ series: String, _ year: Int, _ first: Int, _ last: Int) throws -> Void)
        throws
    {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT series, year, MAX(COALESCE(before, 0), 0) + 1 AS first, number - 1 AS last FROM (
                  SELECT series, number_year AS year, number,
                         LAG(number) OVER (PARTITION BY series, number_year ORDER BY number) AS before
                  FROM (\(Self.numberedSQL)))
                WHERE number - 1 >= MAX(COALESCE(before, 0), 0) + 1
                ORDER BY series, year, number
                """)
            while let row = try rows.next() {
                try body(row[QueryColumns.series], row[QueryColumns.year], row[QueryColumns.first],
                         row[QueryColumns.last])
            }
        }
    }

    public func auditDuplicateNumbers() throws -> [AuditNumberHolder] {
        try read { db in
            try Row.fetchAll(db, sql: """
                WITH k AS (SELECT series, number_year, number FROM (\(Self.numberedSQL))
                           GROUP BY series, number_year, number HAVING COUNT(*) > 1)
                SELECT * FROM (
                  SELECT d.series, d.number_year AS year, d.number, COALESCE(d.display_number, '') AS display_number,
                         c.code AS customer_code, 0 AS part, '' AS date, d.id
                  FROM document d JOIN k USING (series, number_year, number) JOIN customer c ON c.id = d.customer_id
                  UNION ALL
                  SELECT r.series, r.number_year, r.number, '', c.code, 1, r.date, r.id
                  FROM receipt r JOIN k USING (series, number_year, number) JOIN customer c ON c.id = r.customer_id)
                ORDER BY series, year, number, part, date, id
                """).map { row in
                let series: String = row[QueryColumns.series]
                let year: Int = row[QueryColumns.year]
                let number: Int = row[QueryColumns.number]
                let stored: String = row[QueryColumns.displayNumber]
                // A receipt's number is shown as `Receipt.displayNumber` formats it.
                let display = stored.isEmpty && (row[AuditCheckColumns.part] as Int) == 1
                    ? Invoice.formatNumber(series: series, year: year, number: number) : stored
                return AuditNumberHolder(series: series, year: year, number: number, displayNumber: display,
                                         customerCode: row[QueryColumns.customerCode])
            }
        }
    }

    public func auditCustomerBalances(asOf: CivilDate) throws -> [AuditCustomerBalance] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.*, b.currency AS balance_currency, b.balance FROM (
                  SELECT customer_id, currency, SUM(amount) AS balance FROM (
                    SELECT customer_id, currency, CASE kind WHEN 'invoice' THEN total ELSE -total END AS amount
                    FROM document WHERE status = 'posted' AND date <= :asOf
                    UNION ALL SELECT customer_id, currency, -amount FROM receipt WHERE date <= :asOf
                    UNION ALL SELECT d.customer_id, a.currency, -a.amount
                    FROM allocation a JOIN document d ON d.id = a.invoice_id AND d.status = 'posted'
                    WHERE a.source = 'write_off' AND a.date <= :asOf)
                  GROUP BY customer_id, currency HAVING SUM(amount) <> 0) b
                JOIN customer c ON c.id = b.customer_id
                ORDER BY c.code, b.currency
                """, arguments: ["asOf": asOf.description]).map { row in
                let code: String = row[AuditCheckColumns.balanceCurrency]
                guard let currency = Currency.named(code) else {
                    throw LedgerError.storage("table customer, row \(row[QueryColumns.id] as Int64), "
                                              + "column currency: unknown currency \(code)")
                }
                return AuditCustomerBalance(customer: try RowMapping.customer(row), currency: currency,
                                            balance: row[AuditCheckColumns.balance])
            }
        }
    }

    public func auditWriteOffs(from: CivilDate, to: CivilDate) throws -> [Allocation] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM allocation WHERE source = 'write_off' AND reverses_id IS NULL AND date BETWEEN ? AND ?
                ORDER BY date, id
                """, arguments: [from.description, to.description]).map(RowMapping.allocation)
        }
    }
}

/// Columns of the audit checks' rows beside the tables' own.
enum AuditCheckColumns: String, ColumnExpression {
    case balanceCurrency = "balance_currency", balance, part
}

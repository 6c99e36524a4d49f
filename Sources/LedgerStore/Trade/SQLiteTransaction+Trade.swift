import GRDB
import LedgerCore

extension SQLiteTransaction {
    func taxDetails(customerID: Int64) throws -> CustomerTaxDetails? {
        try TradeRows.taxDetails(db, customerID: customerID)
    }

    func save(_ d: CustomerTaxDetails, customerID: Int64) throws {
        try db.execute(sql: """
            INSERT INTO customer_tax (customer_id, tax_id, invoice_title, address_phone, bank_account, no_fapiao)
            VALUES (?,?,?,?,?,?)
            ON CONFLICT(customer_id) DO UPDATE SET tax_id = excluded.tax_id, invoice_title = excluded.invoice_title,
              address_phone = excluded.address_phone, bank_account = excluded.bank_account,
                no_fapiao = excluded.no_fapiao
            """, arguments: [customerID, d.taxID, d.invoiceTitle, d.addressPhone, d.bankAccount, d.noFapiao])
    }
}

/// Row mapping and shared reads of the trade tables.
enum TradeRows {
    /// A CTE body: each sale's invoiced amount, `id` (the document) and `amount` — its non-void fapiao parts dated
    /// ≤ `:asOf`, blue less red — grouped in one pass; `filter` adds to the WHERE (e.g. one customer's fapiao).
    static func invoicedBySale(filter: String = "") -> String {
        """
        SELECT p.document_id AS id, SUM(\(signed("total"))) AS amount
        FROM fapiao_part p JOIN fapiao f ON f.id = p.fapiao_id
        WHERE \(countedFapiao)\(filter)
        GROUP BY p.document_id
        """
    }

    /// The rule of which fapiao count toward a sale's invoiced amount (fapiao `f`): not void, dated ≤ `:asOf`.
    static let countedFapiao = "f.void = 0 AND f.date <= :asOf"

    /// A fapiao part's (`p`) `column` signed by its fapiao (`f`): a red fapiao's part subtracts — blue less red.
    static func signed(_ column: String) -> String {
        "CASE f.is_red WHEN 1 THEN -p.\(column) ELSE p.\(column) END"
    }

    /// The rule of which credit notes (document `n`) reduce a sale at `:asOf`: posted, dated ≤ `:asOf`.
    static let countedCreditNote = "n.kind = 'credit_note' AND n.status = 'posted' AND n.date <= :asOf"

    static func taxDetails(_ db: Database, customerID: Int64) throws -> CustomerTaxDetails? {
        try Row.fetchOne(db, sql: "SELECT * FROM customer_tax WHERE customer_id = ?",
                         arguments: [customerID]).map(taxDetails)
    }

    static func taxDetails(_ row: Row) -> CustomerTaxDetails {
        typealias C = CustomerTaxDetails.Columns
        return CustomerTaxDetails(taxID: row[C.taxID], invoiceTitle: row[C.invoiceTitle],
                                  addressPhone: row[C.addressPhone],
                                  bankAccount: row[C.bankAccount], noFapiao: row[C.noFapiao])
    }
}

extension SQLiteTransaction {
    func saleFapiaoPosition(saleID: Int64) throws -> SaleFapiaoPosition? {
        try TradeRows.positions(db, asOf: "9999-12-31", extraWhere: "d.id = :sale", arguments: ["sale": saleID]).first
    }

    func fapiao(_ key: FapiaoKey) throws -> Fapiao? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM fapiao WHERE type = ? AND code = ? AND number = ?",
                                         arguments: [key.type.rawValue, key.code, key.number]) else { return nil }
        return try TradeRows.fapiao(db, row)
    }

    func insert(_ f: Fapiao) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO fapiao (type, code, number, customer_id, date, currency, total, tax, is_red, original_id,
              credit_note_id, red_confirmation, void, void_reason, note) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """, arguments: [f.type.rawValue, f.code, f.number, f.customerID, f.date.description, f.currency.code,
                             f.total,
                             f.tax, f.isRed, f.originalID, f.creditNoteID, f.redConfirmation, f.isVoid, f.voidReason,
                             f.note])
        let id = db.lastInsertedRowID
        for part in f.parts {
            try db.execute(sql: "INSERT INTO fapiao_part (fapiao_id, document_id, total, tax) VALUES (?,?,?,?)",
                           arguments: [id, part.documentID, part.total, part.tax])
        }
        return id
    }

    func voidFapiao(id: Int64, reason: String) throws {
        try db.execute(sql: "UPDATE fapiao SET void = 1, void_reason = ? WHERE id = ?", arguments: [reason, id])
    }

    func redTotals(originalID: Int64, documentID: Int64) throws -> (total: Int64, tax: Int64) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(p.total), 0) AS total, COALESCE(SUM(p.tax), 0) AS tax FROM fapiao f
            JOIN fapiao_part p ON p.fapiao_id = f.id WHERE f.original_id = ? AND p.document_id = ? AND f.void = 0
            """, arguments: [originalID, documentID])
        return (row?[QueryColumns.total] ?? 0, row?[QueryColumns.tax] ?? 0)
    }

    func hasRedFapiao(originalID: Int64) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM fapiao WHERE original_id = ? AND void = 0)",
                          arguments: [originalID]) ?? false
    }

    func setNoFapiao(saleID: Int64, _ noFapiao: Bool, reason: String) throws {
        if noFapiao {
            try db.execute(sql: "INSERT OR REPLACE INTO sale_no_fapiao (document_id, reason) VALUES (?, ?)",
                           arguments: [saleID, reason])
        } else {
            try db.execute(sql: "DELETE FROM sale_no_fapiao WHERE document_id = ?", arguments: [saleID])
        }
    }
}

extension TradeRows {
    /// The one query behind every fapiao figure: each posted sale with its credit notes, fapiao (blue less red,
    /// non-void) and receipts/write-offs, all dated on or before `asOf`.
    static func positions(_ db: Database, asOf: String, extraWhere: String?, arguments: StatementArguments) throws
        -> [SaleFapiaoPosition] {
        var positions: [SaleFapiaoPosition] = []
        try eachPosition(db, asOf: asOf, extraWhere: extraWhere, arguments: arguments) { positions.append($0) }
        return positions
    }

    /// The rows of `positions` one at a time through a cursor, so a report can aggregate a million sales without
    /// holding them; `orderBy`: the ORDER BY clause (and a LIMIT).
    static func eachPosition(_ db: Database, asOf: String, extraWhere: String?, arguments: StatementArguments,
                             orderBy: String = "c.code, d.date, d.id",
                             _ body: (SaleFapiaoPosition) throws -> Void) throws {
        var args: StatementArguments = ["asOf": asOf]
        _ = args.append(contentsOf: arguments)
        let sql = """
            SELECT d.id, d.display_number, d.customer_id, c.code, c.name, COALESCE(s.name, '') AS salesperson, d.date,
              d.due_date, d.currency, d.total, d.tax_total,
              COALESCE((SELECT SUM(n.total) FROM document n WHERE n.applies_to_id = d.id
                        AND \(countedCreditNote)), 0) AS credited_total,
              COALESCE((SELECT SUM(n.tax_total) FROM document n WHERE n.applies_to_id = d.id
                        AND \(countedCreditNote)), 0) AS credited_tax,
              COALESCE((SELECT SUM(\(signed("total"))) FROM fapiao_part p
                        JOIN fapiao f ON f.id = p.fapiao_id WHERE p.document_id = d.id
                        AND \(countedFapiao)), 0) AS invoiced_total,
              COALESCE((SELECT SUM(\(signed("tax"))) FROM fapiao_part p
                        JOIN fapiao f ON f.id = p.fapiao_id WHERE p.document_id = d.id
                        AND \(countedFapiao)), 0) AS invoiced_tax,
              (SELECT COUNT(*) FROM fapiao_part p JOIN fapiao f ON f.id = p.fapiao_id WHERE p.document_id = d.id
                        AND f.is_red = 1 AND \(countedFapiao)) AS red_count,
              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = d.id AND a.source <> 'credit_note'
                        AND a.date <= :asOf), 0) AS paid,
              (COALESCE(t.no_fapiao, 0) = 1
                OR EXISTS(SELECT 1 FROM sale_no_fapiao x WHERE x.document_id = d.id)) AS no_fapiao
            FROM document d
            JOIN customer c ON c.id = d.customer_id
            LEFT JOIN salesperson s ON s.id = d.salesperson_id
            LEFT JOIN customer_tax t ON t.customer_id = d.customer_id
            WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf\(extraWhere.map { " AND " + $0 } ?? "")
            ORDER BY \(orderBy)
            """
        typealias C = SaleFapiaoPosition.Columns
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: args)
        while let row = try cursor.next() {
            try body(SaleFapiaoPosition(
                saleID: row[C.id], number: row[C.displayNumber] ?? "", customerID: row[C.customerID],
                customerCode: row[C.code], customerName: row[C.name], salesperson: row[C.salesperson],
                date: try RowMapping.date(row, C.date, "document"),
                dueDate: try RowMapping.date(row, C.dueDate, "document"),
                currency: try RowMapping.currency(row, "document"), total: row[C.total], tax: row[C.taxTotal],
                creditedTotal: row[C.creditedTotal], creditedTax: row[C.creditedTax],
                invoicedTotal: row[C.invoicedTotal], invoicedTax: row[C.invoicedTax], redCount: row[C.redCount],
                paid: row[C.paid], noFapiao: row[C.noFapiao]))
        }
    }

    static func fapiao(_ db: Database, _ row: Row) throws -> Fapiao {
        typealias C = Fapiao.Columns
        typealias P = FapiaoPart.Columns
        let id: Int64 = row[C.id]
        let parts = try Row.fetchAll(db, sql: """
            SELECT p.*, d.display_number FROM fapiao_part p JOIN document d ON d.id = p.document_id
            WHERE p.fapiao_id = ? ORDER BY d.date, d.id
            """, arguments: [id]).map { p in
            FapiaoPart(documentID: p[P.documentID], documentNumber: p[P.displayNumber] ?? "", total: p[P.total],
                       tax: p[P.tax])
        }
        var f = Fapiao(id: id, type: try RowMapping.code(row, C.type, "fapiao"), code: row[C.code],
                       number: row[C.number],
                       customerID: row[C.customerID], date: try RowMapping.date(row, C.date, "fapiao"),
                       currency: try RowMapping.currency(row, "fapiao"), total: row[C.total], tax: row[C.tax],
                       parts: parts)
        f.isRed = row[C.isRed]
        f.originalID = row[C.originalID]
        f.creditNoteID = row[C.creditNoteID]
        f.redConfirmation = row[C.redConfirmation]
        f.isVoid = row[C.void]
        f.voidReason = row[C.voidReason]
        f.note = row[C.note]
        return f
    }
}

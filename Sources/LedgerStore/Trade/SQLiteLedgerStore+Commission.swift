import GRDB
import LedgerCore

extension SQLiteTransaction {
    func insert(_ r: CommissionRule) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO commission_rule (salesperson, customer_class, basis, rate_bp, within_days, start_date)
            VALUES (?,?,?,?,?,?)
            """, arguments: [r.salesperson, r.customerClass, r.basis.rawValue, r.rate.basisPoints, r.withinDays,
                             r.start.description])
        return db.lastInsertedRowID
    }
}

extension SQLiteLedgerStore {
    public func commissionRules() throws -> [CommissionRule] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM commission_rule ORDER BY start_date, id").map { row in
                typealias C = CommissionRule.Columns
                return CommissionRule(id: row[C.id], salesperson: row[C.salesperson],
                                      customerClass: row[C.customerClass],
                                      basis: try RowMapping.code(row, C.basis, "commission_rule"),
                                      rate: Rate(basisPoints: row[C.rateBP]), withinDays: row[C.withinDays],
                                      start: try RowMapping.date(row, C.startDate, "commission_rule"))
            }
        }
    }

    /// The commission events dated in `from...to`: one per allocation (collection, write-off), and for the
    /// documents one per kind, date, salesperson, customer class and currency with the sum of their net amounts
    /// (s31-reads: a sale's or credit note's basis is its net amount under the rule those keys pick, so the sum
    /// counts as its documents do; about half a month's events at 1M invoices were documents). Streamed through a
    /// cursor (issue 10): `Row.fetchAll` of a month at 1M invoices held ~110k rows (~60 MB).
    public func forEachCommissionEvent(from: CivilDate, to: CivilDate, _ body: (CommissionEvent) throws -> Void)
        throws
    {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: Self.commissionEventsSQL,
                                           arguments: ["from": from.description, "to": to.description])
            while let row = try rows.next() { try body(try Self.commissionEvent(row)) }
        }
    }

    static let commissionEventsSQL = """
            SELECT MIN(d.id) AS id, CASE d.kind WHEN 'invoice' THEN 'sale' ELSE 'creditNote' END AS kind, d.date,
              COALESCE(s.code, '') AS sp,
              c.customer_class AS cls, d.currency, SUM(d.subtotal) AS amount, 0 AS inv_net, 0 AS inv_total,
              NULL AS due, NULL AS receipt_date
            FROM document d JOIN customer c ON c.id = d.customer_id LEFT JOIN salesperson s ON s.id = d.salesperson_id
            WHERE d.status = 'posted' AND d.date BETWEEN :from AND :to
            GROUP BY d.kind, d.date, sp, cls, d.currency
            UNION ALL
            SELECT a.id, CASE a.source WHEN 'receipt' THEN 'collection' ELSE 'writeOff' END, a.date,
              COALESCE(s.code, ''),
              c.customer_class, a.currency, a.amount, inv.subtotal, inv.total, inv.due_date, r.date
            FROM allocation a JOIN document inv ON inv.id = a.invoice_id JOIN customer c ON c.id = inv.customer_id
            LEFT JOIN salesperson s ON s.id = inv.salesperson_id
            LEFT JOIN receipt r ON a.source = 'receipt' AND r.id = a.source_id
            WHERE a.source IN ('receipt', 'write_off') AND a.date BETWEEN :from AND :to
            """

    /// One row of `commissionEventsSQL`: a document (sale, credit note) or an allocation (collection, write-off).
    static func commissionEvent(_ row: Row) throws -> CommissionEvent {
        typealias C = CommissionEvent.Columns
        let kind: CommissionEvent.Kind = try RowMapping.code(row, C.kind, "commission")
        let table = kind == .sale || kind == .creditNote ? "document" : "allocation"
        var e = CommissionEvent(kind: kind, date: try RowMapping.date(row, C.date, table), salesperson: row[C.sp],
                                customerClass: row[C.cls], currency: try RowMapping.currency(row, table),
                                amount: row[C.amount])
        e.invoiceNet = row[C.invNet]
        e.invoiceTotal = row[C.invTotal]
        e.dueDate = try RowMapping.optionalDate(row, C.due, "document")
        e.receiptDate = try RowMapping.optionalDate(row, C.receiptDate, "receipt")
        return e
    }
}

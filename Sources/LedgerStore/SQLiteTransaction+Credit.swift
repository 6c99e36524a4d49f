import GRDB
import LedgerCore

extension SQLiteTransaction {
    /// Credit control's aggregates in two indexed queries over the customer's posted invoices and credits
    /// (`document_customer`, `allocation_invoice`, `allocation_source`), with the one open rule (`OpenAsOf`).
    /// Nothing is mapped row by row: posting cost no longer grows with a list of the customer's open items.
    func creditPosition(customerID: Int64, currency: Currency, asOf: CivilDate) throws -> CreditPosition {
        let open = OpenAsOf.invoiceOpen(asOf: nil)
        let sums = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(CASE WHEN currency = :cur THEN open END), 0) AS open,
                   COALESCE(SUM(CASE WHEN currency = :cur AND due_date < :asOf THEN open END), 0) AS overdue,
                   (SELECT display_number FROM (
                        SELECT d.display_number, d.due_date, \(open) AS open FROM document d
                        WHERE d.customer_id = :customer AND d.kind = 'invoice' AND d.status = 'posted')
                    WHERE open <> 0 ORDER BY due_date, display_number LIMIT 1) AS oldest_number
            FROM (SELECT d.currency, d.due_date, \(open) AS open FROM document d
                  WHERE d.customer_id = :customer AND d.kind = 'invoice' AND d.status = 'posted')
            WHERE open <> 0
            """), arguments: ["cur": currency.code, "asOf": asOf.description, "customer": customerID])
        let unapplied = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(u), 0) FROM (
              SELECT \(OpenAsOf.unapplied("receipt", asOf: nil)) AS u FROM receipt r
              WHERE r.customer_id = :customer AND r.currency = :cur
              UNION ALL
              SELECT \(OpenAsOf.unapplied("credit_note", asOf: nil)) FROM document r
              WHERE r.customer_id = :customer AND r.kind = 'credit_note' AND r.status = 'posted' AND r.currency = :cur)
            WHERE u <> 0
            """), arguments: ["cur": currency.code, "customer": customerID]) ?? 0
        var oldest: (String, CivilDate)?
        if let number: String = sums?["oldest_number"] {
            let due = try String.fetchOne(db.cachedStatement(sql: "SELECT due_date FROM document WHERE display_number = ?"),
                                          arguments: [number])
            if let due, let date = CivilDate(iso: due) { oldest = (number, date) }
        }
        return CreditPosition(openInvoices: sums?["open"] ?? 0, overdue: sums?["overdue"] ?? 0,
                              unappliedCredit: unapplied, oldestOpen: oldest)
    }
}

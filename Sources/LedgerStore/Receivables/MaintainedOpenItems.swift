import GRDB
import LedgerCore

/// Write-path reads of the maintained open amounts (`open_item`, `customer_balance`; issue 10): what a command
/// needs to allocate a receipt or check credit, read through the partial indexes of open rows instead of summing
/// a customer's allocations. Every statement is prepared once per connection (`cachedStatement`).
enum MaintainedOpenItems {
    /// An open invoice's columns in the order `RowMapping.openItem` reads them (`o` open_item, `d` document, `c`
    /// customer, `s` salesperson).
    static let columns = """
        d.id, d.display_number, d.customer_id, c.code AS customer_code, c.name AS customer_name,
        COALESCE(s.name, '') AS salesperson, d.region, d.channel, d.date, d.due_date, d.currency, d.total,
        d.disputed, o.open_amount AS open
        """

    /// Posted invoices open now (`open_item.open_amount <> 0`), `whereClause` on `o` (open_item) and `d`
    /// (document), oldest due date first, then invoice date and number — the order automatic allocation uses.
    /// Columns as `RowMapping.openItem` reads them. `whereClause` must filter on `o.customer_id`: the partial index
    /// `open_item_customer_open` leads with customer and kind, so the planner reads only the customer's open
    /// invoices (no `INDEXED BY`; see `ReportIndexSchema`).
    static func openInvoicesSQL(where whereClause: String) -> String {
        """
        SELECT \(columns)
        FROM open_item o
        JOIN document d ON d.id = o.id
        JOIN customer c ON c.id = d.customer_id
        LEFT JOIN salesperson s ON s.id = d.salesperson_id
        WHERE o.kind = 'invoice' AND o.open_amount <> 0 AND \(whereClause)
        ORDER BY o.due_date, d.date, d.display_number
        """
    }
}

extension SQLiteTransaction {
    /// Credit control's figures from the maintained balance of the customer (one row) and its open invoices
    /// through the partial index: the open sum and unapplied credit are stored, the overdue sum reads only the
    /// customer's open invoices due before `asOf`, the oldest open invoice is found from the earliest due date.
    func creditPosition(customerID: Int64, currency: Currency, asOf: CivilDate) throws -> CreditPosition {
        let balance = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT open_invoices, unapplied_credits FROM customer_balance WHERE customer_id = ? AND currency = ?
            """), arguments: [customerID, currency.code])
        let overdue = try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT COALESCE(SUM(open_amount), 0) FROM open_item
            WHERE customer_id = ? AND currency = ? AND kind = 'invoice' AND open_amount <> 0 AND due_date < ?
            """), arguments: [customerID, currency.code, asOf.description]) ?? 0
        var oldest: (String, CivilDate)?
        if let due = try String.fetchOne(db.cachedStatement(sql: """
            SELECT MIN(earliest_open_due) FROM customer_balance WHERE customer_id = ?
            """), arguments: [customerID]), let date = try Self.storedDate(due, customerID: customerID),
           let number = try String.fetchOne(db.cachedStatement(sql: Self.oldestNumberSQL),
                                            arguments: [customerID, due]) {
            oldest = (number, date)
        }
        return CreditPosition(openInvoices: balance?[QueryColumns.openInvoices] ?? 0, overdue: overdue,
                              unappliedCredit: balance?[QueryColumns.unappliedCredits] ?? 0, oldestOpen: oldest)
    }

    /// Credit control's deciding figures (see `LedgerTransaction.creditHoldPosition`) from the customer's
    /// maintained balance rows alone (one statement, one primary-key range); the oldest open invoice's number is
    /// read only when it has reached the stop level, which is what names the hold.
    func creditHoldPosition(customerID: Int64, currency: Currency, asOf: CivilDate,
                            stopCreditFromDays: Int) throws -> CreditPosition {
        let statement = try db.cachedStatement(sql: """
            SELECT COALESCE(SUM(CASE WHEN currency = ?2 THEN open_invoices END), 0) AS open_invoices,
                   COALESCE(SUM(CASE WHEN currency = ?2 THEN unapplied_credits END), 0) AS unapplied_credits,
                   MIN(earliest_open_due) AS due_date
            FROM customer_balance WHERE customer_id = ?1
            """)
        guard let row = try Row.fetchOne(statement, arguments: [customerID, currency.code]) else {
            return CreditPosition(openInvoices: 0, overdue: 0, unappliedCredit: 0, oldestOpen: nil)
        }
        // Read by position (open_invoices, unapplied_credits, due_date): every post reads this row.
        var oldest: (String, CivilDate)?
        if let due: String = row[2], let date = try Self.storedDate(due, customerID: customerID),
           date.days(to: asOf) >= stopCreditFromDays,
           let number = try String.fetchOne(db.cachedStatement(sql: Self.oldestNumberSQL),
                                            arguments: [customerID, due]) {
            oldest = (number, date)
        }
        return CreditPosition(openInvoices: row[0], overdue: 0, unappliedCredit: row[1], oldestOpen: oldest)
    }

    /// The lowest number among the customer's open invoices due on a date.
    private static let oldestNumberSQL = """
        SELECT MIN(d.display_number) FROM open_item o
        JOIN document d ON d.id = o.id
        WHERE o.customer_id = ? AND o.kind = 'invoice' AND o.open_amount <> 0 AND o.due_date = ?
        """

    /// A maintained due date; one that is not a date is an error naming the balance row, never "no oldest".
    private static func storedDate(_ text: String, customerID: Int64) throws -> CivilDate? {
        guard let date = CivilDate(iso: text) else {
            throw LedgerError.storage("table customer_balance, row customer \(customerID), column earliest_open_due: "
                                      + "'\(text)' is not a date (YYYY-MM-DD)")
        }
        return date
    }
}

extension SQLiteLedgerStore {
    public func maintainedCreditPosition(customerID: Int64, currency: Currency,
                                         asOf: CivilDate) throws -> CreditPosition? {
        try read { db in
            guard try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description) else { return nil }
            return try SQLiteTransaction(db: db).creditPosition(customerID: customerID, currency: currency, asOf: asOf)
        }
    }
}

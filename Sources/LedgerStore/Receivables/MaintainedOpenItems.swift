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
           let number = try oldestNumbers([(customerID, due)])[customerID] {
            oldest = (number, date)
        }
        return CreditPosition(openInvoices: balance?[QueryColumns.openInvoices] ?? 0, overdue: overdue,
                              unappliedCredit: balance?[QueryColumns.unappliedCredits] ?? 0, oldestOpen: oldest)
    }

    /// Credit control's deciding figures (see `LedgerTransaction.creditHoldPositions`) from the customers'
    /// maintained balance rows alone (one statement for all of them, one primary-key range each: a chunk of
    /// invoices reads its customers' at once); the oldest open invoice's number is read only when it has reached
    /// the stop level, which is what names the hold.
    func creditHoldPositions(_ customers: [(customerID: Int64, currency: Currency, stopCreditFromDays: Int)],
                             asOf: CivilDate, naming: Bool) throws -> [CreditPosition] {
        guard !customers.isEmpty else { return [] }
        var balances: [Int64: [(currency: String, open: Int64, unapplied: Int64, due: String?)]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT customer_id, currency, open_invoices, unapplied_credits, earliest_open_due FROM customer_balance
            WHERE customer_id IN (SELECT value FROM json_each(?))
            """), arguments: ["[" + customers.map { String($0.customerID) }.joined(separator: ",") + "]"])
        // Read by position: every post reads these rows.
        while let row = try rows.next() {
            balances[row[0], default: []].append((row[1], row[2], row[3], row[4]))
        }
        // The customers whose earliest open due date reached the stop level: their oldest open invoice's number
        // (what names the hold), read for all of them with one statement.
        var due: [(customerID: Int64, due: String, date: CivilDate)] = []
        for customer in customers {
            if let earliest = (balances[customer.customerID] ?? []).compactMap(\.due).min(),
               let date = try Self.storedDate(earliest, customerID: customer.customerID),
               date.days(to: asOf) >= customer.stopCreditFromDays {
                due.append((customer.customerID, earliest, date))
            }
        }
        // Not naming: the due date alone decides the hold; the number stays empty (never shown: see the protocol).
        let numbers = naming ? try oldestNumbers(due.map { ($0.customerID, $0.due) })
            : Dictionary(due.map { ($0.customerID, "") }, uniquingKeysWith: { first, _ in first })
        let oldest = Dictionary(due.compactMap { entry in
            numbers[entry.customerID].map { (entry.customerID, ($0, entry.date)) }
        }, uniquingKeysWith: { first, _ in first })
        return customers.map { customer in
            // One row per customer and currency (the primary key): the customer's currency's row is its figures.
            let own = balances[customer.customerID]?.first { $0.currency == customer.currency.code }
            return CreditPosition(openInvoices: own?.open ?? 0, overdue: 0, unappliedCredit: own?.unapplied ?? 0,
                                  oldestOpen: oldest[customer.customerID])
        }
    }

    /// The lowest number among each customer's open invoices due on its date, by customer id (none: left out);
    /// one statement over a JSON list of `[customer id, due date]`.
    private func oldestNumbers(_ wanted: [(customerID: Int64, due: String)]) throws -> [Int64: String] {
        guard !wanted.isEmpty else { return [:] }
        var list = JSONRows()
        for (customerID, due) in wanted {
            list.row()
            list.add(customerID)
            list.add(due)
        }
        var numbers: [Int64: String] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.oldestNumbersSQL), arguments: [list.text])
        while let row = try rows.next() {
            if let number: String = row[1] { numbers[row[0]] = number }
        }
        return numbers
    }

    /// The lowest number among the open invoices of a customer due on a date, for each `[customer id, due date]`.
    private static let oldestNumbersSQL = """
        SELECT w.value ->> 0, (SELECT MIN(d.display_number) FROM open_item o
          JOIN document d ON d.id = o.id
          WHERE o.customer_id = w.value ->> 0 AND o.kind = 'invoice' AND o.open_amount <> 0
            AND o.due_date = w.value ->> 1)
        FROM json_each(?) w
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

import GRDB
import LedgerCore

/// The reminder engine's inputs streamed (issue 10): the invoices open on a date through a cursor, their customers
/// read once each, and the contacts and snoozes — never a snapshot of the open invoices in memory.
extension SQLiteLedgerStore {
    /// Columns `ReceivablesRows.document` reads, of document `d` (salesperson name from `s`).
    private static let documentColumns = """
        d.id, d.kind, d.display_number, d.customer_id, d.date, d.due_date, d.currency, d.total, d.applies_to_id,
        d.disputed, d.region, d.external_ref, s.name AS salesperson
        """

    /// Today (nothing dated after `:asOf`): the maintained open rows through the partial index on (kind, due
    /// date), so rows come in due-date order and only each due date's rows are sorted by date and number.
    private static func openTodaySQL(_ filter: String = "") -> String {
        """
        SELECT \(documentColumns), o.open_amount AS open
        FROM open_item o INDEXED BY open_item_due_open
        JOIN document d ON d.id = o.id LEFT JOIN salesperson s ON s.id = d.salesperson_id
        WHERE o.kind = 'invoice' AND o.open_amount <> 0 AND o.open_amount > 0
          AND d.status = 'posted' AND d.date <= :asOf\(filter)
        ORDER BY o.due_date, d.date, d.display_number
        """
    }

    /// Another date: the one "open as of" rule (`OpenAsOf.invoiceAmounts`), then the documents in the same order.
    private static func openAsOfSQL(_ filter: String = "") -> String {
        """
        \(OpenAsOf.withInvoicesOpen(asOf: ":asOf"))
        SELECT \(documentColumns), o.open AS open
        FROM open_as_of o JOIN document d ON d.id = o.id LEFT JOIN salesperson s ON s.id = d.salesperson_id
        WHERE o.open > 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf\(filter)
        ORDER BY d.due_date, d.date, d.display_number
        """
    }

    public func forEachOpenInvoice(asOf: CivilDate, candidates: ReminderCandidates,
                                   _ body: (ReceivableDocument, Int64, Customer?) throws -> Void) throws {
        try streamOpenInvoices(asOf: asOf, candidates: candidates, body)
    }

    /// The candidates' condition on open row `o` (today) or document `d` (as of a date): due dates by list,
    /// overdue days by interval, customers by id. Every value is a date or an integer of ours, written inline.
    /// With `earliest` (today: the earliest due date of the open rows) the overdue intervals are listed as due dates
    /// too, so the partial index on (kind, due date) is searched date by date instead of read whole.
    static func candidateClause(_ candidates: ReminderCandidates, asOf: CivilDate, alias: String,
                                earliest: CivilDate? = nil) -> String {
        var dates = Set(candidates.daysBeforeDue.map { asOf.adding(days: $0) })
        var terms: [String] = []
        if candidates.everyDays.contains(where: { $0 <= 1 }) {
            // Every overdue day (`reminders --all`): the range of due dates, no list of dates or day count per row.
            terms.append("\(alias).due_date < '\(asOf)'")
        } else if let earliest {
            for every in candidates.everyDays {
                var due = asOf.adding(days: -1)
                while due >= earliest {
                    dates.insert(due)
                    due = due.adding(days: -max(1, every))
                }
            }
        } else {
            let days = "CAST(julianday('\(asOf)') - julianday(\(alias).due_date) AS INTEGER)"
            for every in candidates.everyDays.sorted() {
                terms.append("(\(alias).due_date < '\(asOf)' AND (\(days) - 1) % \(max(1, every)) = 0)")
            }
        }
        if !dates.isEmpty {
            terms.insert("\(alias).due_date IN (\(dates.sorted().map { "'\($0)'" }.joined(separator: ",")))", at: 0)
        }
        if !candidates.customerIDs.isEmpty {
            let ids = candidates.customerIDs.sorted().map(String.init).joined(separator: ",")
            terms.append("\(alias).customer_id IN (\(ids))")
        }
        return terms.isEmpty ? " AND 0" : " AND (\(terms.joined(separator: " OR ")))"
    }

    private func streamOpenInvoices(asOf: CivilDate, candidates: ReminderCandidates?,
                                    _ body: (ReceivableDocument, Int64, Customer?) throws -> Void) throws {
        try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            var earliest: CivilDate?
            if today, candidates != nil {
                earliest = try String.fetchOne(db, sql: """
                    SELECT MIN(due_date) FROM open_item INDEXED BY open_item_due_open
                    WHERE kind = 'invoice' AND open_amount <> 0
                    """).flatMap(CivilDate.init(iso:))
            }
            let filter = candidates.map {
                Self.candidateClause($0, asOf: asOf, alias: today ? "o" : "d", earliest: earliest)
            } ?? ""
            let rows = try Row.fetchCursor(db, sql: today ? Self.openTodaySQL(filter) : Self.openAsOfSQL(filter),
                                           arguments: ["asOf": asOf.description])
            let byID = try db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?")
            var customers: [Int64: Customer?] = [:]
            while let row = try rows.next() {
                let invoice = try ReceivablesRows.document(row)
                let customer: Customer?
                if let known = customers[invoice.customerID] {
                    customer = known
                } else {
                    customer = try Row.fetchOne(byID, arguments: [invoice.customerID]).map(RowMapping.customer)
                    customers[invoice.customerID] = customer
                }
                try body(invoice, row[QueryColumns.open], customer)
            }
        }
    }

    public func reminderContacts(asOf: CivilDate) throws -> (contacts: [ContactLogEntry], snoozes: [ReminderSnooze]) {
        try read { db in
            let args: StatementArguments = [asOf.description]
            let contacts = try Row.fetchAll(db, sql: "SELECT * FROM contact_log WHERE date <= ? ORDER BY date, id",
                                            arguments: args).map(ReceivablesRows.contact)
            let snoozes = try Row.fetchAll(db, sql: "SELECT * FROM reminder_snooze WHERE date <= ? ORDER BY date, id",
                                           arguments: args).map(ReceivablesRows.snooze)
            return (contacts, snoozes)
        }
    }
}

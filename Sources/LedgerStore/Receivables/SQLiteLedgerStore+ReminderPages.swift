import GRDB
import LedgerCore

/// The reminders due on a date, paged and counted in SQL (issue 10): only the invoices the engine's selection names
/// (`ReminderEngine.selection`: due dates per policy, customers with contacts or snoozes left out) are read, by
/// the partial index on (kind, due date) today, one keyset page at a time; their count reads the index alone.
extension SQLiteLedgerStore {
    public func earliestReminderDue(asOf: CivilDate) throws -> CivilDate? {
        try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            let text = try String.fetchOne(db, sql: today ? """
                SELECT MIN(due_date) FROM open_item INDEXED BY open_item_due_open
                WHERE kind = 'invoice' AND open_amount <> 0
                """ : "SELECT MIN(date) FROM document WHERE kind = 'invoice' AND date <= ?",
                arguments: today ? [] : [asOf.description])
            return text.flatMap(CivilDate.init(iso:))
        }
    }

    public func reminderInvoices(asOf: CivilDate, selection: ReminderSelection, from: ReminderKey?, backwards: Bool,
                                 limit: Int) throws
        -> [(invoice: ReceivableDocument, open: Int64, customer: Customer?)] {
        guard limit > 0, !selection.allDueDates.isEmpty else { return [] }
        return try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            let open = today ? "o.open_amount" : "o.open"
            var (sql, arguments) = Self.reminderSelect(selection, asOf: asOf, today: today, columns: """
                d.id, d.kind, d.display_number, d.customer_id, d.date, d.due_date, d.currency, d.total,
                d.applies_to_id, d.disputed, d.region, d.external_ref, s.name AS salesperson, \(open) AS open
                """, page: true)
            let due = today ? "o.due_date" : "d.due_date", direction = backwards ? "DESC" : ""
            if let from {
                sql += " AND \(due) \(backwards ? "<=" : ">=") :keyDue"
                    + " AND (\(due), d.date, d.display_number) \(backwards ? "<" : ">") (:keyDue, :keyDate, :keyNumber)"
                _ = arguments.append(contentsOf: ["keyDue": from.dueDate.description, "keyDate": from.date.description,
                                                  "keyNumber": from.number])
            }
            sql += " ORDER BY \(due) \(direction), d.date \(direction), d.display_number \(direction) LIMIT \(limit)"
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let invoices = try rows.map(ReceivablesRows.document)
            // The page's customers in one statement (ids are integers from the database), not one look-up each.
            var customers: [Int64: Customer] = [:]
            let ids = Set(invoices.map(\.customerID)).sorted().map(String.init).joined(separator: ",")
            if !ids.isEmpty {
                for row in try Row.fetchAll(db, sql: "SELECT * FROM customer WHERE id IN (\(ids))") {
                    let customer = try RowMapping.customer(row)
                    customers[customer.id] = customer
                }
            }
            return zip(invoices, rows).map { invoice, row in
                (invoice, row[QueryColumns.open], customers[invoice.customerID])
            }
        }
    }

    public func reminderInvoiceCounts(asOf: CivilDate, selection: ReminderSelection) throws -> [Currency: Int] {
        guard !selection.allDueDates.isEmpty else { return [:] }
        return try read { db in
            let today = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            if today, selection.dueDatesByClass.isEmpty, try db.tableExists("open_due_day") {
                return try Self.maintainedReminderCounts(db, selection: selection)
            }
            var (sql, arguments) = Self.reminderSelect(selection, asOf: asOf, today: today,
                                                       columns: "\(today ? "o" : "d").currency, COUNT(*) AS n",
                                                       page: false)
            sql += " GROUP BY \(today ? "o" : "d").currency"
            var counts: [Currency: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                counts[try RowMapping.currency(row, "open_item")] = row[QueryColumns.count]
            }
            return counts
        }
    }

    /// The count today when one policy covers every customer (s14-recv): the open invoices counted per currency and
    /// due date (`open_due_day`, one row per listed date) less those of them the selection leaves out — disputed
    /// (the partial index of disputed documents) or of a customer with contacts or snoozes (their open rows by the
    /// customer index) — each taken back once. The same count as `reminderSelect`'s without reading an index entry
    /// per invoice.
    private static func maintainedReminderCounts(_ db: Database, selection: ReminderSelection) throws
        -> [Currency: Int] {
        let dates = "(\(selection.standardDueDates.map { "'\($0)'" }.joined(separator: ",")))"
        guard !selection.standardDueDates.isEmpty else { return [:] }
        var left = "SELECT id FROM document WHERE disputed"
        if !selection.customerIDs.isEmpty {
            let ids = selection.customerIDs.sorted().map(String.init).joined(separator: ",")
            left += " UNION SELECT id FROM open_item WHERE customer_id IN (\(ids)) AND kind = 'invoice'"
                + " AND open_amount <> 0"
        }
        let sql = """
            SELECT currency, SUM(n) AS n FROM (
                SELECT currency, n FROM open_due_day WHERE due_date IN \(dates) AND n <> 0
                UNION ALL
                SELECT o.currency, -1 FROM open_item o
                WHERE o.kind = 'invoice' AND o.id IN (\(left)) AND o.open_amount > 0 AND o.due_date IN \(dates))
            GROUP BY currency HAVING SUM(n) <> 0
            """
        var counts: [Currency: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            counts[try RowMapping.currency(row, "open_due_day")] = row[QueryColumns.count]
        }
        return counts
    }

    /// `SELECT columns FROM … WHERE …` of the invoices `selection` selects, without order. Today the open rows of
    /// the partial index (due date, amount, currency and customer from the index; disputed ones by their partial
    /// index), with the document only for a page; another date the "open as of" rule. Dates and ids are ours,
    /// written inline; class codes are bound.
    private static func reminderSelect(_ selection: ReminderSelection, asOf: CivilDate, today: Bool, columns: String,
                                       page: Bool) -> (String, StatementArguments) {
        func list(_ dates: [CivilDate]) -> String { "(\(dates.map { "'\($0)'" }.joined(separator: ",")))" }
        let due = today ? "o.due_date" : "d.due_date", customer = today ? "o.customer_id" : "d.customer_id"
        var arguments: StatementArguments = today ? [:] : ["asOf": asOf.description]
        let classes = selection.dueDatesByClass.keys.sorted()
        var sql: String
        if today {
            sql = "SELECT \(columns) FROM open_item o INDEXED BY open_item_due_open"
            if page { sql += " JOIN document d ON d.id = o.id" }
        } else {
            sql = "\(OpenAsOf.withInvoicesOpen(asOf: ":asOf")) SELECT \(columns) FROM open_as_of o"
                + " JOIN document d ON d.id = o.id"
        }
        if page || !classes.isEmpty { sql += " JOIN customer c ON c.id = \(customer)" }
        if page { sql += " LEFT JOIN salesperson s ON s.id = d.salesperson_id" }
        sql += today
            ? " WHERE o.kind = 'invoice' AND o.open_amount <> 0 AND o.open_amount > 0"
                + " AND o.id NOT IN (SELECT id FROM document WHERE disputed)"
            : " WHERE o.open > 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND NOT d.disputed"
        let dates = selection.allDueDates
        // The bounds keep a keyset page's range search (`due >= key`) inside the listed dates.
        sql += " AND \(due) IN \(list(dates)) AND \(due) BETWEEN '\(dates[0])' AND '\(dates[dates.count - 1])'"
        if !selection.customerIDs.isEmpty {
            sql += " AND \(customer) NOT IN (\(selection.customerIDs.sorted().map(String.init).joined(separator: ",")))"
        }
        if classes.isEmpty { return (sql, arguments) }
        var terms: [String] = []
        for (i, key) in classes.enumerated() {
            _ = arguments.append(contentsOf: ["class\(i)": key])
            terms.append("(c.customer_class = :class\(i) AND \(due) IN \(list(selection.dueDatesByClass[key] ?? [])))")
        }
        let named = classes.indices.map { ":class\($0)" }.joined(separator: ",")
        terms.append("(c.customer_class NOT IN (\(named)) AND \(due) IN \(list(selection.standardDueDates)))")
        return (sql + " AND (\(terms.joined(separator: " OR ")))", arguments)
    }
}

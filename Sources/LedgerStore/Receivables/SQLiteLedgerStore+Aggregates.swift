import GRDB
import LedgerCore

/// `ReceivablesAggregateQueries` in SQL (issue 10): each report's inputs summed by SQLite with GROUP BY over
/// index ranges, the open amounts as of a date from the one rule in `OpenAsOf.invoiceAmounts`, rows read through
/// cursors. Nothing here loads the ledger into memory.
extension SQLiteLedgerStore {
    public func agingCells(asOf: CivilDate, thresholds: [CivilDate], basis: AgingBasis,
                           grouping: AgingGrouping) throws -> [AgingCell] {
        try read { db in
            // Today (nothing dated after `asOf`) by due date, ungrouped or per customer: the maintained due months
            // (`AgingTodaySQL`); any other day: the maintained settlement days narrow the invoices to those open
            // as of the date (`AgingAsOfSQL`).
            let current = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
            let fits = basis == .dueDate && (grouping == .none || grouping == .customer)
            let openDue = { (from: CivilDate, to: CivilDate) in try DueDaySchema.open(db, from: from, to: to) }
            if current, fits, let maintained = try AgingTodaySQL(asOf: asOf, thresholds: thresholds, openDue: openDue) {
                return try maintained.cells(db, perCustomer: grouping == .customer)
            }
            if !current {
                return try AgingAsOfSQL(asOf: asOf, thresholds: thresholds, basis: basis, grouping: grouping).cells(db)
            }
            let bucket = Self.agingBucket(thresholds: thresholds, basis: basis)
            // Today, grouped by the document's fields or by invoice date: the open invoices with their documents.
            let sql = fits ? Self.agingTodaySQL(bucket: bucket, grouping: grouping)
                : try Self.agingRecomputedSQL(db, asOf: asOf, thresholds: thresholds, basis: basis, grouping: grouping)
            return try Self.agingCells(db, sql: sql, arguments: ["asOf": asOf.description])
        }
    }

    public func agingCustomerPage(asOf: CivilDate, thresholds: [CivilDate],
                                  page: PageRequest) throws -> AgingCustomerPage? {
        try read { db in
            let openDue = { (from: CivilDate, to: CivilDate) in try DueDaySchema.open(db, from: from, to: to) }
            guard try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description),
                  let maintained = try AgingTodaySQL(asOf: asOf, thresholds: thresholds, openDue: openDue) else {
                return nil
            }
            // The report's rows: a customer and currency with open invoices or unapplied credits (its group total
            // is the maintained balance), in the report's order (`Aging.report`: total descending, then code).
            let rows = "FROM customer_balance b JOIN customer c ON c.id = b.customer_id "
                + "WHERE b.open_invoice_count <> 0 OR b.unapplied_credits <> 0"
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(rows)") ?? 0
            var keys: [AgingCustomerPage.Key] = [], ids: [Int64] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT b.customer_id, b.currency, c.code \(rows)
                ORDER BY b.currency, b.open_invoices - b.unapplied_credits DESC, c.code LIMIT ? OFFSET ?
                """, arguments: [page.limit, page.offset])
            while let row = try cursor.next() {
                let code: String = row[1]
                guard let currency = Currency.named(code) else {
                    throw LedgerError.storage("table customer_balance, customer \(row[0] as Int64), column currency: "
                                              + "unknown currency \(code)")
                }
                keys.append(.init(currency: currency, code: row[2]))
                ids.append(row[0])
            }
            guard !ids.isEmpty else { return AgingCustomerPage(keys: [], cells: [], rowCount: count) }
            // A customer on the page in one currency may have open invoices in another, on another page.
            let shown = Set(keys)
            let cells = try maintained.cells(db, perCustomer: true, customers: ids).filter {
                shown.contains(.init(currency: $0.currency, code: $0.key))
            }
            return AgingCustomerPage(keys: keys, cells: cells, rowCount: count)
        }
    }

    /// The aging cells by the plain rule (`OpenAsOf.withInvoicesOpen`: every invoice dated up to `asOf` or every
    /// allocation after it, with its document), without the maintained tables: the reference the tests compare
    /// the maintained paths with.
    func agingCellsRecomputed(asOf: CivilDate, thresholds: [CivilDate], basis: AgingBasis,
                              grouping: AgingGrouping) throws -> [AgingCell] {
        try read { db in
            let sql = try Self.agingRecomputedSQL(db, asOf: asOf, thresholds: thresholds, basis: basis,
                                                  grouping: grouping)
            return try Self.agingCells(db, sql: sql, arguments: ["asOf": asOf.description])
        }
    }

    /// The query of `agingCellsRecomputed` (argument `:asOf`).
    private static func agingRecomputedSQL(_ db: Database, asOf: CivilDate, thresholds: [CivilDate],
                                           basis: AgingBasis, grouping: AgingGrouping) throws -> String {
        let bucket = Self.agingBucket(thresholds: thresholds, basis: basis)
        let key: (String, String)
        var joins = ""
        switch grouping {
        case .none: key = ("''", "''")
        case .customer: key = ("c.code", "c.name"); joins = "JOIN customer c ON c.id = d.customer_id"
        case .salesperson:
            key = ("COALESCE(s.name, '')", "COALESCE(s.name, '')")
            joins = "LEFT JOIN salesperson s ON s.id = d.salesperson_id"
        case .region: key = ("d.region", "d.region")
        case .channel: key = ("d.channel", "d.channel")
        }
        return """
            \(OpenAsOf.withInvoicesOpen(asOf: ":asOf", side: try OpenAsOf.side(db, asOf: asOf.description)))
            SELECT d.currency, \(key.0) AS key, MAX(\(key.1)) AS label, \(bucket) AS bucket, SUM(o.open) AS amount,
                   COUNT(*) AS n, SUM(CASE WHEN d.due_date < :asOf THEN o.open ELSE 0 END) AS overdue,
                   SUM(CASE WHEN d.disputed THEN o.open ELSE 0 END) AS disputed
            FROM open_as_of o JOIN document d ON d.id = o.id \(joins)
            WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf
            GROUP BY d.currency, key, bucket
            """
    }

    /// The bucket index expression over `d.due_date` or `d.date`: the number of thresholds the date is before.
    static func agingBucket(thresholds: [CivilDate], basis: AgingBasis) -> String {
        let keyDate = basis == .dueDate ? "d.due_date" : "d.date"
        return thresholds.isEmpty ? "0"
            : thresholds.map { "(\(keyDate) < \(OpenAsOf.literal($0)))" }.joined(separator: " + ")
    }

    /// Cells from rows (currency, key, label, bucket, amount, n, overdue, disputed), read by column index.
    static func agingCells(_ db: Database, sql: String, arguments: StatementArguments) throws -> [AgingCell] {
        var cells: [AgingCell] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let code: String = row[0]
            guard let currency = Currency.named(code) else {
                throw LedgerError.storage("table document, column currency: '\(code)' is not a known ISO 4217 currency")
            }
            cells.append(AgingCell(currency: currency, key: row[1] ?? "", label: row[2] ?? "", bucket: row[3],
                                   amount: row[4], count: row[5], overdue: row[6], disputed: row[7]))
        }
        return cells
    }

    /// Aging cells from the open `open_item` rows (valid when nothing is dated after `:asOf`); `bucket` is the
    /// bucket expression over `d.due_date`, evaluated here on the maintained row's due date.
    private static func agingTodaySQL(bucket: String, grouping: AgingGrouping) -> String {
        let perCustomer = grouping == .customer
        return """
            SELECT x.currency, \(perCustomer ? "c.code" : "''") AS key, \(perCustomer ? "c.name" : "''") AS label,
                   x.bucket, x.amount, x.n, x.overdue, x.disputed
            FROM (
              SELECT \(perCustomer ? "o.customer_id, " : "")o.currency,
                     \(bucket.replacingOccurrences(of: "d.due_date", with: "o.due_date")) AS bucket,
                     SUM(o.open_amount) AS amount, COUNT(*) AS n,
                     SUM(CASE WHEN o.due_date < :asOf THEN o.open_amount ELSE 0 END) AS overdue,
                     SUM(CASE WHEN o.id IN (SELECT id FROM document WHERE disputed) THEN o.open_amount ELSE 0 END)
                       AS disputed
              FROM open_item o WHERE o.kind = 'invoice' AND o.open_amount <> 0
              GROUP BY \(perCustomer ? "o.customer_id, " : "")o.currency, bucket
            ) x\(perCustomer ? " JOIN customer c ON c.id = x.customer_id" : "")
            """
    }

    /// The DSO amounts as rows (currency, date, amount, receivable): open invoices as of `:to` (dated `:to`) and
    /// posted documents dated in `:from...:to` (credit notes negative).
    private static let dsoEntriesSQL = """
        \(OpenAsOf.withInvoicesOpen(asOf: ":to"))
        SELECT d.currency, :to AS date, o.open AS amount, 1 AS receivable
        FROM open_as_of o JOIN document d ON d.id = o.id
        WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :to
        UNION ALL
        SELECT d.currency, d.date, CASE d.kind WHEN 'invoice' THEN d.total ELSE -d.total END, 0
        FROM document d WHERE d.status = 'posted' AND d.date >= :from AND d.date <= :to
        """

    public func dsoTotals(from: CivilDate, to: CivilDate) throws -> [DSOTotals] {
        let sql = """
            SELECT currency, SUM(CASE WHEN receivable THEN amount ELSE 0 END) AS receivables,
                   SUM(CASE WHEN receivable THEN 0 ELSE amount END) AS sales
            FROM (\(Self.dsoEntriesSQL)) GROUP BY currency ORDER BY currency
            """
        return try read { db in
            // Today (nothing dated after `to`): the maintained balances and monthly sales, no document scan.
            let current = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: to.description)
            let query = current ? Self.dsoMaintainedSQL(from: from, to: to) : sql
            return try Row.fetchAll(db, sql: query, arguments: ["from": from.description, "to": to.description])
                .map { row in
                DSOTotals(currency: try RowMapping.currency(row, "document"),
                          receivablesAtEnd: row[QueryColumns.receivables], creditSales: row[QueryColumns.sales])
            }
        }
    }

    /// DSO inputs from maintained figures, valid when nothing is dated after `to`: receivables at the end from
    /// `customer_balance`, credit sales from `sales_month` for whole months and from the documents only on the
    /// days of a month cut by the period (`MonthCover`). Same sums as `dsoEntriesSQL`; `n` counts the open
    /// invoices and documents, so a currency appears exactly when it has either.
    static func dsoMaintainedSQL(from: CivilDate, to: CivilDate) -> String {
        let cover = MonthCover(from: from, to: to)
        let signed = "CASE kind WHEN 'invoice' THEN total ELSE -total END"
        var parts = ["SELECT currency, open_invoices AS receivables, 0 AS sales, open_invoice_count AS n "
                     + "FROM customer_balance WHERE open_invoice_count <> 0"]
        if !cover.months.isEmpty {
            let months = cover.months.map { OpenAsOf.literal($0) }.joined(separator: ", ")
            parts.append("SELECT currency, 0, \(signed), n FROM sales_month WHERE date IN (\(months)) AND n <> 0")
        }
        for (ranges, sign) in [(cover.added, ""), (cover.removed, "-")] {
            for days in ranges {
                parts.append("SELECT currency, 0, \(sign)\(signed), \(sign)1 FROM document WHERE status = 'posted' "
                             + "AND date >= \(OpenAsOf.literal(days.lowerBound)) "
                             + "AND date <= \(OpenAsOf.literal(days.upperBound))")
            }
        }
        return "SELECT currency, SUM(receivables) AS receivables, SUM(sales) AS sales FROM ("
            + parts.joined(separator: " UNION ALL ") + ") GROUP BY currency HAVING SUM(n) <> 0 ORDER BY currency"
    }

    public func forEachDSOEntry(from: CivilDate, to: CivilDate, _ body: (DSOEntry) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: Self.dsoEntriesSQL,
                                           arguments: ["from": from.description, "to": to.description])
            while let row = try rows.next() {
                try body(DSOEntry(currency: try RowMapping.currency(row, "document"),
                                  date: try RowMapping.date(row, QueryColumns.date, "document"),
                                  amount: row[QueryColumns.amount], isReceivable: row[QueryColumns.receivable]))
            }
        }
    }

    /// Collections per month and currency: the maintained rows of the months from `from`'s to `to`'s
    /// (`CollectionMonthSchema`, s19-coll; a dozen rows, no invoice read). A sum that left SQLite's integers (an
    /// overflow turns it into a real) is an error, not a figure.
    public func collectionMonths(from: CivilDate, to: CivilDate) throws -> [CollectionMonth] {
        let sql = """
            SELECT month, currency, due, collected, settled FROM collection_month
            WHERE month >= ? AND month <= ? AND n <> 0 ORDER BY month, currency
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [from.monthKey, to.monthKey]).map { row in
                let month: String = row[0], code: String = row[1]
                guard let currency = Currency.named(code) else {
                    throw LedgerError.storage("collections, month \(month): '\(code)' is not a known ISO 4217 currency")
                }
                let sums = try (2...4).map { column -> Int64 in
                    guard case .int64(let sum) = (row[column] as DatabaseValue).storage else {
                        throw LedgerError.storage("collections, month \(month) \(code): a sum overflows")
                    }
                    return sum
                }
                return CollectionMonth(month: month, currency: currency, due: sums[0], collected: sums[1],
                                       settledOfDue: sums[2])
            }
        }
    }

    /// Issue 10 (s17-pay): one row per settled invoice of the maintained `invoice_settled` (its settling day by
    /// receipt, `paid_day`, with its customer, date and due date), summed per customer in SQL — no allocation
    /// read. As of a date D: the invoices settled now on or before D (every allocation on them is dated ≤ D, so
    /// their settlement as of D is today's), and the invoices with a reversal (反核销) not among them, whose
    /// allocations dated ≤ D the window of `InvoiceSettledSchema.paidSQL` reads: an invoice without one has only
    /// allocations above 0, so one open now or settled after D was open at D.
    public func paymentBehaviour(asOf: CivilDate?, customerID: Int64?) throws -> [PaymentBehaviour] {
        var args: [String: (any DatabaseValueConvertible)?] = [:]
        var oneCustomer = ""
        if let customerID {
            args["customer"] = customerID
            oneCustomer = " AND s.id IN (SELECT id FROM document WHERE customer_id = :customer)"
        }
        var sql = """
            SELECT s.id, s.customer_id, s.paid_day - s.day AS to_pay, s.paid_day - s.due_day AS past_due
            FROM invoice_settled s WHERE s.paid_day IS NOT NULL\(oneCustomer)
            """
        if let asOf {
            args["asOf"] = asOf.description
            args["day"] = asOf.julianDayNumber
            let reversed = "a.invoice_id IN (SELECT invoice_id FROM allocation WHERE reverses_id IS NOT NULL)"
            sql += """
                 AND +s.settled_day <= :day
                UNION ALL
                SELECT s.id, s.customer_id, p.paid_day - s.day, p.paid_day - s.due_day
                FROM (\(InvoiceSettledSchema.paidSQL(where: "\(reversed) AND a.date <= :asOf"))) p
                JOIN invoice_settled s ON s.id = p.invoice_id
                WHERE (s.settled_day IS NULL OR s.settled_day > :day)\(oneCustomer)
                """
        }
        // Summed per customer in SQL (s31-reads): one row per customer, not per settled invoice. `missing` counts the
        // rows a NULL would have left out of a sum (a damaged row), named in the error as the per-row read did.
        let summed = """
            SELECT customer_id, COUNT(*) AS n, SUM(to_pay) AS to_pay, SUM(MAX(0, past_due)) AS late_days,
                   SUM(past_due > 0) AS late,
                   MIN(CASE WHEN customer_id IS NULL OR to_pay IS NULL OR past_due IS NULL THEN id END) AS id,
                   SUM(customer_id IS NULL OR to_pay IS NULL OR past_due IS NULL) AS missing
            FROM (\(sql)) GROUP BY customer_id
            """
        return try read { db in
            var sums: [Int64: PaymentBehaviour] = [:]
            let rows = try Row.fetchCursor(db, sql: summed, arguments: StatementArguments(args))
            while let row = try rows.next() {
                guard row["missing"] as Int? == 0, let customer = row[0] as Int64?, let n = row[1] as Int?,
                      let toPay = row[2] as Int?, let lateDays = row[3] as Int?, let late = row[4] as Int? else {
                    throw RowMapping.invalid("invoice_settled", row, "customer_id, day, due_day", "NULL")
                }
                sums[customer] = PaymentBehaviour(customerID: customer, customerCode: "", customerName: "",
                                                  settledInvoices: n, totalDaysToPay: toPay, totalDaysLate: lateDays,
                                                  lateInvoices: late)
            }
            var result: [PaymentBehaviour] = []
            let customers = try Row.fetchCursor(db, sql: "SELECT id, code, name FROM customer ORDER BY code")
            while let row = try customers.next() {
                guard var sum = sums[row[0]] else { continue }
                sum.customerCode = row[1]
                sum.customerName = row[2]
                result.append(sum)
            }
            return result
        }
    }

    public func writeOffRows(from: CivilDate, to: CivilDate) throws -> [WriteOffRow] {
        let sql = """
            SELECT a.id, a.date, d.display_number, c.code, c.name, a.currency, a.amount, a.note
            FROM allocation a JOIN document d ON d.id = a.invoice_id JOIN customer c ON c.id = d.customer_id
            WHERE a.source = 'write_off' AND a.date >= :from AND a.date <= :to AND d.status = 'posted'
            ORDER BY a.date, d.display_number, a.id
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: ["from": from.description, "to": to.description]).map { row in
                typealias C = QueryColumns
                return WriteOffRow(date: try RowMapping.date(row, C.date, "allocation"),
                                   invoiceNumber: row[C.displayNumber], customerCode: row[C.code],
                                   customerName: row[C.name], currency: try RowMapping.currency(row, "allocation"),
                                   amount: row[C.amount], reason: row[C.note] ?? "")
            }
        }
    }
}

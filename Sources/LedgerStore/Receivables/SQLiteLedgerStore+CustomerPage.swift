import GRDB
import LedgerCore

/// The customer list, one page at a time (issue 10). First the page's customer ids in the list's order (the search
/// read rank by rank through `CustomerSearchTiers` in the default order, else narrowed by `CustomerSearchIndex` and
/// ranked by `SearchRanking`; a sort on a figure joins that figure grouped once per customer); then the page's rows:
/// when nothing is dated after the as-of date, customer, balance, overdue, last sale and 12 months of sales in ONE
/// query on maintained values (`CustomerPageRows`, s13-cust); otherwise one grouped query per figure with the
/// as-of sums of `OpenAsOf`. One snapshot (`read`) holds both steps.
extension SQLiteLedgerStore {
    /// The customer list with an extra SQL condition on `c` (used by classified lists).
    func customerRows(search: String?, extraClause: String, asOf: CivilDate, page: PageRequest,
                      sort: CustomerSort = CustomerSort(), after: CustomerListRow? = nil) throws -> [CustomerListRow] {
        let (clause, args) = SQLiteLedgerStore.searchClause(search)
        let ranked = SearchRanking.sql(search, code: "c.code", extra: ["phone"])
        let index = CustomerSearchIndex.candidates(search, id: "c.id")
        return try read { db in
            // A read-only ledger of an older version (no migrations run) lacks `customer_month`: figures as of.
            let current = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: asOf.description)
                && db.tableExists("customer_month")
            let sets = CustomerFigureSets(current: current, asOf: asOf)
            var key: String
            var join = ""
            switch sort.column {
            case .code: key = "c.code"
            case .name: key = "c.name"
            case .customerClass: key = "c.customer_class"
            case .region: key = "c.region"
            case .channel: key = "c.channel"
            case .balance:
                let parts = sets.balance(restrict: { _ in "" })
                key = parts.indices.map { "\($0 == 0 ? "" : " - ")COALESCE(f\($0).v, 0)" }.joined()
                join = parts.enumerated().map { "LEFT JOIN (\($0.element)) f\($0.offset) ON f\($0.offset).customer_id "
                                                + "= c.id" }
                    .joined(separator: " ")
            case .overdue:
                key = "COALESCE(f0.v, 0)"
                join = "LEFT JOIN (\(sets.overdue(restrict: { _ in "" }))) f0 ON f0.customer_id = c.id"
            case .lastPurchase:
                key = "f0.v"
                join = "LEFT JOIN (\(sets.lastSale(restrict: { _ in "" }))) f0 ON f0.customer_id = c.id"
            }
            var order = "\(key) \(sort.ascending ? "ASC" : "DESC")\(sort.column == .code ? "" : ", c.code")"
            var arguments = StatementArguments(index?.arguments ?? [])
            arguments += args
            if sort == CustomerSort(), !ranked.rankArgs.isEmpty {
                // The default order with a search: best match first (exact code, code prefix, name prefix, substring).
                order = "\(ranked.rank), " + order
                arguments += StatementArguments(ranked.rankArgs)
            }
            var keyset = "1"
            var offset = page.offset
            if let after, let seek = Self.keyset(after: after, sort: sort, ranked: !ranked.rankArgs.isEmpty) {
                // Keyset paging (s13-cust): the rows after the previous page's last row, on the sort's index.
                keyset = seek.clause
                arguments += seek.arguments
                offset = 0
            }
            arguments += [page.limit, offset]
            let ids: [Int64]
            if sort == CustomerSort(), try CustomerSearchTiers.isAvailable(db),
               let tiers = CustomerSearchTiers.idsSQL(
                search, extraClause: extraClause, dense: try CustomerSearchTiers.isDense(db, search)) {
                // The default order with a search: rank by rank, a page stops when full (issue 10).
                // A cached statement (s14-search): the text depends on the kind of search, not on its letters, so
                // each keystroke binds new values instead of compiling the four arms again.
                ids = try Int64.fetchAll(db.cachedStatement(sql: tiers.sql + " LIMIT ? OFFSET ?"),
                                         arguments: tiers.arguments + [page.limit, page.offset])
            } else {
                ids = try Int64.fetchAll(db, sql: """
                    SELECT c.id FROM customer c \(join)
                    WHERE \(index?.clause ?? "1") AND \(clause) AND \(extraClause) AND \(keyset)
                    ORDER BY \(order) LIMIT ? OFFSET ?
                    """, arguments: arguments)
            }
            if sets.current { return try CustomerPageRows.rows(ids: ids, asOf: asOf, db: db) }
            let first = CustomerPageRows.firstMonth(asOf)
            let sales = try SQLiteLedgerStore.monthlySales(db, customerIDs: ids, from: first, to: asOf)
            return try pageRows(ids: ids, sets: sets, db: db).map { row in
                var row = row
                row.recentSales = CustomerPageRows.months(sales[row.id], first: first)
                return row
            }
        }
    }

    /// The condition selecting the rows after `after` in `sort`'s order (code unique, the tie-break of every other
    /// column), or nil where the order is not a stored column's: a figure, or a search's rank (`ranked`) in the
    /// default order.
    static func keyset(after: CustomerListRow, sort: CustomerSort,
                       ranked: Bool) -> (clause: String, arguments: StatementArguments)? {
        let comparison = sort.ascending ? ">" : "<"
        let key: String, value: String
        switch sort.column {
        case .code:
            if ranked && sort == CustomerSort() { return nil }
            return ("c.code \(comparison) ?", [after.code])
        case .name: (key, value) = ("c.name", after.name)
        case .customerClass: (key, value) = ("c.customer_class", after.customerClass)
        case .region: (key, value) = ("c.region", after.region)
        case .channel: (key, value) = ("c.channel", after.channel)
        case .balance, .overdue, .lastPurchase: return nil
        }
        return ("(\(key) \(comparison) ? OR (\(key) = ? AND c.code > ?))", [value, value, after.code])
    }

    /// The rows of customers `ids`, in that order, with their figures (one grouped query per figure).
    private func pageRows(ids: [Int64], sets: CustomerFigureSets, db: Database) throws -> [CustomerListRow] {
        guard !ids.isEmpty else { return [] }
        // Ids are integers, so inlining them is safe; a very large page reads every customer's figures instead.
        let list = ids.map(String.init).joined(separator: ",")
        let restrict: (String) -> String = ids.count > 1_000 ? { _ in "" } : { " AND \($0) IN (\(list))" }
        var customers: [Int64: Customer] = [:]
        let customerSQL = ids.count > 1_000 ? "SELECT * FROM customer" : "SELECT * FROM customer WHERE id IN (\(list))"
        for row in try Row.fetchAll(db, sql: customerSQL) {
            let customer = try RowMapping.customer(row)
            customers[customer.id] = customer
        }
        func figures(_ sql: String) throws -> [Int64: Int64] {
            var values: [Int64: Int64] = [:]
            for row in try Row.fetchAll(db, sql: sql) { values[row[0]] = row[1] }
            return values
        }
        let balanceParts = try sets.balance(restrict: restrict).map(figures)
        let overdue = try figures(sets.overdue(restrict: restrict))
        var lastSale: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: sets.lastSale(restrict: restrict)) { lastSale[row[0]] = row[1] }
        return try ids.compactMap { id in
            guard let customer = customers[id] else { return nil }
            var balance: Int64 = 0
            for (index, part) in balanceParts.enumerated() {
                let value = part[id] ?? 0
                let (sum, overflow) = index == 0 ? balance.addingReportingOverflow(value)
                                                 : balance.subtractingReportingOverflow(value)
                guard !overflow else { throw LedgerError.storage("customer \(customer.code): balance overflows") }
                balance = sum
            }
            let last = try lastSale[id].map { text -> CivilDate in
                guard let date = CivilDate(iso: text) else {
                    throw LedgerError.storage("table document, customer \(customer.code), column date: "
                                              + "bad date \(text)")
                }
                return date
            }
            return CustomerListRow(id: customer.id, code: customer.code, name: customer.name,
                                   customerClass: customer.customerClass, region: customer.region,
                                   channel: customer.channel, currency: customer.currency, balance: balance,
                                   overdue: overdue[id] ?? 0, lastPurchase: last)
        }
    }
}

/// The customer list's figures as grouped SQL (`SELECT customer_id, v … GROUP BY customer_id`), each optionally
/// restricted to some customers (`restrict` gets the customer id column and returns ` AND … IN (…)` or nothing).
/// Balance = open invoices − unapplied receipts − unapplied credit notes (one query, or three when not current);
/// overdue = open invoices due before the as-of date; last sale = the latest posted invoice's date up to it.
struct CustomerFigureSets {
    /// True when nothing is dated after `asOf`: the maintained figures are the figures as of it.
    let current: Bool
    let asOf: CivilDate

    private var day: String { asOf.description }
    private var on: String { OpenAsOf.literal(asOf) }

    func balance(restrict: (String) -> String) -> [String] {
        if current {
            return ["SELECT customer_id, SUM(open_invoices - unapplied_credits) AS v FROM customer_balance WHERE 1"
                    + restrict("customer_id") + " GROUP BY customer_id"]
        }
        return [
            """
            SELECT d.customer_id, SUM(\(OpenAsOf.invoiceOpen(asOf: on))) AS v FROM document d
            WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= '\(day)'\(restrict("d.customer_id"))
            GROUP BY d.customer_id
            """,
            """
            SELECT r.customer_id, SUM(\(OpenAsOf.unapplied("receipt", asOf: on))) AS v FROM receipt r
            WHERE r.date <= '\(day)'\(restrict("r.customer_id")) GROUP BY r.customer_id
            """,
            """
            SELECT d.customer_id, SUM(\(OpenAsOf.unapplied("credit_note", "d", asOf: on))) AS v FROM document d
            WHERE d.kind = 'credit_note' AND d.status = 'posted' AND d.date <= '\(day)'\(restrict("d.customer_id"))
            GROUP BY d.customer_id
            """,
        ]
    }

    func overdue(restrict: (String) -> String) -> String {
        if current {
            return """
                SELECT o.customer_id, SUM(o.open_amount) AS v FROM open_item o
                WHERE o.kind = 'invoice' AND o.open_amount <> 0 AND o.due_date < \(on)\(restrict("o.customer_id"))
                GROUP BY o.customer_id
                """
        }
        return """
            SELECT d.customer_id, SUM(\(OpenAsOf.invoiceOpen(asOf: on))) AS v FROM document d
            WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= '\(day)' AND d.due_date < '\(day)'
            \(restrict("d.customer_id")) GROUP BY d.customer_id
            """
    }

    func lastSale(restrict: (String) -> String) -> String {
        if current {
            return "SELECT customer_id, MAX(last_invoice) AS v FROM customer_month WHERE 1" + restrict("customer_id")
                + " GROUP BY customer_id"
        }
        return """
        SELECT d.customer_id, MAX(d.date) AS v FROM document d
        WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= '\(day)'\(restrict("d.customer_id"))
        GROUP BY d.customer_id
        """
    }
}

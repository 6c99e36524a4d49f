import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func summary() throws -> LedgerSummary {
        try read { db in
            var s = LedgerSummary()
            s.customers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0
            s.products = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product") ?? 0
            s.salespeople = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM salesperson") ?? 0
            s.invoices = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE kind = 'invoice' AND status = 'posted'") ?? 0
            s.creditNotes = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE kind = 'credit_note' AND status = 'posted'") ?? 0
            s.invoiceLines = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM document_line l JOIN document d ON d.id = l.document_id
                WHERE d.kind = 'invoice' AND d.status = 'posted'
                """) ?? 0
            s.receipts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipt") ?? 0
            for row in try Row.fetchAll(db, sql: """
                SELECT currency, SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END) AS sales
                FROM document WHERE status = 'posted' GROUP BY currency
                """) {
                s.salesByCurrency[row["currency"]] = row["sales"]
            }
            if let row = try Row.fetchOne(db, sql: "SELECT MIN(date) AS a, MAX(date) AS b FROM document WHERE status = 'posted'"),
               let a: String = row["a"], let b: String = row["b"] {
                s.firstDate = CivilDate(iso: a)
                s.lastDate = CivilDate(iso: b)
            }
            return s
        }
    }

    public func customer(code: String) throws -> Customer? {
        try read { db in try SQLiteTransaction(db: db).customer(code: code) }
    }

    /// The customer search condition (code, name, pinyin of any reading, initials, phone); see `SearchRanking`.
    static func searchClause(_ search: String?) -> (String, StatementArguments) {
        let ranked = SearchRanking.sql(search, code: "code", extra: ["phone"])
        return (ranked.clause, StatementArguments(ranked.clauseArgs))
    }

    public func customers(search: String?, asOf: CivilDate, page: PageRequest) throws -> [CustomerListRow] {
        try customerRows(search: search, extraClause: "1", asOf: asOf, page: page)
    }

    /// The customer list with an extra SQL condition on `c` (used by classified lists).
    func customerRows(search: String?, extraClause: String, asOf: CivilDate, page: PageRequest,
                      sort: CustomerSort = CustomerSort()) throws -> [CustomerListRow] {
        let (clause, args) = SQLiteLedgerStore.searchClause(search)
        let column: String
        switch sort.column {
        case .code: column = "c.code"
        case .name: column = "c.name"
        case .customerClass: column = "c.customer_class"
        case .region: column = "c.region"
        case .channel: column = "c.channel"
        case .balance: column = "balance"
        case .overdue: column = "overdue"
        case .lastPurchase: column = "last_purchase"
        }
        var order = "\(column) \(sort.ascending ? "ASC" : "DESC")\(sort.column == .code ? "" : ", c.code")"
        let ranked = SearchRanking.sql(search, code: "c.code", extra: ["phone"])
        var rankArgs: StatementArguments = []
        if sort == CustomerSort(), !ranked.rankArgs.isEmpty {
            // The default order with a search: best match first (exact code, code prefix, name prefix, substring).
            order = "\(ranked.rank), " + order
            rankArgs = StatementArguments(ranked.rankArgs)
        }
        return try read { db in
            // As of `asOf`: documents and allocations dated after it do not count. `d` is a CivilDate's ISO text
            // (digits and dashes only), so it is inlined.
            let d = asOf.description
            let on = OpenAsOf.literal(asOf)
            let openInvoice = OpenAsOf.invoiceOpen(asOf: on)
            // Issue 10: with nothing dated after `asOf`, the maintained balances are the figures as of it.
            let current = try CustomerFiguresSQL.maintainedAreCurrent(db, asOf: d)
            let balance = current ? CustomerFiguresSQL.maintainedBalance : """
                  COALESCE((SELECT SUM(\(openInvoice))
                            FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= '\(d)'), 0)
                  - COALESCE((SELECT SUM(\(OpenAsOf.unapplied("receipt", asOf: on)))
                            FROM receipt r WHERE r.customer_id = c.id AND r.date <= '\(d)'), 0)
                  - COALESCE((SELECT SUM(\(OpenAsOf.unapplied("credit_note", "d", asOf: on)))
                            FROM document d WHERE d.customer_id = c.id AND d.kind = 'credit_note' AND d.status = 'posted' AND d.date <= '\(d)'), 0)
                """
            let overdue = current ? CustomerFiguresSQL.maintainedOverdue(asOf: on) : """
                  COALESCE((SELECT SUM(\(openInvoice))
                            FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice' AND d.status = 'posted'
                            AND d.date <= '\(d)' AND d.due_date < '\(d)'), 0)
                """
            let sql = """
                SELECT c.*, \(balance) AS balance, \(overdue) AS overdue,
                  (SELECT MAX(d.date) FROM document d WHERE d.customer_id = c.id AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= '\(d)') AS last_purchase
                FROM customer c
                WHERE \(clause) AND \(extraClause)
                ORDER BY \(order)
                LIMIT ? OFFSET ?
                """
            var positional = args
            positional += rankArgs
            positional += [page.limit, page.offset]
            return try Row.fetchAll(db, sql: sql, arguments: positional).map { row in
                let customer = try RowMapping.customer(row)
                return CustomerListRow(id: customer.id, code: customer.code, name: customer.name,
                                       customerClass: customer.customerClass, region: customer.region,
                                       channel: customer.channel, currency: customer.currency, balance: row["balance"],
                                       overdue: row["overdue"], lastPurchase: try RowMapping.optionalDate(row, "last_purchase", "document"))
            }
        }
    }

    public func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort, page: PageRequest) throws -> [CustomerListRow] {
        let clause = try read { db in try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer) }
        return try customerRows(search: filter.search, extraClause: clause, asOf: asOf, page: page, sort: sort)
    }

    public func customerListCount(filter: ClassFilter) throws -> Int {
        let (search, args) = SQLiteLedgerStore.searchClause(filter.search)
        return try read { db in
            let clause = try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer c WHERE \(search) AND \(clause)", arguments: args) ?? 0
        }
    }

    static func invoiceWhere(_ filter: InvoiceFilter) -> (String, StatementArguments) {
        var parts = ["1"]
        var args: StatementArguments = []
        if let code = filter.customerCode { parts.append("c.code = ?"); args += [code] }
        if let from = filter.from { parts.append("d.date >= ?"); args += [from.description] }
        if let to = filter.to { parts.append("d.date <= ?"); args += [to.description] }
        if let kind = filter.kind { parts.append("d.kind = ?"); args += [kind.rawValue] }
        if let status = filter.status { parts.append("d.status = ?"); args += [status.rawValue] }
        return (parts.joined(separator: " AND "), args)
    }

    public func invoices(filter: InvoiceFilter, page: PageRequest) throws -> [InvoiceListRow] {
        let (clause, args) = SQLiteLedgerStore.invoiceWhere(filter)
        return try read { db in try SQLiteLedgerStore.invoiceRows(db, whereClause: clause, arguments: args, page: page) }
    }

    public func invoiceCount(filter: InvoiceFilter) throws -> Int {
        let (clause, args) = SQLiteLedgerStore.invoiceWhere(filter)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document d JOIN customer c ON c.id = d.customer_id WHERE \(clause)",
                             arguments: args) ?? 0
        }
    }

    public func invoiceDocument(number: String) throws -> Invoice? {
        try read { db in try SQLiteTransaction(db: db).invoice(number: number) }
    }

    public func products(search: String?, page: PageRequest) throws -> [Product] {
        try productList(search: search, includeArchived: false, page: page)
    }

    public func salespeople() throws -> [Salesperson] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM salesperson ORDER BY code").map(RowMapping.salesperson) }
    }

    public func openItems(asOf: CivilDate) throws -> [OpenItem] {
        try read { db in
            try Row.fetchAll(db, sql: RowMapping.openItemsSQL(whereClause: "d.date <= :asOf", asOf: true),
                             arguments: ["asOf": asOf.description]).map(RowMapping.openItem)
        }
    }

    public func monthlySales(customerID: Int64, from: CivilDate, to: CivilDate) throws -> [String: Int64] {
        try monthlySales(customerIDs: [customerID], from: from, to: to)[customerID] ?? [:]
    }

    public func monthlySales(customerIDs: [Int64], from: CivilDate, to: CivilDate) throws -> [Int64: [String: Int64]] {
        guard !customerIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: [String: Int64]] = [:]
            let marks = Array(repeating: "?", count: customerIDs.count).joined(separator: ",")
            var arguments = StatementArguments(customerIDs)
            arguments += [from.description, to.description]
            for row in try Row.fetchAll(db, sql: """
                SELECT customer_id, substr(date, 1, 7) AS month, SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END) AS sales
                FROM document WHERE customer_id IN (\(marks)) AND status = 'posted' AND date >= ? AND date <= ?
                GROUP BY customer_id, month
                """, arguments: arguments) {
                let customer: Int64 = row["customer_id"]
                result[customer, default: [:]][row["month"]] = row["sales"]
            }
            return result
        }
    }

    public func users() throws -> [LedgerUser] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").map(SQLiteTransaction.user) }
    }

    public func documentTotals(from: CivilDate?, to: CivilDate?) throws -> [DocumentTotals] {
        var clause = "d.status = 'posted'"
        var args: StatementArguments = []
        if let from { clause += " AND d.date >= ?"; args += [from.description] }
        if let to { clause += " AND d.date <= ?"; args += [to.description] }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.display_number, d.kind, d.date, d.currency, d.subtotal, d.tax_total, d.total, c.code, c.name
                FROM document d JOIN customer c ON c.id = d.customer_id WHERE \(clause) ORDER BY d.date, d.id
                """, arguments: args).map { row in
                DocumentTotals(number: row["display_number"], kind: try RowMapping.code(row, "kind", "document"),
                               date: try RowMapping.date(row, "date", "document"), customerCode: row["code"],
                               customerName: row["name"], currency: try RowMapping.currency(row, "document"), net: row["subtotal"], tax: row["tax_total"],
                               total: row["total"])
            }
        }
    }

    public func receipts(customerID: Int64, page: PageRequest) throws -> [Receipt] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM receipt WHERE customer_id = ? ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
                             arguments: [customerID, page.limit, page.offset]).map(RowMapping.receipt)
        }
    }

    public func unappliedCredits(asOf: CivilDate) throws -> [UnappliedCredit] {
        try read { db in
            try Row.fetchAll(db, sql: RowMapping.unappliedSQL(whereClause: "1", asOf: true),
                             arguments: ["asOf": asOf.description]).map(RowMapping.unapplied)
        }
    }
}

extension String {
    func trimmingSpacesForSearch() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func summary() throws -> LedgerSummary {
        try read { db in
            var s = LedgerSummary()
            s.customers = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM customer") ?? 0
            s.products = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM product") ?? 0
            s.salespeople = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM salesperson") ?? 0
            // A read-only ledger opened before its migrations ran has no tally: its rows are counted from the
            // documents by the check's rule.
            let tally = try db.tableExists("document_tally") ? "document_tally"
                : "(\(DocumentTallySchema.recomputedSQL))"
            try Self.summaryFromTally(db, tally, into: &s)
            s.receipts = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM receipt") ?? 0
            // The first and last posted dates: the ends of the index on date, not a scan.
            if let row = try Row.fetchOne(db, sql: """
                SELECT (SELECT date FROM document WHERE status = 'posted' ORDER BY date LIMIT 1) AS first,
                       (SELECT date FROM document WHERE status = 'posted' ORDER BY date DESC LIMIT 1) AS last
                """) {
                s.firstDate = try RowMapping.optionalDate(row, QueryColumns.first, "document")
                s.lastDate = try RowMapping.optionalDate(row, QueryColumns.last, "document")
            }
            return s
        }
    }

    /// Posted invoices, credit notes, invoice lines and sales per currency from `tally`, the maintained
    /// `document_tally` (`DocumentTallySchema`, issue 10) or its recomputation: a few rows, where the scan of the
    /// documents and lines took 1.5 s CPU at 1M invoices.
    static func summaryFromTally(_ db: Database, _ tally: String, into s: inout LedgerSummary) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT kind, SUM(n) AS n, SUM(lines) AS line_count FROM \(tally) GROUP BY kind
            """) {
            let kind: String = row[QueryColumns.kind], n: Int = row[QueryColumns.count]
            let lines: Int = row[QueryColumns.lineCount]
            if kind == DocumentKind.invoice.rawValue { s.invoices = n; s.invoiceLines = lines }
            if kind == DocumentKind.creditNote.rawValue { s.creditNotes = n }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT currency, SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END) AS sales
            FROM \(tally) GROUP BY currency HAVING SUM(n) > 0
            """) {
            s.salesByCurrency[row[QueryColumns.currency]] = row[QueryColumns.sales]
        }
    }

    public func isEmpty() throws -> Bool {
        try read { db in
            // Same rule as `LedgerSummary.isEmpty` (posted invoices, receipts, customers, products), by EXISTS.
            try Bool.fetchOne(db, sql: """
                SELECT NOT (EXISTS (SELECT 1 FROM customer) OR EXISTS (SELECT 1 FROM product)
                    OR EXISTS (SELECT 1 FROM receipt)
                    OR EXISTS (SELECT 1 FROM document WHERE kind = 'invoice' AND status = 'posted'))
                """) ?? true
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

    // customerRows(search:extraClause:asOf:page:sort:) is in SQLiteLedgerStore+CustomerPage.swift (issue 10).

    public func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort,
                             page: PageRequest) throws -> [CustomerListRow] {
        let clause = try read { db in try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer) }
        return try customerRows(search: filter.search, extraClause: clause, asOf: asOf, page: page, sort: sort)
    }

    public func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort, page: PageRequest,
                             after: CustomerListRow?) throws -> [CustomerListRow] {
        let clause = try read { db in try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer) }
        return try customerRows(search: filter.search, extraClause: clause, asOf: asOf, page: page, sort: sort,
                                after: after)
    }

    public func customerListCount(filter: ClassFilter) throws -> Int {
        let (search, args) = SQLiteLedgerStore.searchClause(filter.search)
        let index = CustomerSearchIndex.candidates(filter.search, id: "c.id")   // issue 10: narrowed by the index
        var arguments = StatementArguments(index?.arguments ?? [])
        arguments += args
        return try read { db in
            let clause = try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer)
            return try Int.fetchOne(db,
                                    sql: "SELECT COUNT(*) FROM customer c WHERE \(index?.clause ?? "1") AND \(search) "
                                                                                                     + "AND \(clause)",
                                    arguments: arguments) ?? 0
        }
    }

    public func customerListCount(filter: ClassFilter, atMost limit: Int) throws -> Int {
        let tiers = CustomerSearchTiers.idsSQL(filter.search, extraClause: "1")
        guard tiers != nil, try read({ db in try CustomerSearchTiers.isAvailable(db) }) else {
            return min(try customerListCount(filter: filter), limit)
        }
        return try read { db in
            let clause = try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer)
            guard let tiers = CustomerSearchTiers.idsSQL(filter.search, extraClause: clause, ordered: false)
            else { return 0 }
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM (\(tiers.sql) LIMIT ?)"),
                                    arguments: tiers.arguments + [max(0, limit)]) ?? 0
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
        if let asOf = filter.asOf { parts.append("d.date <= ?"); args += [asOf.description] }
        return (parts.joined(separator: " AND "), args)
    }

    public func invoices(filter: InvoiceFilter, page: PageRequest) throws -> [InvoiceListRow] {
        let (clause, args) = SQLiteLedgerStore.invoiceWhere(filter)
        return try read { db in try SQLiteLedgerStore.invoiceRows(db, whereClause: clause, arguments: args,
                                                                  asOf: filter.asOf,
                                                                  page: page) }
    }

    public func invoiceCount(filter: InvoiceFilter) throws -> Int {
        try documentCount(where: SQLiteLedgerStore.invoiceWhere(filter))
    }

    /// Documents (joined with their customer as `c`) matching a WHERE clause and its arguments.
    func documentCount(where condition: (String, StatementArguments)) throws -> Int {
        try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document d JOIN customer c ON c.id = d.customer_id WHERE "
                                 + condition.0, arguments: condition.1) ?? 0
        }
    }

    public func invoiceDocument(number: String) throws -> Invoice? {
        try read { db in try SQLiteTransaction(db: db).invoice(number: number) }
    }

    public func receipt(number: String) throws -> Receipt? {
        try read { db in try SQLiteTransaction(db: db).receipt(number: number) }
    }

    public func products(search: String?, page: PageRequest) throws -> [Product] {
        try productList(search: search, includeArchived: false, page: page)
    }

    public func salespeople() throws -> [Salesperson] {
        try read { db in try Row.fetchAll(db,
                                          sql: "SELECT * FROM salesperson ORDER BY code").map(RowMapping.salesperson) }
    }

    public func openItems(asOf: CivilDate, customerID: Int64?) throws -> [OpenItem] {
        let sql = customerID == nil ? RowMapping.openItemsSQL(whereClause: "1")
            : RowMapping.openItemsSQL(whereClause: "d.customer_id = :customer", setBased: false)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql),
                             arguments: Self.asOfArguments(asOf, customerID: customerID)).map(RowMapping.openItem)
        }
    }

    public func monthlySales(customerID: Int64, from: CivilDate, to: CivilDate) throws -> [String: Int64] {
        try monthlySales(customerIDs: [customerID], from: from, to: to)[customerID] ?? [:]
    }

    public func monthlySales(customerIDs: [Int64], from: CivilDate, to: CivilDate) throws -> [Int64: [String: Int64]] {
        try read { db in try SQLiteLedgerStore.monthlySales(db, customerIDs: customerIDs, from: from, to: to) }
    }

    public func users() throws -> [LedgerUser] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM app_user ORDER BY name").map(SQLiteTransaction.user) }
    }

    /// The documents of the journal export (`forEachJournalItem`), in its order.
    public func documentTotals(from: CivilDate?, to: CivilDate?) throws -> [DocumentTotals] {
        var documents: [DocumentTotals] = []
        try forEachJournalItem(from: from, to: to, progress: nil) {
            if case .document(let d) = $0 { documents.append(d) }
        }
        return documents
    }

    public func receipts(customerID: Int64, asOf: CivilDate?, page: PageRequest) throws -> [Receipt] {
        try read { db in
            try Row.fetchAll(db,
                             sql: "SELECT * FROM receipt WHERE customer_id = ? AND date <= ? "
                                  + "ORDER BY date DESC, id DESC LIMIT ? OFFSET ?",
                             arguments: [customerID, asOf?.description ?? "9999-12-31", page.limit, page.offset])
                .map(RowMapping.receipt)
        }
    }

    public func unappliedCredits(asOf: CivilDate, customerID: Int64?) throws -> [UnappliedCredit] {
        let sql = RowMapping.unappliedSQL(whereClause: customerID == nil ? "1" : "r.customer_id = :customer",
                                          asOf: true)
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: sql),
                             arguments: Self.asOfArguments(asOf, customerID: customerID)).map(RowMapping.unapplied)
        }
    }

    /// `:asOf`, and `:customer` when a customer is given.
    private static func asOfArguments(_ asOf: CivilDate, customerID: Int64?) -> StatementArguments {
        customerID.map { ["asOf": asOf.description, "customer": $0] } ?? ["asOf": asOf.description]
    }
}

extension String {
    /// The text of a search as the lookups read it: trimmed, with a typed `ü` / `lu:` read as `v`
    /// (`SearchKeys.typedForm`; names index a `v` reading of each ü).
    func searchQuery() -> String {
        SearchKeys.typedForm(trimmingSpacesForSearch())
    }

    func trimmingSpacesForSearch() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

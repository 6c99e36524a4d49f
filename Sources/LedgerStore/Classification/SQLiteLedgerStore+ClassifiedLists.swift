import GRDB
import LedgerCore

/// Lists filtered by classes (a class includes its sub-classes) and searched.
extension SQLiteLedgerStore {
    public func classifiedCustomers(filter: ClassFilter, asOf: CivilDate,
                                    page: PageRequest) throws -> [CustomerListRow] {
        let clause = try read { db in try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .customer) }
        return try customerRows(search: filter.search, extraClause: clause, asOf: asOf, page: page)
    }

    public func classifiedProducts(filter: ClassFilter, page: PageRequest) throws -> [Product] {
        let (search, args) = SQLiteLedgerStore.searchClause(filter.search)
        let productSearch = search.replacingOccurrences(of: "code LIKE", with: "p.sku LIKE")
            .replacingOccurrences(of: "OR phone LIKE ? ESCAPE '\\'", with: "OR p.category LIKE ? ESCAPE '\\'")
        return try read { db in
            let clause = try ClassFilterSQL(db: db, basis: .current).clause(filter, target: .product)
            var arguments = args
            arguments += [page.limit, page.offset]
            return try Row.fetchAll(db,
                                    sql: "SELECT p.* FROM product p WHERE \(productSearch) AND \(clause) ORDER BY "
                                         + "p.sku LIMIT ? OFFSET ?",
                                    arguments: arguments).map(RowMapping.product)
        }
    }

    public func classifiedInvoices(filter: ClassFilter, invoiceFilter: InvoiceFilter,
                                   page: PageRequest) throws -> [InvoiceListRow] {
        try read { db in
            var (clause, args) = SQLiteLedgerStore.invoiceWhere(invoiceFilter)
            clause += " AND " + (try ClassFilterSQL(db: db, basis: filter.basis).clause(filter, target: .document))
            if let search = filter.search?.searchQuery(), !search.isEmpty {
                let pattern = "%" + search.replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                clause += " AND (d.display_number LIKE ? ESCAPE '\\' OR d.external_ref LIKE ? ESCAPE '\\' OR c.code "
                          + "LIKE ? ESCAPE '\\' OR instr(c.name, ?) > 0 OR c.pinyin LIKE ? ESCAPE '\\' OR "
                            + "c.pinyin_initials LIKE ? ESCAPE '\\')"
                args += [pattern, pattern, pattern, search, pattern.lowercased(), pattern.lowercased()]
            }
            return try Self.invoiceRows(db, whereClause: clause, arguments: args, asOf: invoiceFilter.asOf,
                                        page: page)
        }
    }

    public func classifiedOpenItems(filter: ClassFilter, asOf: CivilDate) throws -> [OpenItem] {
        try read { db in
            var clause = "d.date <= :asOf AND "
                + (try ClassFilterSQL(db: db, basis: filter.basis).clause(filter, target: .document))
            var arguments: StatementArguments = ["asOf": asOf.description]
            if let search = filter.search?.searchQuery(), !search.isEmpty {
                clause += " AND (d.display_number LIKE :pattern ESCAPE '\\' OR c.code LIKE :pattern ESCAPE '\\' OR "
                          + "instr(c.name, :raw) > 0 OR c.pinyin LIKE :lower ESCAPE '\\' OR c.pinyin_initials LIKE "
                            + ":lower ESCAPE '\\')"
                let pattern = "%" + search.replacingOccurrences(of: "%", with: "\\%")
                    .replacingOccurrences(of: "_", with: "\\_") + "%"
                arguments = ["asOf": asOf.description, "pattern": pattern, "raw": search, "lower": pattern.lowercased()]
            }
            return try Row.fetchAll(db, sql: RowMapping.openItemsSQL(whereClause: clause),
                                    arguments: arguments)
                .map(RowMapping.openItem)
        }
    }

    /// Invoice list rows (as `invoices(filter:page:)`) for a WHERE clause over `d` and `c`, by date.
    /// Documents matching `whereClause` by date, with their open amounts now or, with `asOf`, as of that date.
    static func invoiceRows(_ db: Database, whereClause: String, arguments: StatementArguments,
                            asOf: CivilDate? = nil, page: PageRequest) throws -> [InvoiceListRow] {
        let date = asOf.map(OpenAsOf.literal)
        var args = arguments
        args += [page.limit, page.offset]
        return try Row.fetchAll(db, sql: """
            SELECT d.id, COALESCE(d.display_number, 'draft #' || d.id) AS number, d.kind, d.status, d.date, d.due_date,
              d.currency, d.total, c.code, c.name,
              CASE WHEN d.status = 'void' THEN 0 WHEN d.kind = 'invoice'
                THEN \(OpenAsOf.invoiceOpen(asOf: date))
                ELSE \(OpenAsOf.unapplied("credit_note", "d", asOf: date))
              END AS open,
              CASE WHEN d.status = 'posted' AND d.kind = 'invoice'
                THEN \(OpenAsOf.creditedToInvoice("d.id", asOf: date)) ELSE 0 END AS credited
            FROM document d JOIN customer c ON c.id = d.customer_id
            WHERE \(whereClause)
            ORDER BY d.date, d.id
            LIMIT ? OFFSET ?
            """, arguments: args).map(RowMapping.invoiceListRow)
    }
}

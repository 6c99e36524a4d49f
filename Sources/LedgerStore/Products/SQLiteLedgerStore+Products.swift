import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func productList(search: String?, includeArchived: Bool, page: PageRequest) throws -> [Product] {
        let ranked = SearchRanking.sql(search, code: "sku", extra: ["category"])
        let (clause, rank) = (ranked.clause, ranked.rank)
        let archived = includeArchived ? "1" : "archived = 0"
        return try read { db in
            var arguments = StatementArguments(ranked.clauseArgs + ranked.rankArgs)
            arguments += [page.limit, page.offset]
            return try Row.fetchAll(db, sql: """
                SELECT * FROM product WHERE \(clause) AND \(archived) ORDER BY \(rank), sku LIMIT ? OFFSET ?
                """, arguments: arguments).map(RowMapping.product)
        }
    }

    public func productPriceHistory(productID: Int64) throws -> [ProductPrice] {
        try read { db in try ProductRows.prices(db, productID: productID) }
    }

    public func productPrice(sku: String, on date: CivilDate) throws -> Money? {
        try read { db in
            let tx = SQLiteTransaction(db: db)
            guard let product = try tx.product(sku: sku) else { return nil }
            return try tx.price(of: product, on: date)
        }
    }

    public func drafts() throws -> [InvoiceListRow] {
        try read { db in
            try SQLiteLedgerStore.invoiceRows(db, whereClause: "d.status = 'draft'", arguments: [], page: .all)
        }
    }

    public func ledgerSetting(_ key: String) throws -> String? {
        try read { db in try SQLiteTransaction(db: db).setting(key) }
    }

    public func productByID(_ id: Int64) throws -> Product? {
        try read { db in try SQLiteTransaction(db: db).product(id: id) }
    }

    public func customerByID(_ id: Int64) throws -> Customer? {
        try read { db in try SQLiteTransaction(db: db).customer(id: id) }
    }

    public func draftDocument(id: Int64) throws -> Invoice? {
        try read { db in
            try SQLiteTransaction.loadInvoice(db, sql: "SELECT * FROM document WHERE id = ? AND status = 'draft'",
                                              arguments: [id])
        }
    }
}

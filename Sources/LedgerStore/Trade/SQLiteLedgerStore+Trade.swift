import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    public func taxDetails(customerCode: String) throws -> CustomerTaxDetails? {
        try read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE code = ?",
                                              arguments: [customerCode]) else {
                return nil
            }
            return try TradeRows.taxDetails(db, customerID: id) ?? CustomerTaxDetails()
        }
    }

    /// Every customer by code with its fapiao details (only those set), in one snapshot: the customer master export.
    /// `progress` gets the customers done and their count.
    public func customerMaster(progress: ((Int, Int) -> Void)? = nil)
        throws -> (customers: [Customer], tax: [String: CustomerTaxDetails]) {
        try read { db in
            let customers = try Row.fetchAll(db, sql: "SELECT * FROM customer ORDER BY code").map(RowMapping.customer)
            var tax: [String: CustomerTaxDetails] = [:]
            for (i, c) in customers.enumerated() {
                if let details = try TradeRows.taxDetails(db, customerID: c.id) { tax[c.code] = details }
                if i % 1_000 == 999 || i == customers.count - 1 { progress?(i + 1, customers.count) }
            }
            return (customers, tax)
        }
    }
}

extension SQLiteLedgerStore {
    public func saleFapiaoPositions(asOf: CivilDate, customerCode: String?) throws -> [SaleFapiaoPosition] {
        try read { db in
            try TradeRows.positions(db, asOf: asOf.description,
                                    extraWhere: customerCode == nil ? nil : "c.code = :customer",
                                    arguments: customerCode.map { ["customer": $0] } ?? [:])
        }
    }

    /// See `TradeQueries.forEachInvoicedSale`: the sales are those the non-void fapiao parts dated ≤ `asOf` name,
    /// summed per sale in one grouped pass (blue less red, as in `TradeRows.eachPosition`), so a ledger of a million
    /// sales and few fapiao reads few rows; `paid` as there (allocations other than credit notes, dated ≤ `asOf`).
    public func forEachInvoicedSale(asOf: CivilDate, customerCode: String?,
                                    _ body: (InvoicedSale) throws -> Void) throws {
        var arguments: StatementArguments = ["asOf": asOf.description]
        if let customerCode { arguments += ["customer": customerCode] }
        let ofCustomer = customerCode == nil ? ""
            : " AND f.customer_id IN (SELECT id FROM customer WHERE code = :customer)"
        let sql = """
            WITH inv AS (\(TradeRows.invoicedBySale(filter: ofCustomer)))
            SELECT c.code, c.name, d.currency, inv.amount AS invoiced_total,
              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = d.id AND a.source <> 'credit_note'
                        AND a.date <= :asOf), 0) AS paid
            FROM inv JOIN document d ON d.id = inv.id JOIN customer c ON c.id = d.customer_id
            WHERE inv.amount > 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf\(
              customerCode == nil ? "" : " AND c.code = :customer")
            ORDER BY c.code, d.date, d.id
            """
        typealias C = SaleFapiaoPosition.Columns
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try cursor.next() {
                try body(InvoicedSale(customerCode: row[C.code], customerName: row[C.name],
                                      currency: try RowMapping.currency(row, "document"),
                                      invoiced: row[C.invoicedTotal], paid: row[C.paid]))
            }
        }
    }

    public func saleFapiaoPositions(asOf: CivilDate, customerCode: String?, after: (date: CivilDate, id: Int64)?,
                                    limit: Int) throws -> [SaleFapiaoPosition] {
        var filters: [String] = []
        var arguments: StatementArguments = [:]
        if let customerCode { filters.append("c.code = :customer"); arguments += ["customer": customerCode] }
        if let after {
            filters.append("(d.date, d.id) > (:afterDate, :afterID)")
            arguments += ["afterDate": after.date.description, "afterID": after.id]
        }
        return try read { db in
            var page: [SaleFapiaoPosition] = []
            try TradeRows.eachPosition(db, asOf: asOf.description,
                                       extraWhere: filters.isEmpty ? nil : filters.joined(separator: " AND "),
                                       arguments: arguments, orderBy: "d.date, d.id LIMIT \(max(1, limit))") {
                page.append($0)
            }
            return page
        }
    }

    /// See `TradeQueries.uninvoicedSums`: the left-to-invoice amount of each sale as in `TradeRows.eachPosition`
    /// (total − credit notes − blue less red fapiao, dated ≤ `asOf`; 不开票 left out), grouped in SQL, so a million
    /// sales give a few rows per customer instead of a million positions read and sorted. One grouped pass each over
    /// the credit notes and the fapiao parts, joined to the sales by id, instead of two correlated sums per sale;
    /// one customer's sales only when `customerCode` is given.
    public func uninvoicedSums(asOf: CivilDate, customerCode: String?, bounds: [Int]) throws -> [UninvoicedSum] {
        let bucket = bounds.isEmpty ? "0"
            : bounds.map { "(d.date < \(OpenAsOf.literal(asOf.adding(days: -$0))))" }.joined(separator: " + ")
        var arguments: StatementArguments = ["asOf": asOf.description]
        if let customerCode { arguments += ["customer": customerCode] }
        let ofCustomer = customerCode == nil ? ""
            : " AND d.customer_id IN (SELECT id FROM customer WHERE code = :customer)"
        let sql = """
            WITH credited AS (
              SELECT n.applies_to_id AS id, SUM(n.total) AS amount FROM document n
              WHERE \(TradeRows.countedCreditNote) AND n.applies_to_id IS NOT NULL
              GROUP BY n.applies_to_id),
            invoiced AS (\(TradeRows.invoicedBySale())),
            open AS (
              SELECT d.id, d.customer_id, d.currency, d.date, \(bucket) AS bucket,
                     d.total - COALESCE(cr.amount, 0) - COALESCE(iv.amount, 0) AS open
              FROM document d
              LEFT JOIN credited cr ON cr.id = d.id
              LEFT JOIN invoiced iv ON iv.id = d.id
              LEFT JOIN customer_tax t ON t.customer_id = d.customer_id
              WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf\(ofCustomer)
                AND COALESCE(t.no_fapiao, 0) <> 1
                AND NOT EXISTS (SELECT 1 FROM sale_no_fapiao x WHERE x.document_id = d.id))
            SELECT c.code, c.name, g.currency, g.bucket, g.n, g.amount,
                   MIN(g.first) OVER (PARTITION BY g.customer_id, g.currency) AS first
            FROM (SELECT customer_id, currency, bucket, COUNT(*) AS n, SUM(open) AS amount,
                         MIN(printf('%s %019d', date, id)) AS first
                  FROM open WHERE open > 0 GROUP BY customer_id, currency, bucket) g
            JOIN customer c ON c.id = g.customer_id
            ORDER BY c.code, first, g.bucket
            """
        // Per customer, each currency at its first sale (`first`: the order the per-sale positions give).
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                typealias C = QueryColumns
                return UninvoicedSum(customerCode: row[C.code], customerName: row[C.name],
                                     currency: try RowMapping.currency(row, "document"), bucket: row[C.bucket],
                                     sales: row[C.count], amount: row[C.amount])
            }
        }
    }

    public func fapiaoList(customerCode: String?, from: CivilDate?, to: CivilDate?) throws -> [Fapiao] {
        var filters = ["1 = 1"]
        var args: StatementArguments = []
        if let customerCode {
            filters.append("f.customer_id = (SELECT id FROM customer WHERE code = ?)")
            args += [customerCode]
        }
        if let from { filters.append("f.date >= ?"); args += [from.description] }
        if let to { filters.append("f.date <= ?"); args += [to.description] }
        return try read { db in
            try Row.fetchAll(db,
                             sql: "SELECT f.* FROM fapiao f WHERE \(filters.joined(separator: " AND ")) ORDER BY "
                                                                                                    + "f.date, f.id",
                             arguments: args).map { try TradeRows.fapiao(db, $0) }
        }
    }
}

extension SQLiteLedgerStore {
    /// Output VAT per month, rate and currency of the posted documents dated in `from…to` (nil: open), sales less
    /// credit notes, in month, rate (highest first) and currency order. The whole months of the range come from the
    /// maintained `vat_month` (`VatMonthSchema`, a few rows per month), the partial first and last months from the
    /// lines of the documents dated in them (index range on `document(date)`); a read-only ledger opened before
    /// that migration reads every line of the range. - Throws: `LedgerError.storage`.
    public func outputVAT(from: CivilDate?, to: CivilDate?) throws -> [OutputVATRow] {
        guard let split = MonthSplit(from: from, to: to) else { return [] }
        return try read { db in
            var parts: [String] = []
            var args: StatementArguments = []
            if try db.tableExists("vat_month") {
                if let whole = split.whole {
                    var filters = ["n <> 0"]
                    if let first = whole.from { filters.append("month >= ?"); args += [first.monthKey] }
                    if let last = whole.to { filters.append("month <= ?"); args += [last.monthKey] }
                    parts.append("SELECT \(VatMonthSchema.columns) FROM vat_month WHERE "
                                 + filters.joined(separator: " AND "))
                }
                for range in split.partial {
                    parts.append(VatMonthSchema.linesSQL(where: "d.date >= ? AND d.date <= ?"))
                    args += [range.from.description, range.to.description]
                }
            } else {
                var filters = ["true"]
                if let from { filters.append("d.date >= ?"); args += [from.description] }
                if let to { filters.append("d.date <= ?"); args += [to.description] }
                parts.append(VatMonthSchema.linesSQL(where: filters.joined(separator: " AND ")))
            }
            guard !parts.isEmpty else { return [] }
            let sql = """
                SELECT month, rate, currency, SUM(net) AS net, SUM(tax) AS tax
                FROM (\(parts.joined(separator: " UNION ALL ")))
                GROUP BY month, rate, currency
                ORDER BY month, rate DESC, currency
                """
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                OutputVATRow(month: row[QueryColumns.month], rate: Rate(basisPoints: row[QueryColumns.rate]),
                             currency: try RowMapping.currency(row, "document"), net: row[QueryColumns.net],
                             tax: row[QueryColumns.tax])
            }
        }
    }
}

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

    public func forEachSaleFapiaoPosition(asOf: CivilDate, customerCode: String?,
                                          _ body: (SaleFapiaoPosition) throws -> Void) throws {
        try read { db in
            try TradeRows.eachPosition(db, asOf: asOf.description,
                                       extraWhere: customerCode == nil ? nil : "c.code = :customer",
                                       arguments: customerCode.map { ["customer": $0] } ?? [:], body)
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
            WITH inv AS (
              SELECT p.document_id AS id, SUM(CASE f.is_red WHEN 1 THEN -p.total ELSE p.total END) AS invoiced_total
              FROM fapiao_part p JOIN fapiao f ON f.id = p.fapiao_id
              WHERE f.void = 0 AND f.date <= :asOf\(ofCustomer)
              GROUP BY p.document_id)
            SELECT c.code, c.name, d.currency, inv.invoiced_total,
              COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = d.id AND a.source <> 'credit_note'
                        AND a.date <= :asOf), 0) AS paid
            FROM inv JOIN document d ON d.id = inv.id JOIN customer c ON c.id = d.customer_id
            WHERE inv.invoiced_total > 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf\(
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
    /// sales give a few rows per customer instead of a million positions read and sorted.
    public func uninvoicedSums(asOf: CivilDate, customerCode: String?, bounds: [Int]) throws -> [UninvoicedSum] {
        let bucket = bounds.isEmpty ? "0"
            : bounds.map { "(d.date < \(OpenAsOf.literal(asOf.adding(days: -$0))))" }.joined(separator: " + ")
        var arguments: StatementArguments = ["asOf": asOf.description]
        if let customerCode { arguments += ["customer": customerCode] }
        let sql = """
            SELECT c.code, c.name, s.currency, s.bucket, COUNT(*) AS n, SUM(s.open) AS amount,
                   MIN(printf('%s %019d', s.date, s.id)) AS first
            FROM (
              SELECT d.id, d.customer_id, d.currency, d.date, \(bucket) AS bucket,
                     d.total
                       - COALESCE((SELECT SUM(n.total) FROM document n WHERE n.applies_to_id = d.id
                                   AND n.kind = 'credit_note' AND n.status = 'posted' AND n.date <= :asOf), 0)
                       - COALESCE((SELECT SUM(CASE f.is_red WHEN 1 THEN -p.total ELSE p.total END) FROM fapiao_part p
                                   JOIN fapiao f ON f.id = p.fapiao_id WHERE p.document_id = d.id AND f.void = 0
                                   AND f.date <= :asOf), 0) AS open
              FROM document d LEFT JOIN customer_tax t ON t.customer_id = d.customer_id
              WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND COALESCE(t.no_fapiao, 0) <> 1
                AND NOT EXISTS (SELECT 1 FROM sale_no_fapiao x WHERE x.document_id = d.id)
            ) s JOIN customer c ON c.id = s.customer_id
            WHERE s.open > 0\(customerCode == nil ? "" : " AND c.code = :customer")
            GROUP BY c.code, s.currency, s.bucket
            """
        return try read { db in
            var rows: [(first: String, sum: UninvoicedSum)] = []
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                typealias C = QueryColumns
                rows.append((row[C.first], UninvoicedSum(
                    customerCode: row[C.code], customerName: row[C.name],
                    currency: try RowMapping.currency(row, "document"), bucket: row[C.bucket], sales: row[C.count],
                    amount: row[C.amount])))
            }
            // Per customer, each currency at its first sale (the order the per-sale positions give).
            var firstOf: [String: String] = [:]
            for row in rows {
                let key = row.sum.customerCode + " " + row.sum.currency.code
                firstOf[key] = min(firstOf[key] ?? row.first, row.first)
            }
            func order(_ s: UninvoicedSum) -> (String, String, Int) {
                (s.customerCode, firstOf[s.customerCode + " " + s.currency.code] ?? "", s.bucket)
            }
            return rows.map(\.sum).sorted { order($0) < order($1) }
        }
    }

    public func fapiaoList(customerCode: String?, from: CivilDate?, to: CivilDate?) throws -> [Fapiao] {
        var filters = ["1 = 1"]
        var args: StatementArguments = []
        if let customerCode { filters.append("f.customer_id = (SELECT id FROM customer WHERE code = ?)"); args += [customerCode] }
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
    public func outputVAT(from: CivilDate?, to: CivilDate?) throws -> [OutputVATRow] {
        var filters = ["d.status = 'posted'"]
        var args: StatementArguments = []
        if let from { filters.append("d.date >= ?"); args += [from.description] }
        if let to { filters.append("d.date <= ?"); args += [to.description] }
        let sign = "(CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END)"
        let sql = """
            SELECT substr(d.date, 1, 7) AS month, l.tax_rate_bp AS rate, d.currency,
              SUM(\(sign) * l.net_amount) AS net, SUM(\(sign) * l.tax_amount) AS tax
            FROM document d JOIN document_line l ON l.document_id = d.id
            WHERE \(filters.joined(separator: " AND "))
            GROUP BY month, rate, d.currency
            ORDER BY month, rate DESC, d.currency
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                OutputVATRow(month: row[QueryColumns.month], rate: Rate(basisPoints: row[QueryColumns.rate]),
                             currency: try RowMapping.currency(row, "document"), net: row[QueryColumns.net],
                             tax: row[QueryColumns.tax])
            }
        }
    }
}

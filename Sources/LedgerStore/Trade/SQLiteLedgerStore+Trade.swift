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

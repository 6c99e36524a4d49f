import GRDB
import LedgerCore

/// Pivot data: a measure grouped by two axes' leaf keys and currency, in SQL; `PivotTable` (Classification)
/// rolls keys up class trees and adds subtotals and totals.
extension SQLiteLedgerStore {
    /// The FROM/WHERE of a pivot query and its axes' key expressions.
    struct PivotSQL {
        var from: String
        var whereClause: String
        var rowKey: String
        var columnKey: String
        var value: String
        var arguments: StatementArguments
    }

    static func pivotSQL(_ query: PivotQuery, db: Database) throws -> PivotSQL {
        let classes = try ClassFilterSQL(db: db, basis: query.basis)
        var lineLevel = query.measure == .quantity
        func key(_ axis: PivotAxis) throws -> String {
            switch axis {
            case .period(.month): return "substr(d.date, 1, 7)"
            case .period(.quarter): return "substr(d.date, 1, 4) || '-Q' || ((CAST(substr(d.date, 6, 2) AS INTEGER) + "
                                           + "2) / 3)"
            case .period(.year): return "substr(d.date, 1, 4)"
            case .dimension("customer"): return "c.code"
            case .dimension("salesperson"): return "COALESCE(s.code, '')"
            case .dimension("product"):
                lineLevel = true
                return "COALESCE(p.sku, l.description)"
            case let .dimension(code):
                let d = try classes.dimension(code)
                if d.entity == .product { lineLevel = true }
                guard let expr = try classes.valueExpression(code, target: .document) else {
                    throw LedgerError.validation([FieldIssue("dimension", "'\(code)' cannot group documents")])
                }
                return expr
            }
        }
        let rowKey = try key(query.rows)
        let columnKey = try query.columns.map(key) ?? "''"
        var filters = ["d.status = 'posted'", SQLiteLedgerStore.dateClause("d.date", from: query.from, to: query.to),
                       try classes.clause(query.filter, target: .document)]
        let sign = "(CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END)"
        let openAmount = OpenAsOf.invoiceOpen(asOf: ":asOf")
        let value: String
        switch query.measure {
        case .sales: value = lineLevel ? "SUM(\(sign) * (l.net_amount + l.tax_amount))" : "SUM(\(sign) * d.total)"
        case .quantity: value = "SUM(\(sign) * l.quantity_milli)"
        case .invoices: value = "COUNT(DISTINCT CASE WHEN d.kind = 'invoice' THEN d.id END)"
        case .openBalance, .overdue:
            if lineLevel {
                throw LedgerError.validation([FieldIssue("measure",
                                                         "\(query.measure.rawValue) is kept per invoice, not per "
                                                         + "product: group by a customer or document dimension")])
            }
            filters += ["d.kind = 'invoice'", "d.date <= :asOf"]
            if query.measure == .overdue { filters.append("d.due_date < :asOf") }
            value = "SUM(\(openAmount))"
        }
        var from = "document d JOIN customer c ON c.id = d.customer_id LEFT JOIN salesperson s ON s.id = "
                   + "d.salesperson_id"
        if lineLevel { from += " JOIN document_line l ON l.document_id = d.id LEFT JOIN product p ON p.id = "
                               + "l.product_id" }
        return PivotSQL(from: from, whereClause: filters.joined(separator: " AND "), rowKey: rowKey,
                        columnKey: columnKey, value: value, arguments: ["asOf": query.asOf.description])
    }

    public func pivotFacts(_ query: PivotQuery) throws -> [PivotFact] {
        try read { db in
            let q = try Self.pivotSQL(query, db: db)
            return try Row.fetchAll(db, sql: """
                SELECT \(q.rowKey) AS row_key, \(q.columnKey) AS column_key, d.currency, \(q.value) AS value
                FROM \(q.from) WHERE \(q.whereClause)
                GROUP BY row_key, column_key, d.currency
                ORDER BY row_key, column_key, d.currency
                """, arguments: q.arguments).compactMap { row in
                PivotFact(rowKey: row[QueryColumns.rowKey] ?? "", columnKey: row[QueryColumns.columnKey] ?? "",
                          currency: try RowMapping.currency(row, "document"), value: row[QueryColumns.value] ?? 0)
            }
        }
    }

    public func pivotDocuments(_ query: PivotQuery, rowKeys: [String], columnKeys: [String]?,
                               page: PageRequest) throws -> [InvoiceListRow] {
        try read { db in
            let q = try Self.pivotSQL(query, db: db)
            var cell = ClassFilterSQL.inList(q.rowKey, rowKeys)
            if let columnKeys { cell += " AND " + ClassFilterSQL.inList(q.columnKey, columnKeys) }
            var clause = "d.id IN (SELECT DISTINCT d.id FROM \(q.from) WHERE \(q.whereClause) AND \(cell))"
            if query.measure == .openBalance || query.measure == .overdue {
                clause += " AND \(OpenAsOf.invoiceOpen(asOf: OpenAsOf.literal(query.asOf))) <> 0"
            }
            return try Self.invoiceRows(db, whereClause: clause.replacingOccurrences(of: ":asOf",
                                                                                     with: "'\(query.asOf.description)'"),
                                        arguments: [], page: page)
        }
    }
}

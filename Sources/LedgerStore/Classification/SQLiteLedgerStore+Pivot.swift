import Foundation
import GRDB
import LedgerCore

/// Pivot data: a measure grouped by two axes' leaf keys and currency, in SQL; `PivotTable` (Classification)
/// rolls keys up class trees and adds subtotals and totals. Issue 10: the open and overdue measures join the one
/// "open as of" rule (`OpenAsOf.withInvoicesOpen`, set-based) instead of a subquery per document; `customer` and
/// `salesperson` are joined only when a key or filter reads them; sales and invoice counts over whole months read
/// the maintained monthly summary `sales_month` (`PivotIndexSchema`) instead of every document.
extension SQLiteLedgerStore {
    /// The FROM/WHERE of a pivot query and its axes' key expressions.
    struct PivotSQL {
        /// A `WITH` clause to put before the query (open measures), or empty.
        var with: String
        var from: String
        var whereClause: String
        var rowKey: String
        var columnKey: String
        var value: String
        var arguments: StatementArguments
        /// Sales or invoices read from `sales_month` (aliased `d`) instead of `document`.
        var monthly: Bool
    }

    /// `summary`: allow reading `sales_month` (not for the documents behind a cell).
    static func pivotSQL(_ query: PivotQuery, db: Database, summary: Bool = true) throws -> PivotSQL {
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
        var with = ""
        var from = "document d"
        var value: String
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
            filters += ["d.kind = 'invoice'", "d.date <= :asOf", "o.open <> 0"]
            if query.measure == .overdue { filters.append("d.due_date < :asOf") }
            with = OpenAsOf.withInvoicesOpen(asOf: ":asOf")
            from = "open_as_of o JOIN document d ON d.id = o.id"
            value = "SUM(o.open)"
        }
        // Whole months, document-level keys and filters the summary keeps: read `sales_month` as `d`.
        let wholeMonths = (query.from.map { $0 == $0.startOfMonth } ?? true)
            && (query.to.map { $0 == $0.endOfMonth } ?? true)
        let monthly = summary && !lineLevel && wholeMonths && (query.measure == .sales || query.measure == .invoices)
            && readsOnlySummary([rowKey, columnKey] + filters.dropFirst())
            && !([rowKey, columnKey] + filters).contains { uses("c", $0) || uses("s", $0) }
        if monthly {
            filters[0] = "d.n <> 0"   // instead of d.status = 'posted': the summary holds posted documents only
            from = "sales_month d"
        }
        let whereClause = filters.joined(separator: " AND ")
        let read = [rowKey, columnKey, whereClause].joined(separator: " ")
        if uses("c", read) { from += " JOIN customer c ON c.id = d.customer_id" }
        if uses("s", read) { from += " LEFT JOIN salesperson s ON s.id = d.salesperson_id" }
        if lineLevel {
            from += " JOIN document_line l ON l.document_id = d.id LEFT JOIN product p ON p.id = l.product_id"
        }
        if monthly && query.measure == .invoices { value = "SUM(CASE WHEN d.kind = 'invoice' THEN d.n ELSE 0 END)" }
        return PivotSQL(with: with, from: from, whereClause: whereClause, rowKey: rowKey, columnKey: columnKey,
                        value: value, arguments: ["asOf": query.asOf.description], monthly: monthly)
    }

    /// Whether `parts` read no column of document `d` but those `sales_month` keeps (customer `c` and salesperson
    /// `s` are checked apart: the summary has neither).
    private static func readsOnlySummary(_ parts: [String]) -> Bool {
        let text = parts.joined(separator: " ")
        guard let regex = try? NSRegularExpression(pattern: "(?<![A-Za-z0-9_.])d\\.([a-z_]+)") else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).allSatisfy { match in
            Range(match.range(at: 1), in: text).map { PivotIndexSchema.columns.contains(String(text[$0])) } ?? false
        }
    }

    /// Whether `sql` reads a column of table alias `alias` (`c.code`, not `d.currency`).
    private static func uses(_ alias: String, _ sql: String) -> Bool {
        sql.range(of: "(?<![A-Za-z0-9_.])\(alias)\\.", options: .regularExpression) != nil
    }

    public func pivotFacts(_ query: PivotQuery) throws -> [PivotFact] {
        try read { db in
            let q = try Self.pivotSQL(query, db: db)
            let sql = """
                \(q.with)
                SELECT \(q.rowKey) AS row_key, \(q.columnKey) AS column_key, d.currency, \(q.value) AS value
                FROM \(q.from) WHERE \(q.whereClause)
                GROUP BY row_key, column_key, d.currency
                ORDER BY row_key, column_key, d.currency
                """
            return try Row.fetchAll(db, sql: sql, arguments: q.arguments).compactMap { row in
                PivotFact(rowKey: row[QueryColumns.rowKey] ?? "", columnKey: row[QueryColumns.columnKey] ?? "",
                          currency: try RowMapping.currency(row, "document"), value: row[QueryColumns.value] ?? 0)
            }
        }
    }

    public func pivotDocuments(_ query: PivotQuery, rowKeys: [String], columnKeys: [String]?,
                               page: PageRequest) throws -> [InvoiceListRow] {
        try read { db in
            let q = try Self.pivotSQL(query, db: db, summary: false)
            var cell = ClassFilterSQL.inList(q.rowKey, rowKeys)
            if let columnKeys { cell += " AND " + ClassFilterSQL.inList(q.columnKey, columnKeys) }
            // Open measures: the subquery's WITH names the open amounts and its WHERE keeps those not 0.
            let clause = "d.id IN (\(q.with) SELECT DISTINCT d.id FROM \(q.from) WHERE \(q.whereClause) AND \(cell))"
            let asOf = "'\(query.asOf.description)'"
            return try Self.invoiceRows(db, whereClause: clause.replacingOccurrences(of: ":asOf", with: asOf),
                                        arguments: [], page: page)
        }
    }
}

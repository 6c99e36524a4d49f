import GRDB
import LedgerCore

/// Per-customer sales by month from the maintained `customer_month` (issue 10, s13-cust): the whole months of a
/// range from the summary (one primary-key range per customer), the partial first and last months from the
/// documents dated in them. A last month cut by `to` counts as whole when no posted document is dated after `to`
/// (the usual "up to today"), so the documents are read only for a range ending in the past or starting mid-month.
extension SQLiteLedgerStore {
    /// True when no posted document is dated after `date` (an index look-up on `document(date)`).
    static func noSalesAfter(_ db: Database, _ date: CivilDate) throws -> Bool {
        try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE date > ? AND status = 'posted')",
                            arguments: [date.description]) ?? true)
    }

    /// `monthlySales(customerIDs:from:to:)` inside a read: net sales per customer and `YYYY-MM`.
    /// - Throws: `LedgerError.storage` when a month's sum overflows.
    static func monthlySales(_ db: Database, customerIDs: [Int64], from: CivilDate,
                             to: CivilDate) throws -> [Int64: [String: Int64]] {
        guard !customerIDs.isEmpty, from <= to else { return [:] }
        // Ids are integers, so inlining them is safe.
        let list = customerIDs.map(String.init).joined(separator: ",")
        let end = try noSalesAfter(db, to) ? to.endOfMonth : to
        var parts: [String] = []
        var args: StatementArguments = []
        var partial = [(from: from, to: to)]
        if try db.tableExists("customer_month"), let split = MonthSplit(from: from, to: end) {
            partial = split.partial
            if let whole = split.whole {
                parts.append("""
                    SELECT customer_id, substr(date, 1, 7) AS month, total AS sales FROM customer_month
                    WHERE customer_id IN (\(list)) AND date >= ? AND date <= ? AND n <> 0
                    """)
                args += [(whole.from ?? from).description, (whole.to ?? end).description]
            }
        }
        for range in partial {
            parts.append("""
                SELECT customer_id, substr(date, 1, 7) AS month,
                  SUM(\(CustomerMonthSchema.sign("")) * total) AS sales
                FROM document WHERE customer_id IN (\(list)) AND status = 'posted' AND date >= ? AND date <= ?
                GROUP BY customer_id, month
                """)
            args += [range.from.description, range.to.description]
        }
        var result: [Int64: [String: Int64]] = [:]
        for row in try Row.fetchAll(db, sql: parts.joined(separator: " UNION ALL "), arguments: args) {
            let customer: Int64 = row[QueryColumns.customerID], month: String = row[QueryColumns.month]
            let (sum, overflow) = (result[customer]?[month] ?? 0)
                .addingReportingOverflow(row[QueryColumns.sales] ?? 0)
            guard !overflow else { throw LedgerError.storage("customer #\(customer) \(month): sales overflow") }
            result[customer, default: [:]][month] = sum
        }
        return result
    }

    /// `report sales --by customer` from `customer_month` (whole months) and the documents (partial months): the
    /// same rows as `salesReportFromDocuments(by: .customer, …)` (key code, label name, per currency, largest total
    /// first). Nil when the ledger lacks the summary (a read-only ledger of an older version) or the range is empty.
    /// `top`: only the `top` largest customers per currency (`SalesTop.sql`).
    func salesByCustomerFromMonths(from: CivilDate?, to: CivilDate?, top: Int? = nil) throws -> [SalesReportRow]? {
        try read { db -> [SalesReportRow]? in
            guard try db.tableExists("customer_month") else { return nil }
            var end = to
            if let to, try Self.noSalesAfter(db, to) { end = to.endOfMonth }
            guard let split = MonthSplit(from: from, to: end) else { return nil }
            let sign = CustomerMonthSchema.sign("d")
            var parts: [String] = []
            var args: StatementArguments = []
            if let whole = split.whole {
                var filters = ["m.n <> 0"]
                if let first = whole.from { filters.append("m.date >= ?"); args += [first.description] }
                if let last = whole.to { filters.append("m.date <= ?"); args += [last.description] }
                parts.append("""
                    SELECT m.customer_id, m.currency, SUM(m.n) AS documents, SUM(m.net) AS net, SUM(m.tax) AS tax,
                      SUM(m.total) AS total
                    FROM customer_month m WHERE \(filters.joined(separator: " AND ")) GROUP BY m.customer_id, m.currency
                    """)
            }
            for range in split.partial {
                parts.append("""
                    SELECT d.customer_id, d.currency, COUNT(*) AS documents, SUM(\(sign) * d.subtotal) AS net,
                      SUM(\(sign) * d.tax_total) AS tax, SUM(\(sign) * d.total) AS total
                    FROM document d WHERE d.status = 'posted' AND d.date >= ? AND d.date <= ?
                    GROUP BY d.customer_id, d.currency
                    """)
                args += [range.from.description, range.to.description]
            }
            let sql = """
                SELECT c.code AS key, MAX(c.name) AS label, s.currency, SUM(s.documents) AS documents,
                  SUM(s.net) AS net, SUM(s.tax) AS tax, SUM(s.total) AS total
                FROM (\(parts.joined(separator: " UNION ALL "))) s JOIN customer c ON c.id = s.customer_id
                GROUP BY key, s.currency
                ORDER BY total DESC, key, s.currency
                """
            return try Row.fetchAll(db, sql: top.map { SalesTop.sql(sql, top: $0) } ?? sql, arguments: args)
              .map { row in
                typealias C = QueryColumns
                return SalesReportRow(key: row[C.key] ?? "", label: row[C.label] ?? "",
                                      currency: try RowMapping.currency(row, "customer_month"),
                                      documents: row[C.documents], net: row[C.net], tax: row[C.tax],
                                      total: row[C.total])
            }
        }
    }
}

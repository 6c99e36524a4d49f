import GRDB
import LedgerCore

/// `report sales` by month, quarter, year, region or channel from the maintained `sales_month` (issue 10, the
/// charts and reports screens at a million invoices): the whole months of the range come from the summary (at most
/// months × regions × channels × 2 rows), the partial first and last months from the documents dated in them (index
/// range on `document(date)`). Same rows, labels, counts and order as `salesReportFromDocuments`.
extension SQLiteLedgerStore {
    /// The range split into whole months (first days of the first and last whole month; nil bound: open) and the
    /// partial date ranges read from the documents.
    struct MonthSplit {
        var whole: (from: CivilDate?, to: CivilDate?)?
        var partial: [(from: CivilDate, to: CivilDate)]

        /// nil when `from` is after `to` (the documents' query answers that: no rows).
        init?(from: CivilDate?, to: CivilDate?) {
            if let from, let to, from > to { return nil }
            partial = []
            if let from, let to, from.startOfMonth == to.startOfMonth,
               from != from.startOfMonth || to != to.endOfMonth {
                partial = [(from, to)]
                whole = nil
                return
            }
            var first = from
            if let from, from != from.startOfMonth {
                partial.append((from, from.endOfMonth))
                first = from.endOfMonth.adding(days: 1)
            }
            var last = to?.startOfMonth
            if let to, to != to.endOfMonth {
                partial.append((to.startOfMonth, to))
                last = to.startOfMonth.adding(months: -1)
            }
            if let first, let last, first > last { whole = nil } else { whole = (first, last) }
        }
    }

    /// The summary's form of `salesReport`, or nil when `dimension` needs the documents (customer, salesperson,
    /// product, category), the range is empty or the summary lacks net and tax (a read-only, unmigrated ledger).
    func salesReportFromMonths(by dimension: SalesDimension, from: CivilDate?,
                               to: CivilDate?) throws -> [SalesReportRow]? {
        let key: String
        switch dimension {
        case .month: key = "substr(d.date, 1, 7)"
        case .quarter: key = "substr(d.date, 1, 4) || '-Q' || ((CAST(substr(d.date, 6, 2) AS INTEGER) + 2) / 3)"
        case .year: key = "substr(d.date, 1, 4)"
        case .region: key = "d.region"
        case .channel: key = "d.channel"
        case .customer, .salesperson, .product, .category: return nil
        }
        guard let split = MonthSplit(from: from, to: to) else { return nil }
        let sign = "(CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END)"
        var parts: [String] = []
        var args: StatementArguments = []
        if let whole = split.whole {
            var filters = ["d.n <> 0"]
            if let first = whole.from { filters.append("d.date >= ?"); args += [first.description] }
            if let last = whole.to { filters.append("d.date <= ?"); args += [last.description] }
            parts.append("""
                SELECT \(key) AS key, d.currency, SUM(d.n) AS documents, SUM(\(sign) * d.net) AS net,
                  SUM(\(sign) * d.tax) AS tax, SUM(\(sign) * d.total) AS total
                FROM sales_month d WHERE \(filters.joined(separator: " AND ")) GROUP BY key, d.currency
                """)
        }
        for range in split.partial {
            parts.append("""
                SELECT \(key) AS key, d.currency, COUNT(*) AS documents, SUM(\(sign) * d.subtotal) AS net,
                  SUM(\(sign) * d.tax_total) AS tax, SUM(\(sign) * d.total) AS total
                FROM document d WHERE d.status = 'posted' AND d.date >= ? AND d.date <= ? GROUP BY key, d.currency
                """)
            args += [range.from.description, range.to.description]
        }
        let sql = """
            SELECT key, key AS label, currency, SUM(documents) AS documents, SUM(net) AS net, SUM(tax) AS tax,
              SUM(total) AS total
            FROM (\(parts.joined(separator: " UNION ALL ")))
            GROUP BY key, currency
            ORDER BY \(dimension.isTime ? "key" : "total DESC, key"), currency
            """
        return try read { db -> [SalesReportRow]? in
            // A read-only ledger opened before its migrations ran has no `net` column: read the documents.
            guard try db.tableExists("sales_month"),
                  try db.columns(in: "sales_month").contains(where: { $0.name == "net" }) else { return nil }
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                typealias C = QueryColumns
                return SalesReportRow(key: row[C.key] ?? "", label: row[C.label] ?? "",
                                      currency: try RowMapping.currency(row, "sales_month"),
                                      documents: row[C.documents], net: row[C.net], tax: row[C.tax],
                                      total: row[C.total])
            }
        }
    }
}

/// The top rows of a ranked sales report in SQL (issue 10: the charts' top customers read 10k customers' sales and
/// kept 10).
enum SalesTop {
    /// `sql` (a sales report query with columns `key`, `currency` and `total`, ordered `total DESC, key, currency`)
    /// narrowed to its `top` first rows per currency, in the same order: the rows the whole report lists first for
    /// each currency, ties broken by key as there. `top` below 1 gives no rows.
    static func sql(_ sql: String, top: Int) -> String {
        """
        SELECT * FROM (
          SELECT ranked.*, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY total DESC, key) AS sales_rank
          FROM (\(sql)) ranked
        ) WHERE sales_rank <= \(max(0, top))
        ORDER BY total DESC, key, currency
        """
    }

    /// The same narrowing of rows already in the report's order (`total DESC, key, currency`), for the summaries of
    /// few rows (region, channel from `sales_month`): each currency's first `top` rows, order kept.
    static func first<Row>(_ top: Int, of rows: [Row], currency: (Row) -> String) -> [Row] {
        var seen: [String: Int] = [:]
        return rows.filter { row in
            let count = seen[currency(row), default: 0]
            seen[currency(row)] = count + 1
            return count < top
        }
    }
}

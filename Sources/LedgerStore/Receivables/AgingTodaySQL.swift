import LedgerCore

/// Aging today from maintained figures (issue 10): valid when nothing is dated after the report date (the open
/// invoices are the open `open_item` rows) and the buckets are by due date (thresholds `asOf`, then earlier dates).
///
/// Each customer's open invoices start in the oldest bucket at their total (`customer_balance`); the months from
/// the month of the oldest bound on (`open_due_month`, a few rows per customer) move out of it into their bucket;
/// a month cut by a bound is read live only on the days between the bound and the nearer end of the month (the
/// open invoices due then, from the partial index on due date), the rest of the month going to the bucket of that
/// end. So the query reads O(customers × months since the oldest bound) maintained rows and the open invoices due
/// on at most half a month around each bound, never every open invoice. Same cells as the plain sum over the open
/// rows (tested on random ledgers at many dates).
enum AgingTodaySQL {
    /// The query, columns (customer_id, currency, bucket, amount, n, disputed), one row per customer (when
    /// `perCustomer`), currency and bucket with at least one open invoice; nil when the thresholds do not start at
    /// `asOf` and descend (then the caller sums the open rows).
    static func sql(asOf: CivilDate, thresholds: [CivilDate], perCustomer: Bool) -> String? {
        guard let first = thresholds.first, first == asOf,
              zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0.0 > $0.1 }),
              let oldest = thresholds.last else { return nil }
        let oldestBucket = thresholds.count
        func bucket(_ column: String) -> String {
            thresholds.map { "(\(column) < \(OpenAsOf.literal($0)))" }.joined(separator: " + ")
        }
        func bucket(of date: CivilDate) -> Int { AgingBuckets.index(of: date, thresholds: thresholds) }
        var monthCases: [String] = []
        var live: [String] = []
        var month = oldest.startOfMonth
        while month <= asOf {
            let end = month.endOfMonth
            let cuts = thresholds.filter { $0 > month && $0 <= end }.sorted()
            var rest = bucket(of: month)
            if let low = cuts.first, let high = cuts.last {
                // Live: [low, end] with the rest (before `low`) in the month start's bucket, or [month, high)
                // with the rest (from `high` on) in the month end's bucket, whichever has fewer days.
                let (from, to): (CivilDate, CivilDate)
                if low.days(to: end) < month.days(to: high) {
                    (from, to) = (low, end.adding(days: 1))
                } else {
                    (from, to) = (month, high)
                    rest = bucket(of: end)
                }
                let range = "o.kind = 'invoice' AND o.open_amount <> 0 AND o.due_date >= \(OpenAsOf.literal(from))"
                    + " AND o.due_date < \(OpenAsOf.literal(to))"
                live.append("""
                    SELECT o.customer_id, o.currency, \(bucket("o.due_date")), o.open_amount, 1, 0
                    FROM open_item o WHERE \(range)
                    UNION ALL SELECT o.customer_id, o.currency, \(rest), -o.open_amount, -1, 0
                    FROM open_item o WHERE \(range)
                    """)
            }
            monthCases.append("WHEN '\(month.monthKey)' THEN \(rest)")
            month = end.adding(days: 1)
        }
        let lowMonth = OpenAsOf.literal(oldest.monthKey)
        let parts = [
            """
            SELECT customer_id, currency, \(oldestBucket) AS bucket, open_invoices AS amount,
                   open_invoice_count AS n, 0 AS disputed
            FROM customer_balance WHERE open_invoice_count <> 0
            """,
            """
            SELECT customer_id, currency, \(oldestBucket), -amount, -n, 0
            FROM open_due_month WHERE month >= \(lowMonth) AND n <> 0
            """,
            """
            SELECT customer_id, currency, CASE month \(monthCases.joined(separator: " ")) ELSE 0 END, amount, n, 0
            FROM open_due_month WHERE month >= \(lowMonth) AND n <> 0
            """,
        ] + live + [
            """
            SELECT o.customer_id, o.currency, \(bucket("o.due_date")), 0, 0, o.open_amount
            FROM document d CROSS JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
            WHERE d.disputed AND o.open_amount <> 0
            """, // CROSS JOIN: from the partial index of disputed documents (a handful), not every open row
        ]
        let keys = perCustomer ? "customer_id, currency, bucket" : "currency, bucket"
        return """
            SELECT \(perCustomer ? "customer_id" : "NULL AS customer_id"), currency, bucket, SUM(amount) AS amount,
                   SUM(n) AS n, SUM(disputed) AS disputed
            FROM (\(parts.joined(separator: "\nUNION ALL\n")))
            GROUP BY \(keys) HAVING SUM(n) <> 0
            """
    }
}

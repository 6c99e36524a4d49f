import GRDB
import LedgerCore

/// Aging today from maintained figures (issue 10): valid when nothing is dated after the report date (the open
/// invoices are the open `open_item` rows) and the buckets are by due date (thresholds `asOf`, then earlier dates).
///
/// Each customer's open invoices start in the oldest bucket at their total (`customer_balance`); the months from
/// the month of the oldest bound on (`open_due_month`, a few rows per customer, read in the customer's key order
/// so SQLite sums them without sorting) move out of it into their bucket; a month cut by a bound is corrected live
/// only on the days between the bound and the nearer end of the month (the open invoices due then, from the
/// partial index on due date), the rest of the month going to the bucket of that end. Disputed amounts come from
/// the partial index of disputed documents. So the query reads O(customers × months since the oldest bound)
/// maintained rows and the open invoices due on at most half a month around each bound, never every open invoice.
/// Same cells as the plain sum over the open rows (tested on random ledgers at many dates).
struct AgingTodaySQL {
    let thresholds: [CivilDate]
    /// Per customer and currency: total, count, then amount and count of each bucket but the oldest.
    let pivot: String
    /// Live corrections and disputed amounts: (customer_id, currency, bucket, amount, n, disputed).
    let corrections: String

    /// nil when the thresholds do not start at `asOf` and descend (then the caller sums the open rows).
    init?(asOf: CivilDate, thresholds: [CivilDate]) {
        guard let first = thresholds.first, first == asOf,
              zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0.0 > $0.1 }),
              let oldest = thresholds.last else { return nil }
        self.thresholds = thresholds
        let oldestBucket = thresholds.count
        func bucket(_ column: String) -> String {
            thresholds.map { "(\(column) < \(OpenAsOf.literal($0)))" }.joined(separator: " + ")
        }
        func bucket(of date: CivilDate) -> Int { AgingBuckets.index(of: date, thresholds: thresholds) }
        var monthsOf: [Int: (first: String, last: String)] = [:]  // bucket → its months (a contiguous range)
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
                    SELECT o.customer_id, o.currency, \(bucket("o.due_date")) AS bucket, o.open_amount AS amount,
                           1 AS n, 0 AS disputed
                    FROM open_item o WHERE \(range)
                    UNION ALL SELECT o.customer_id, o.currency, \(rest), -o.open_amount, -1, 0
                    FROM open_item o WHERE \(range)
                    """)
            }
            monthsOf[rest] = (monthsOf[rest]?.first ?? month.monthKey, month.monthKey)
            month = end.adding(days: 1)
        }
        // A month's bucket falls as the month rises, so each bucket's months are one range (bucket 0 also every
        // month after the report date's); a range test per column is cheaper than a CASE over every month.
        var columns = ["cb.customer_id", "cb.currency", "cb.open_invoices AS total", "cb.open_invoice_count AS n"]
        for b in 0..<oldestBucket {
            var test = "0"
            if let range = monthsOf[b] {
                test = "m.month >= '\(range.first)'" + (b == 0 ? "" : " AND m.month <= '\(range.last)'")
            } else if b == 0 {
                test = "m.month > '\(asOf.monthKey)'"
            }
            columns.append("COALESCE(SUM(CASE WHEN \(test) THEN m.amount END), 0) AS a\(b)")
            columns.append("COALESCE(SUM(CASE WHEN \(test) THEN m.n END), 0) AS n\(b)")
        }
        pivot = """
            SELECT \(columns.joined(separator: ", "))
            FROM customer_balance cb
            LEFT JOIN open_due_month m ON m.customer_id = cb.customer_id AND m.currency = cb.currency
                 AND m.month >= \(OpenAsOf.literal(oldest.monthKey))
            WHERE cb.open_invoice_count <> 0
            GROUP BY cb.customer_id, cb.currency
            """
        // CROSS JOIN: from the partial index of disputed documents (a handful), not every open row.
        let disputed = """
            SELECT o.customer_id, o.currency, \(bucket("o.due_date")) AS bucket, 0 AS amount, 0 AS n,
                   o.open_amount AS disputed
            FROM document d CROSS JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
            WHERE d.disputed AND o.open_amount <> 0
            """
        corrections = """
            SELECT customer_id, currency, bucket, SUM(amount) AS amount, SUM(n) AS n, SUM(disputed) AS disputed
            FROM (\((live + [disputed]).joined(separator: "\nUNION ALL\n")))
            GROUP BY customer_id, currency, bucket
            """
    }

    /// The aging cells (overdue = every bucket but the first, since the first threshold is the report date); per
    /// customer with the customer's code and name as key and label.
    func cells(_ db: Database, perCustomer: Bool) throws -> [AgingCell] {
        let oldest = thresholds.count
        struct Sums { var amount: [Int64]; var count: [Int]; var disputed: [Int64] }
        var sums: [String: Sums] = [:]
        var order: [(key: String, customer: Int64, currency: String)] = []
        typealias C = QueryColumns
        // Ungrouped, the customers' rows are summed per currency in SQL: a few rows reach Swift, not one per customer.
        let totals = (0..<oldest).map { "SUM(a\($0)) AS a\($0), SUM(n\($0)) AS n\($0)" }.joined(separator: ", ")
        let query = perCustomer ? pivot : """
            SELECT 0 AS customer_id, currency, SUM(total) AS total, SUM(n) AS n, \(totals)
            FROM (\(pivot)) GROUP BY currency
            """
        let rows = try Row.fetchCursor(db, sql: query)
        while let row = try rows.next() {
            let customer: Int64 = perCustomer ? row[C.customerID] : 0, currency: String = row[C.currency]
            let key = "\(customer)#\(currency)"
            var s = sums[key] ?? Sums(amount: Array(repeating: 0, count: oldest + 1),
                                      count: Array(repeating: 0, count: oldest + 1),
                                      disputed: Array(repeating: 0, count: oldest + 1))
            if sums[key] == nil { order.append((key, customer, currency)) }
            let total: Int64 = row[C.total], n: Int = row[C.count]
            var rest = total, restCount = n
            for b in 0..<oldest {
                let a: Int64 = row[b * 2 + 4], c: Int = row[b * 2 + 5]
                s.amount[b] += a
                s.count[b] += c
                rest -= a
                restCount -= c
            }
            s.amount[oldest] += rest
            s.count[oldest] += restCount
            sums[key] = s
        }
        let fixes = try Row.fetchCursor(db, sql: corrections)
        while let row = try fixes.next() {
            let customer: Int64 = perCustomer ? row[C.customerID] : 0, currency: String = row[C.currency]
            let key = "\(customer)#\(currency)", b: Int = row[C.bucket]
            guard var s = sums[key], b >= 0, b <= oldest else { continue }
            s.amount[b] += row[C.amount] as Int64
            s.count[b] += row[C.count] as Int
            s.disputed[b] += row[C.disputed] as Int64
            sums[key] = s
        }
        var names: [Int64: (code: String, name: String)] = [:]
        if perCustomer {
            let customers = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.code, c.name FROM customer c
                WHERE c.id IN (SELECT customer_id FROM customer_balance WHERE open_invoice_count <> 0)
                """)
            while let row = try customers.next() { names[row[C.id]] = (row[C.code], row[C.name]) }
        }
        var cells: [AgingCell] = []
        for entry in order {
            guard let s = sums[entry.key], let currency = Currency.named(entry.currency) else {
                throw LedgerError.storage("table customer_balance, customer \(entry.customer), column currency: "
                                          + "unknown currency \(entry.currency)")
            }
            let label = names[entry.customer]
            for b in 0...oldest where s.count[b] != 0 {
                cells.append(AgingCell(currency: currency, key: label?.code ?? "", label: label?.name ?? "",
                                       bucket: b, amount: s.amount[b], count: s.count[b],
                                       overdue: b > 0 ? s.amount[b] : 0, disputed: s.disputed[b]))
            }
        }
        return cells
    }
}

import GRDB
import LedgerCore

/// Aging today from maintained figures (issue 10): valid when nothing is dated after the report date (the open
/// invoices are the open `open_item` rows) and the buckets are by due date (thresholds `asOf`, then earlier dates).
///
/// Each customer's open invoices start in the oldest bucket at their total (`customer_balance`); the months from
/// the month of the oldest bound on (`open_due_month`, a few rows per customer, read in the customer's key order
/// so SQLite sums them without sorting) move out of it into their bucket; a month cut by a bound is corrected live
/// only on the days between the bound and the nearer end of the month (the open invoices due then, from the
/// partial index on due date), the rest of the month going to the bucket of that end; of the two sides the one with
/// fewer open invoices (`open_due_day`'s counts: due dates cluster, e.g. 19,154 of a generated 1M ledger's open
/// invoices fall due on one month end). Disputed amounts come from the partial index of disputed documents. So the
/// query reads O(customers × months since the oldest bound) maintained rows and the open invoices of the smaller
/// side of each cut month, read once, never every open invoice.
/// Same cells as the plain sum over the open rows (tested on random ledgers at many dates).
struct AgingTodaySQL {
    let thresholds: [CivilDate]
    /// Per customer and currency: total, count, then amount and count of each bucket but the oldest.
    let pivot: String
    /// The same per currency alone (customer_id 0), from the currency's due months (`open_due_currency_month`).
    let currencyPivot: String
    /// Live corrections and disputed amounts, rows (customer_id, currency, bucket, rest, amount, n, disputed): the
    /// amount and count move from bucket `rest` (-1: none) to `bucket`.
    private let correctionRows: String

    /// nil when the thresholds do not start at `asOf` and descend (then the caller sums the open rows). `openDue`
    /// counts the open invoices due in a range of days (`from..<to`), to choose the side of a cut month to read.
    init?(asOf: CivilDate, thresholds: [CivilDate],
          openDue: (_ from: CivilDate, _ to: CivilDate) throws -> Int) rethrows {
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
                // with the rest (from `high` on) in the month end's bucket, whichever has fewer open invoices.
                let (from, to): (CivilDate, CivilDate)
                if try openDue(low, end.adding(days: 1)) < openDue(month, high) {
                    (from, to) = (low, end.adding(days: 1))
                } else {
                    (from, to) = (month, high)
                    rest = bucket(of: end)
                }
                // Each row moves its amount from the month's bucket (`rest`) to its own: read once.
                live.append("""
                    SELECT o.customer_id, o.currency, \(bucket("o.due_date")) AS bucket, \(rest) AS rest,
                           o.open_amount AS amount, 1 AS n, 0 AS disputed
                    FROM open_item o WHERE o.kind = 'invoice' AND o.open_amount <> 0
                      AND o.due_date >= \(OpenAsOf.literal(from)) AND o.due_date < \(OpenAsOf.literal(to))
                    """)
            }
            monthsOf[rest] = (monthsOf[rest]?.first ?? month.monthKey, month.monthKey)
            month = end.adding(days: 1)
        }
        // A month's bucket falls as the month rises, so each bucket's months are one range (bucket 0 also every
        // month after the report date's); a range test per column is cheaper than a CASE over every month.
        var columns = ["cb.customer_id", "cb.currency", "cb.open_invoices AS total", "cb.open_invoice_count AS n"]
        var currencyColumns = ["0 AS customer_id", "m.currency", "SUM(m.amount) AS total", "SUM(m.n) AS n"]
        for b in 0..<oldestBucket {
            var test = "0"
            if let range = monthsOf[b] {
                test = "m.month >= '\(range.first)'" + (b == 0 ? "" : " AND m.month <= '\(range.last)'")
            } else if b == 0 {
                test = "m.month > '\(asOf.monthKey)'"
            }
            columns.append("COALESCE(SUM(CASE WHEN \(test) THEN m.amount END), 0) AS a\(b)")
            columns.append("COALESCE(SUM(CASE WHEN \(test) THEN m.n END), 0) AS n\(b)")
            currencyColumns += columns.suffix(2)
        }
        pivot = """
            SELECT \(columns.joined(separator: ", "))
            FROM customer_balance cb
            LEFT JOIN open_due_month m ON m.customer_id = cb.customer_id AND m.currency = cb.currency
                 AND m.month >= \(OpenAsOf.literal(oldest.monthKey))
            WHERE cb.open_invoice_count <> 0
            GROUP BY cb.customer_id, cb.currency
            """
        // Months before the oldest bound pass no bucket's test: they stay in the oldest bucket (total − the rest).
        currencyPivot = """
            SELECT \(currencyColumns.joined(separator: ", "))
            FROM open_due_currency_month m WHERE m.n <> 0
            GROUP BY m.currency
            """
        // CROSS JOIN: from the partial index of disputed documents (a handful), not every open row.
        let disputed = """
            SELECT o.customer_id, o.currency, \(bucket("o.due_date")) AS bucket, -1 AS rest, 0 AS amount, 0 AS n,
                   o.open_amount AS disputed
            FROM document d CROSS JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
            WHERE d.disputed AND o.open_amount <> 0
            """
        correctionRows = (live + [disputed]).joined(separator: "\nUNION ALL\n")
    }

    /// The live corrections summed per customer (or, `perCustomer` false, per currency alone, customer_id 0),
    /// currency, bucket and rest: (customer_id, currency, bucket, rest, amount, n, disputed).
    func corrections(perCustomer: Bool) -> String {
        let customer = perCustomer ? "customer_id" : "0"
        return """
            SELECT \(customer), currency, bucket, rest, SUM(amount), SUM(n), SUM(disputed)
            FROM (\(correctionRows))
            GROUP BY \(perCustomer ? "customer_id, " : "")currency, bucket, rest
            """
    }

    /// The aging cells (overdue = every bucket but the first, since the first threshold is the report date); per
    /// customer with the customer's code and name as key and label. Rows are read by column index.
    func cells(_ db: Database, perCustomer: Bool) throws -> [AgingCell] {
        let oldest = thresholds.count
        struct Key: Hashable { let customer: Int64; let currency: String }
        struct Sums { var amount: [Int64]; var count: [Int]; var disputed: [Int64] }
        let empty = Sums(amount: Array(repeating: 0, count: oldest + 1), count: Array(repeating: 0, count: oldest + 1),
                         disputed: Array(repeating: 0, count: oldest + 1))
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var sums: [Sums] = []
        // Ungrouped, the currency's due months: a few dozen rows per currency, not one per customer.
        let rows = try Row.fetchCursor(db, sql: perCustomer ? pivot : currencyPivot)
        while let row = try rows.next() {
            let key = Key(customer: row[0], currency: row[1])
            let at: Int
            if let known = index[key] { at = known } else {
                at = sums.count
                index[key] = at
                keys.append(key)
                sums.append(empty)
            }
            var rest: Int64 = row[2], restCount: Int = row[3]
            for b in 0..<oldest {
                let a: Int64 = row[b * 2 + 4], c: Int = row[b * 2 + 5]
                sums[at].amount[b] += a
                sums[at].count[b] += c
                rest -= a
                restCount -= c
            }
            sums[at].amount[oldest] += rest
            sums[at].count[oldest] += restCount
        }
        let fixes = try Row.fetchCursor(db, sql: corrections(perCustomer: perCustomer))
        while let row = try fixes.next() {
            let b: Int = row[2], rest: Int = row[3], amount: Int64 = row[4], n: Int = row[5]
            guard let at = index[Key(customer: row[0], currency: row[1])], b >= 0, b <= oldest else { continue }
            sums[at].amount[b] += amount
            sums[at].count[b] += n
            sums[at].disputed[b] += row[6] as Int64
            if rest >= 0, rest <= oldest {
                sums[at].amount[rest] -= amount
                sums[at].count[rest] -= n
            }
        }
        var names: [Int64: (code: String, name: String)] = [:]
        if perCustomer {
            let customers = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.code, c.name FROM customer c
                WHERE c.id IN (SELECT customer_id FROM customer_balance WHERE open_invoice_count <> 0)
                """)
            while let row = try customers.next() { names[row[0]] = (row[1], row[2]) }
        }
        var cells: [AgingCell] = []
        for (key, s) in zip(keys, sums) {
            guard let currency = Currency.named(key.currency) else {
                throw LedgerError.storage("table customer_balance, customer \(key.customer), column currency: "
                                          + "unknown currency \(key.currency)")
            }
            let label = names[key.customer]
            for b in 0...oldest where s.count[b] != 0 {
                cells.append(AgingCell(currency: currency, key: label?.code ?? "", label: label?.name ?? "",
                                       bucket: b, amount: s.amount[b], count: s.count[b],
                                       overdue: b > 0 ? s.amount[b] : 0, disputed: s.disputed[b]))
            }
        }
        return cells
    }
}

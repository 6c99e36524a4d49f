import GRDB
import LedgerCore

/// Aging today from maintained figures (issue 10): valid when nothing is dated after the report date (the open
/// invoices are the open `open_item` rows) and the buckets are by due date (thresholds `asOf`, then earlier dates).
///
/// Each customer's open invoices start in the oldest bucket at their total (`customer_balance`); the months from
/// the month of the oldest bound on (`open_due_month`, a few rows per customer, one scan) move out of it into their
/// bucket; a month cut by a bound is corrected live
/// only on the days between the bound and the nearer end of the month (the open invoices due then, from the
/// partial index on due date), the rest of the month going to the bucket of that end; of the two sides the one with
/// fewer open invoices (`open_due_day`'s counts: due dates cluster, e.g. 19,154 of a generated 1M ledger's open
/// invoices fall due on one month end). Disputed amounts come from the partial index of disputed documents. So the
/// query reads O(customers × months since the oldest bound) maintained rows and the open invoices of the smaller
/// side of each cut month, read once, never every open invoice.
/// Same cells as the plain sum over the open rows (tested on random ledgers at many dates).
struct AgingTodaySQL {
    let thresholds: [CivilDate]
    /// The oldest bound's month and the report date's (ISO `YYYY-MM`).
    private let oldestMonth: String, asOfMonth: String
    /// The bucket of each due month from `oldestMonth` to `asOfMonth` (later months: bucket 0; earlier months stay
    /// in the oldest bucket).
    private let monthBucket: [String: Int]
    /// Live corrections and disputed amounts, rows (customer_id, currency, bucket, rest, amount, n, disputed): the
    /// amount and count move from bucket `rest` (-1: none) to `bucket`. `\(Self.only)` stands where a filter on
    /// `o.customer_id` goes.
    private let correctionRows: String
    private static let only = "/*only*/"

    /// nil when the thresholds do not start at `asOf` and descend (then the caller sums the open rows). `openDue`
    /// counts the open invoices due in a range of days (`from..<to`), to choose the side of a cut month to read.
    init?(asOf: CivilDate, thresholds: [CivilDate],
          openDue: (_ from: CivilDate, _ to: CivilDate) throws -> Int) rethrows {
        guard let first = thresholds.first, first == asOf,
              zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0.0 > $0.1 }),
              let oldest = thresholds.last else { return nil }
        self.thresholds = thresholds
        func bucket(_ column: String) -> String {
            thresholds.map { "(\(column) < \(OpenAsOf.literal($0)))" }.joined(separator: " + ")
        }
        func bucket(of date: CivilDate) -> Int { AgingBuckets.index(of: date, thresholds: thresholds) }
        var monthBucket: [String: Int] = [:]
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
                      AND o.due_date >= \(OpenAsOf.literal(from)) AND o.due_date < \(OpenAsOf.literal(to))\(Self.only)
                    """)
            }
            monthBucket[month.monthKey] = rest
            month = end.adding(days: 1)
        }
        (self.monthBucket, oldestMonth, asOfMonth) = (monthBucket, oldest.monthKey, asOf.monthKey)
        // CROSS JOIN: from the partial index of disputed documents (a handful), not every open row.
        let disputed = """
            SELECT o.customer_id, o.currency, \(bucket("o.due_date")) AS bucket, -1 AS rest, 0 AS amount, 0 AS n,
                   o.open_amount AS disputed
            FROM document d CROSS JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
            WHERE d.disputed AND o.open_amount <> 0\(Self.only)
            """
        correctionRows = (live + [disputed]).joined(separator: "\nUNION ALL\n")
    }

    /// The live corrections summed per customer (or, `perCustomer` false, per currency alone, customer_id 0),
    /// currency, bucket and rest: (customer_id, currency, bucket, rest, amount, n, disputed); `only`: a filter on
    /// the customer (` AND o.customer_id IN (…)`) or "".
    func corrections(perCustomer: Bool, only: String = "") -> String {
        let customer = perCustomer ? "customer_id" : "0"
        return """
            SELECT \(customer), currency, bucket, rest, SUM(amount), SUM(n), SUM(disputed)
            FROM (\(correctionRows.replacingOccurrences(of: Self.only, with: only)))
            GROUP BY \(perCustomer ? "customer_id, " : "")currency, bucket, rest
            """
    }

    /// The aging cells (overdue = every bucket but the first, since the first threshold is the report date); per
    /// customer with the customer's code and name as key and label; `customers` (per customer): only theirs. Rows
    /// are read by column index.
    func cells(_ db: Database, perCustomer: Bool, customers: [Int64]? = nil) throws -> [AgingCell] {
        let ids = customers.map { "customer_id IN (\($0.map(String.init).joined(separator: ",")))" }
        let oldest = thresholds.count
        struct Key: Hashable { let customer: Int64; let currency: String }
        struct Sums { var amount: [Int64]; var count: [Int]; var disputed: [Int64] }
        let empty = Sums(amount: Array(repeating: 0, count: oldest + 1), count: Array(repeating: 0, count: oldest + 1),
                         disputed: Array(repeating: 0, count: oldest + 1))
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var sums: [Sums] = []
        func add(_ total: inout Int64, _ value: Int64, minus: Bool = false) throws {
            let (sum, overflow) = minus ? total.subtractingReportingOverflow(value)
                : total.addingReportingOverflow(value)
            guard !overflow else { throw LedgerError.storage("aging: an open total overflows") }
            total = sum
        }
        // Each customer's (or, ungrouped, each currency's) open invoices start in the oldest bucket at their total;
        // the due months from the oldest bound's on move out of it into their bucket. Read as plain rows (one
        // scan each) and summed here: the pivot in SQL (a seek per customer, a CASE per bucket) took twice as long.
        let totals = perCustomer
            ? "SELECT customer_id, currency, open_invoices, open_invoice_count FROM customer_balance "
                + "WHERE open_invoice_count <> 0" + (ids.map { " AND \($0)" } ?? "")
            : "SELECT 0, currency, SUM(amount), SUM(n) FROM open_due_currency_month WHERE n <> 0 GROUP BY currency"
        let rows = try Row.fetchCursor(db, sql: totals)
        while let row = try rows.next() {
            let key = Key(customer: row[0], currency: row[1])
            let at: Int
            if let known = index[key] { at = known } else {
                at = sums.count
                index[key] = at
                keys.append(key)
                sums.append(empty)
            }
            try add(&sums[at].amount[oldest], row[2])
            sums[at].count[oldest] += row[3] as Int
        }
        let monthRows = perCustomer ? "customer_id, currency, month, amount, n FROM open_due_month"
            : "0, currency, month, amount, n FROM open_due_currency_month"
        let months = try Row.fetchCursor(db, sql: "SELECT \(monthRows) WHERE month >= ? AND n <> 0"
                                             + (ids.map { " AND \($0)" } ?? ""), arguments: [oldestMonth])
        while let row = try months.next() {
            let month: String = row[2]
            guard let at = index[Key(customer: row[0], currency: row[1])],
                  let b = month > asOfMonth ? 0 : monthBucket[month], b != oldest else { continue }
            let amount: Int64 = row[3], n: Int = row[4]
            try add(&sums[at].amount[b], amount)
            try add(&sums[at].amount[oldest], amount, minus: true)
            sums[at].count[b] += n
            sums[at].count[oldest] -= n
        }
        let fixes = try Row.fetchCursor(db, sql: corrections(perCustomer: perCustomer,
                                                             only: ids.map { " AND o.\($0)" } ?? ""))
        while let row = try fixes.next() {
            let b: Int = row[2], rest: Int = row[3], amount: Int64 = row[4], n: Int = row[5]
            guard let at = index[Key(customer: row[0], currency: row[1])], b >= 0, b <= oldest else { continue }
            try add(&sums[at].amount[b], amount)
            sums[at].count[b] += n
            try add(&sums[at].disputed[b], row[6])
            if rest >= 0, rest <= oldest {
                try add(&sums[at].amount[rest], amount, minus: true)
                sums[at].count[rest] -= n
            }
        }
        var names: [Int64: (code: String, name: String)] = [:]
        if perCustomer {
            let nameRows = try Row.fetchCursor(db, sql: """
                SELECT c.id, c.code, c.name FROM customer c
                WHERE c.id IN (\(customers.map { $0.map(String.init).joined(separator: ",") }
                    ?? "SELECT customer_id FROM customer_balance WHERE open_invoice_count <> 0"))
                """)
            while let row = try nameRows.next() { names[row[0]] = (row[1], row[2]) }
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

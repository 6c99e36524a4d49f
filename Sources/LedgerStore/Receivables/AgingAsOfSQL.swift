import GRDB
import LedgerCore

/// Aging as of any date from the maintained settlement days (issue 10, aging a year back): the invoices open as of
/// `asOf` are among the posted invoices dated up to it that are open now or were settled after it
/// (`InvoiceSettledSchema`: two ranges of one index), each one's open amount as of `asOf` being its total less its
/// allocations dated up to `asOf` (the plain rule of `OpenAsOf`; the document by rowid, the allocations on the
/// covering `allocation_invoice` index). Only those candidates are looked up, not every invoice dated up to the
/// date, and in the order of their ids (`IN candidate`: SQLite walks the list sorted), so neighbouring invoices
/// share their pages: 13k page reads instead of 106k for a year back at 1M. The query returns one row per
/// candidate and `cells` sums them: SQLite's GROUP BY sorted every candidate (44 % of the query's instructions
/// for a year back at 1M). Same cells as `OpenAsOf.withInvoicesOpen` (tested at many dates on generated ledgers).
struct AgingAsOfSQL {
    let sql: String
    let arguments: StatementArguments
    let grouping: AgingGrouping

    init(asOf: CivilDate, thresholds: [CivilDate], basis: AgingBasis, grouping: AgingGrouping) {
        let bucket = SQLiteLedgerStore.agingBucket(thresholds: thresholds, basis: basis)
        // The group key: the customer's id (code and name looked up once per customer), else the text of the group.
        let key: String
        var joins = ""
        switch grouping {
        case .none: key = "NULL"
        case .customer: key = "d.customer_id"
        case .salesperson: key = "COALESCE(s.name, '')"; joins = "LEFT JOIN salesperson s ON s.id = d.salesperson_id"
        case .region: key = "d.region"
        case .channel: key = "d.channel"
        }
        self.grouping = grouping
        // The settled range is read one settlement day at a time (`settled`: each day after `asOf` up to the
        // latest), so the index skips the invoices dated after `asOf` (most of those settled since: 520,569 of
        // 595,852 at 1M for a year back) instead of reading and dropping them.
        sql = """
            WITH RECURSIVE settled(d) AS (
              SELECT :day + 1
              UNION ALL
              SELECT d + 1 FROM settled WHERE d < (SELECT MAX(settled_day) FROM invoice_settled)
            ),
            candidate(id) AS (
              SELECT id FROM invoice_settled WHERE settled_day IS NULL AND day <= :day
              UNION ALL
              SELECT s.id FROM settled k CROSS JOIN invoice_settled s ON s.settled_day = k.d AND s.day <= :day
            )
            SELECT d.currency, \(key) AS key, \(bucket) AS bucket,
                   d.total - \(OpenAsOf.allocatedToInvoice("d.id", asOf: ":asOf")) AS open,
                   d.due_date < :asOf AS overdue, d.disputed
            FROM document d \(joins)
            WHERE d.id IN candidate
            """
        arguments = ["asOf": asOf.description, "day": asOf.julianDayNumber]
    }

    /// The candidates' rows summed per currency, group and bucket (rows whose open amount is 0 left out).
    /// - Throws: `LedgerError.storage` for an unknown currency or a sum that overflows.
    func cells(_ db: Database) throws -> [AgingCell] {
        struct Key: Hashable { let currency: String; let key: DatabaseValue; let bucket: Int }
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var sums: [(amount: Int64, count: Int, overdue: Int64, disputed: Int64)] = []
        func add(_ total: Int64, _ value: Int64) throws -> Int64 {
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw LedgerError.storage("aging: an open total overflows") }
            return sum
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let open: Int64 = row[3]
            guard open != 0 else { continue }
            let key = Key(currency: row[0], key: row[1], bucket: row[2])
            let at: Int
            if let known = index[key] { at = known } else {
                at = sums.count
                index[key] = at
                keys.append(key)
                sums.append((0, 0, 0, 0))
            }
            sums[at].amount = try add(sums[at].amount, open)
            sums[at].count += 1
            if row[4] as Bool { sums[at].overdue = try add(sums[at].overdue, open) }
            if row[5] as Bool { sums[at].disputed = try add(sums[at].disputed, open) }
        }
        let ids = grouping == .customer ? Set(keys.compactMap { Int64.fromDatabaseValue($0.key) }) : []
        let names = try customerNames(db, ids: ids)
        return try zip(keys, sums).map { key, sum in
            guard let currency = Currency.named(key.currency) else {
                throw LedgerError.storage("table document, column currency: '\(key.currency)' is not a known "
                                          + "ISO 4217 currency")
            }
            let label: (code: String, name: String)
            if grouping == .customer {
                label = Int64.fromDatabaseValue(key.key).flatMap { names[$0] } ?? ("", "")
            } else {
                let text = String.fromDatabaseValue(key.key) ?? ""
                label = (text, text)
            }
            return AgingCell(currency: currency, key: label.code, label: label.name, bucket: key.bucket,
                             amount: sum.amount, count: sum.count, overdue: sum.overdue, disputed: sum.disputed)
        }
    }

    /// Code and name of the customers `ids` (integers, so listed literally).
    private func customerNames(_ db: Database, ids: Set<Int64>) throws -> [Int64: (code: String, name: String)] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: (code: String, name: String)] = [:]
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, code, name FROM customer WHERE id IN (\(list))")
        while let row = try rows.next() { names[row[0]] = (row[1], row[2]) }
        return names
    }
}

extension CivilDate {
    /// SQLite's day number of this date, `CAST(julianday(date) AS INTEGER)` (the days of `invoice_settled`).
    var julianDayNumber: Int {
        // julianday('1970-01-01') = 2440587.5, so its integer part is 2440587.
        daysSinceEpoch + 2_440_587
    }
}

import GRDB
import LedgerCore

/// Aging as of any date from the maintained settlement days (issue 10, aging a year back): the invoices open as of
/// `asOf` are among the posted invoices dated up to it that are open now or were settled after it
/// (`InvoiceSettledSchema`: two ranges of one index), each one's open amount as of `asOf` being its maintained
/// open amount plus its allocations dated after `asOf` (the covering `allocation_invoice` index). Only those
/// candidates are looked up (their `open_item` row, and their document only when the grouping needs it), not every
/// invoice dated up to the date with its allocations. Same cells as the plain rule of `OpenAsOf` (tested at many
/// dates on generated ledgers against `OpenAsOf.withInvoicesOpen`).
///
/// Columns: currency, key, label, bucket, amount, n, overdue, disputed — in that order (read by index).
struct AgingAsOfSQL {
    let sql: String
    let arguments: StatementArguments

    init(asOf: CivilDate, thresholds: [CivilDate], basis: AgingBasis, grouping: AgingGrouping) {
        let keyDate = basis == .dueDate ? "x.due_date" : "x.day"
        func bound(_ date: CivilDate) -> String {
            basis == .dueDate ? OpenAsOf.literal(date) : InvoiceSettledSchema.day(OpenAsOf.literal(date))
        }
        let bucket = thresholds.isEmpty ? "0"
            : thresholds.map { "(\(keyDate) < \(bound($0)))" }.joined(separator: " + ")
        let key: (String, String)
        var joins = ""
        switch grouping {
        case .none: key = ("''", "''")
        case .customer: key = ("c.code", "c.name"); joins = "JOIN customer c ON c.id = x.customer_id"
        case .salesperson:
            key = ("COALESCE(s.name, '')", "COALESCE(s.name, '')")
            joins = "JOIN document d ON d.id = x.id LEFT JOIN salesperson s ON s.id = d.salesperson_id"
        case .region: key = ("d.region", "d.region"); joins = "JOIN document d ON d.id = x.id"
        case .channel: key = ("d.channel", "d.channel"); joins = "JOIN document d ON d.id = x.id"
        }
        sql = """
            WITH candidate(id, day) AS (
              SELECT id, day FROM invoice_settled WHERE settled_day IS NULL AND day <= :day
              UNION ALL
              SELECT id, day FROM invoice_settled WHERE settled_day > :day AND day <= :day
            ),
            open_as_of(id, customer_id, currency, due_date, day, open) AS MATERIALIZED (
              SELECT o.id, o.customer_id, o.currency, o.due_date, k.day, o.open_amount
                     + COALESCE((SELECT SUM(a.amount) FROM allocation a
                                 WHERE a.invoice_id = o.id AND a.date > :asOf), 0)
              FROM candidate k JOIN open_item o ON o.kind = 'invoice' AND o.id = k.id
            )
            SELECT x.currency, \(key.0) AS key, MAX(\(key.1)) AS label, \(bucket) AS bucket, SUM(x.open) AS amount,
                   COUNT(*) AS n, SUM(CASE WHEN x.due_date < :asOf THEN x.open ELSE 0 END) AS overdue,
                   SUM(CASE WHEN x.id IN (SELECT id FROM document WHERE disputed) THEN x.open ELSE 0 END) AS disputed
            FROM open_as_of x \(joins)
            WHERE x.open <> 0
            GROUP BY x.currency, key, bucket
            """
        arguments = ["asOf": asOf.description, "day": asOf.julianDayNumber]
    }
}

extension CivilDate {
    /// SQLite's day number of this date, `CAST(julianday(date) AS INTEGER)` (the days of `invoice_settled`).
    var julianDayNumber: Int {
        // julianday('1970-01-01') = 2440587.5, so its integer part is 2440587.
        daysSinceEpoch + 2_440_587
    }
}

import GRDB
import LedgerCore

/// The one "open as of a date" rule of the store, as SQL fragments every query uses (customer list, open items,
/// unapplied credits, pivots, invoice lists, payment facts).
///
/// Rule: a document's open amount as of a date = its total − the allocations on it (receipts, credit notes,
/// write-offs, reversals negative) dated on or before that date. Allocations are never dated before the
/// documents they join (`AllocationDating`), so the amount is ≥ 0. `asOf` is an SQL expression (`:asOf`, or a
/// quoted ISO date); nil counts every allocation. Since issue 10 the amounts start from the maintained open amounts
/// (`MaintainedBalanceSchema`) and only allocations dated after `asOf` are added back.
enum OpenAsOf {
    /// Allocations on invoice `invoice` (an SQL expression for its id) dated ≤ `asOf`, minor units (0 when none).
    static func allocatedToInvoice(_ invoice: String, asOf: String?) -> String {
        "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = \(invoice)\(dated(asOf))), 0)"
    }

    /// Credit-note allocations on invoice `invoice` dated ≤ `asOf` (reversals negative), minor units (0 when none):
    /// with the open amount, the invoice's status (`InvoiceSettlement`).
    static func creditedToInvoice(_ invoice: String, asOf: String?) -> String {
        "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = \(invoice) AND a.source = 'credit_note'"
        + "\(dated(asOf))), 0)"
    }

    /// Allocations made from a receipt or credit note (`source` is `receipt` or `credit_note`) dated ≤ `asOf`.
    static func allocatedFrom(_ source: String, id: String, asOf: String?) -> String {
        "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.source = '\(source)' AND a.source_id = "
        + "\(id)\(dated(asOf))), 0)"
    }

    /// Open amount of invoice alias `d` as of `asOf`: `d.total − allocated`. Read from the maintained open amount
    /// (`open_item`, kept by triggers) plus the allocations dated after `asOf` (an index range on
    /// `allocation(invoice_id, date)`, empty for today); a document without a maintained row (draft, void) falls
    /// back to the sum over its allocations.
    static func invoiceOpen(_ d: String = "d", asOf: String?) -> String {
        let current = "\(maintained("'invoice'", id: "\(d).id"))\(allocatedAfter("a.invoice_id = \(d).id", asOf: asOf))"
        return "COALESCE(\(current), \(d).total - \(allocatedToInvoice("\(d).id", asOf: asOf)))"
    }

    /// Unapplied amount of a receipt (`amount` column) or credit note (`total`) aliased `r`, as of `asOf`: the
    /// maintained open amount plus what was allocated from it after `asOf` (fallback as for `invoiceOpen`).
    static func unapplied(_ source: String, _ r: String = "r", asOf: String?) -> String {
        let after = allocatedAfter("a.source = '\(source)' AND a.source_id = \(r).id", asOf: asOf)
        let current = "\(maintained("'\(source)'", id: "\(r).id"))\(after)"
        let column = source == "receipt" ? "amount" : "total"
        return "COALESCE(\(current), \(r).\(column) - \(allocatedFrom(source, id: "\(r).id", asOf: asOf)))"
    }

    /// A condition true for every document (`kind` `invoice`, `credit_note` or `receipt`; `id` an SQL expression)
    /// that can be open as of `asOf`: open now (the partial index on open rows), or touched by an allocation
    /// dated after `asOf` (index on `allocation(date)`; for receipts and credit notes dated ≤ `asOf`, the
    /// maintained late allocations, `LateAllocationSchema`). Restricts as-of queries to that set instead of the ledger.
    static func candidate(_ kind: String, id: String, asOf: String?) -> String {
        let open = "SELECT o.id FROM open_item o WHERE o.kind = '\(kind)' AND o.open_amount <> 0"
        guard let asOf else { return "\(id) IN (\(open))" }
        // A receipt or credit note dated ≤ `asOf` allocated after it has an allocation dated after its own date:
        // the maintained `late_allocation` rows (a few), not every allocation dated after `asOf` (for a year back
        // most of the ledger's; for today none, but SQLite read every allocation of the kind by
        // `allocation_source` instead of the empty date range). Callers keep sources dated ≤ `asOf` only.
        let later = kind == "invoice"
            ? "SELECT a.invoice_id FROM allocation a WHERE a.date > \(asOf)"
            : "SELECT l.source_id FROM late_allocation l WHERE l.source = '\(kind)' AND l.date > \(asOf)"
        return "\(id) IN (\(open) UNION \(later))"
    }

    /// The open amounts of invoices as of `asOf`, set-based (issue 10): an SQL query with columns `id` and `open`
    /// (minor units) = the maintained open amount now (the partial index on open rows) plus every allocation dated
    /// after `asOf` (a range of the index on `allocation(date)`), summed per invoice with one GROUP BY — no
    /// correlated subquery per document. It yields every invoice open as of `asOf`, possibly with rows whose open
    /// amount is 0 and rows of documents dated after `asOf` or no longer posted: callers join `document` and keep
    /// `d.kind = 'invoice' AND d.status = 'posted' AND d.date <= asOf AND open <> 0`. nil: open now.
    ///
    /// `side` `.upTo` reads the other side of the same rule: each posted invoice dated ≤ `asOf`, its total − its
    /// allocations dated ≤ `asOf` (index ranges on `document(date)` and `allocation(invoice_id, date)`) — fewer
    /// rows than the allocations dated after a date far back (see `side(_:asOf:)`). Same open amounts either way.
    static func invoiceAmounts(asOf: String?, side: Side = .after) -> String {
        let open = "SELECT o.id, o.open_amount AS amount FROM open_item o WHERE o.kind = 'invoice' "
            + "AND o.open_amount <> 0"
        guard let asOf else { return "SELECT id, amount AS open FROM (\(open))" }
        if side == .upTo {
            return """
                SELECT d.id, d.total - \(allocatedToInvoice("d.id", asOf: asOf)) AS open FROM document d
                WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date <= \(asOf)
                """
        }
        return """
            SELECT id, SUM(amount) AS open FROM (
              \(open)
              UNION ALL SELECT a.invoice_id, a.amount FROM allocation a WHERE a.date > \(asOf)
            ) GROUP BY id
            """
    }

    /// A `WITH` clause naming `open_as_of(id, open)` (see `invoiceAmounts`), to put before a query that joins it.
    static func withInvoicesOpen(asOf: String?, side: Side = .after) -> String {
        "WITH open_as_of(id, open) AS MATERIALIZED (\(invoiceAmounts(asOf: asOf, side: side)))"
    }

    /// Which rows `invoiceAmounts` starts from: the open rows and the allocations dated after the date, or the
    /// invoices dated up to it with their allocations up to it.
    enum Side { case after, upTo }

    /// The side with fewer rows for `asOf` (ISO date), estimated in O(log n) from where the date falls in the
    /// ledger's span of document dates: `.upTo` in its first half (little is dated before, much after).
    static func side(_ db: Database, asOf: String) throws -> Side {
        guard let row = try Row.fetchOne(db, sql: "SELECT MIN(date) AS first, MAX(date) AS last FROM document"),
              let first = (row[QueryColumns.first] as String?).flatMap(CivilDate.init(iso:)),
              let last = (row[QueryColumns.last] as String?).flatMap(CivilDate.init(iso:)),
              let date = CivilDate(iso: asOf), first < last else { return .after }
        return first.days(to: date) * 2 < first.days(to: last) ? .upTo : .after
    }

    /// The maintained open amount of `kind` (an SQL string literal) row `id`; NULL when there is none.
    private static func maintained(_ kind: String, id: String) -> String {
        "(SELECT o.open_amount FROM open_item o WHERE o.kind = \(kind) AND o.id = \(id))"
    }

    /// ` + allocations matching `condition` dated after `asOf``, or nothing when `asOf` is nil (all count).
    private static func allocatedAfter(_ condition: String, asOf: String?) -> String {
        guard let asOf else { return "" }
        return " + COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE \(condition) AND a.date > \(asOf)), 0)"
    }

    private static func dated(_ asOf: String?) -> String { asOf.map { " AND a.date <= \($0)" } ?? "" }

    /// A civil date as an SQL literal (ISO text: digits and dashes only, so inlining is safe).
    static func literal(_ date: CustomStringConvertible) -> String { "'\(date.description)'" }
}

/// The one "open as of a date" rule of the store, as SQL fragments every query uses (customer list, open items,
/// unapplied credits, pivots, invoice lists, payment facts).
///
/// Rule: a document's open amount as of a date = its total − the allocations on it (receipts, credit notes,
/// write-offs, reversals negative) dated on or before that date. Allocations are never dated before the
/// documents they join (`AllocationDating`), so the amount is ≥ 0. `asOf` is an SQL expression (`:asOf`, or a
/// quoted ISO date); nil counts every allocation.
enum OpenAsOf {
    /// Allocations on invoice `invoice` (an SQL expression for its id) dated ≤ `asOf`, minor units (0 when none).
    static func allocatedToInvoice(_ invoice: String, asOf: String?) -> String {
        "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.invoice_id = \(invoice)\(dated(asOf))), 0)"
    }

    /// Allocations made from a receipt or credit note (`source` is `receipt` or `credit_note`) dated ≤ `asOf`.
    static func allocatedFrom(_ source: String, id: String, asOf: String?) -> String {
        "COALESCE((SELECT SUM(a.amount) FROM allocation a WHERE a.source = '\(source)' AND a.source_id = \(id)\(dated(asOf))), 0)"
    }

    /// Open amount of invoice alias `d` as of `asOf`: `d.total − allocated`.
    static func invoiceOpen(_ d: String = "d", asOf: String?) -> String {
        "(\(d).total - \(allocatedToInvoice("\(d).id", asOf: asOf)))"
    }

    /// Unapplied amount of a receipt (`amount` column) or credit note (`total`) aliased `r`, as of `asOf`.
    static func unapplied(_ source: String, _ r: String = "r", asOf: String?) -> String {
        "(\(r).\(source == "receipt" ? "amount" : "total") - \(allocatedFrom(source, id: "\(r).id", asOf: asOf)))"
    }

    private static func dated(_ asOf: String?) -> String { asOf.map { " AND a.date <= \($0)" } ?? "" }

    /// A civil date as an SQL literal (ISO text: digits and dashes only, so inlining is safe).
    static func literal(_ date: CustomStringConvertible) -> String { "'\(date.description)'" }
}

/// One maintained figure (issue 10) that differs from its recomputation from documents and allocations.
///
/// `subject` names the record: a document or receipt by display number (`INV-2025-000001`, `RC-…`) or a
/// customer balance as `CODE CUR`. `field` is the maintained column (`open_amount`, `open_invoices`,
/// `open_invoice_count`, `unapplied_credits`, `earliest_open_due`, `customer_id`, `currency`, `due_date`, or
/// `row` when a document's row is missing on one side, `balance-row` when a customer balance row is). `stored` and
/// `recomputed` are the values as text (`absent` when missing).
public struct MaintainedBalanceDifference: Hashable, Sendable, Codable {
    public var subject: String
    public var field: String
    public var stored: String
    public var recomputed: String

    /// The fields of a customer balance row (the other fields belong to a document's or receipt's row).
    public static let balanceFields: Set<String> = ["open_invoices", "open_invoice_count", "unapplied_credits",
                                                    "earliest_open_due", "balance-row"]

    /// The fields of an `open_due_month` row (open invoices of a customer and currency due in a month); its
    /// subject is `CODE CUR YYYY-MM`.
    public static let dueMonthFields: Set<String> = ["due_month_amount", "due_month_n", "due_month_due-month-row"]

    /// The prefix of the fields of a `customer_month` row (sales of a customer and currency in a month:
    /// `customer_month_n`, `_net`, `_tax`, `_total`, `_last_invoice`, `_row`); its subject is `CODE CUR YYYY-MM`.
    public static let customerMonthPrefix = "customer_month_"

    /// The prefixes of the fields of ledger-wide rows (s31-reads: `document_tally`, subject `KIND CUR`; `vat_month`,
    /// subject `YYYY-MM RATE CUR`): the subject names neither a document nor a customer.
    public static let ledgerWidePrefixes = ["document_tally_", "vat_month_"]

    public init(subject: String, field: String, stored: String, recomputed: String) {
        self.subject = subject
        self.field = field
        self.stored = stored
        self.recomputed = recomputed
    }
}

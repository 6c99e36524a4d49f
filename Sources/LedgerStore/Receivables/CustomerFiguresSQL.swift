import GRDB

/// The customer list's balance and overdue figures as SQL (issue 10). When nothing in the ledger is dated after
/// the as-of date (the usual "today"), they read the maintained `customer_balance` and the open rows of
/// `open_item` (partial index); otherwise they sum `OpenAsOf` over the customer's documents dated up to it.
/// Both give the same figures: balance = open invoices − unapplied credit; overdue = open invoices due before it.
enum CustomerFiguresSQL {
    /// True when no posted document, receipt or allocation is dated after `asOf` (index look-ups only), so the
    /// maintained amounts are the amounts as of `asOf`.
    static func maintainedAreCurrent(_ db: Database, asOf: String) throws -> Bool {
        let later = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM document WHERE date > ?1 AND status = 'posted')
                OR EXISTS (SELECT 1 FROM receipt WHERE date > ?1)
                OR EXISTS (SELECT 1 FROM allocation WHERE date > ?1)
            """, arguments: [asOf]) ?? true
        return !later
    }

    /// Balance of customer `c` from the maintained rows (every currency summed, as the as-of sum does).
    static let maintainedBalance = """
        COALESCE((SELECT SUM(b.open_invoices - b.unapplied_credits) FROM customer_balance b
                  WHERE b.customer_id = c.id), 0)
        """

    /// Overdue of customer `c` on `asOf` (an ISO date literal) from the open rows of `open_item`.
    static func maintainedOverdue(asOf literal: String) -> String {
        """
        COALESCE((SELECT SUM(o.open_amount) FROM open_item o
                  WHERE o.customer_id = c.id AND o.kind = 'invoice' AND o.open_amount <> 0
                  AND o.due_date < \(literal)), 0)
        """
    }
}

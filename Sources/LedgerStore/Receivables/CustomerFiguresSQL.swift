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
}

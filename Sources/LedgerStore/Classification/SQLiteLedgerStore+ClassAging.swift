import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// See `ClassificationQueries.classifiedAgingCells`: the invoices open as of `asOf` by the one rule
    /// (`OpenAsOf.withInvoicesOpen`), with the class filter's clause (or its negation) over `d` and `c`, summed per
    /// currency and bucket in SQL — nothing loaded per invoice.
    public func classifiedAgingCells(filter: ClassFilter, outside: Bool, asOf: CivilDate, buckets: AgingBuckets,
                                     basis: AgingBasis) throws -> [AgingCell] {
        try read { db in
            let clause = try ClassFilterSQL(db: db, basis: filter.basis).clause(filter, target: .document)
            let bucket = Self.agingBucket(thresholds: buckets.thresholds(asOf: asOf, basis: basis), basis: basis)
            // A NULL clause (no class value) is "not in the classes", as for the rows listed per class.
            let test = outside ? "NOT COALESCE((\(clause)), 0)" : "COALESCE((\(clause)), 0)"
            let sql = """
                \(OpenAsOf.withInvoicesOpen(asOf: ":asOf", side: try OpenAsOf.side(db, asOf: asOf.description)))
                SELECT d.currency, '' AS key, '' AS label, \(bucket) AS bucket, SUM(o.open) AS amount, COUNT(*) AS n,
                       SUM(CASE WHEN d.due_date < :asOf THEN o.open ELSE 0 END) AS overdue,
                       SUM(CASE WHEN d.disputed THEN o.open ELSE 0 END) AS disputed
                FROM open_as_of o JOIN document d ON d.id = o.id JOIN customer c ON c.id = d.customer_id
                WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND \(test)
                GROUP BY d.currency, bucket
                """
            return try Self.agingCells(db, sql: sql, arguments: ["asOf": asOf.description])
        }
    }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// See `ClassificationQueries.classAgingCells`: the invoices open as of `asOf` by the one rule
    /// (`OpenAsOf.withInvoicesOpen`, computed once), each given the first of `classes` whose filter clause (the
    /// class and its sub-classes) it matches, or "" for none, and summed per class, currency and bucket in ONE
    /// statement (issue 10: it was one statement per class, each computing the open set again). A product dimension
    /// can put a document in several classes (any line's product): one arm per class over the same open set.
    public func classAgingCells(dimension: String, classes: [String], asOf: CivilDate, buckets: AgingBuckets,
                                basis: AgingBasis) throws -> [AgingCell] {
        try read { db in
            let sql = try ClassFilterSQL(db: db, basis: ClassFilter().basis)
            func clause(_ codes: [String]) throws -> String {
                let filter = ClassFilter(conditions: [ClassCondition(dimension: dimension, codes: codes)])
                return "COALESCE((\(try sql.clause(filter, target: .document))), 0)"
            }
            let bucket = Self.agingBucket(thresholds: buckets.thresholds(asOf: asOf, basis: basis), basis: basis)
            func select(_ key: String, _ test: String) -> String {
                """
                SELECT d.currency, \(key) AS key, '' AS label, \(bucket) AS bucket, SUM(o.open) AS amount,
                       COUNT(*) AS n, SUM(CASE WHEN d.due_date < :asOf THEN o.open ELSE 0 END) AS overdue,
                       SUM(CASE WHEN d.disputed THEN o.open ELSE 0 END) AS disputed
                FROM open_as_of o JOIN document d ON d.id = o.id JOIN customer c ON c.id = d.customer_id
                WHERE o.open <> 0 AND d.kind = 'invoice' AND d.status = 'posted' AND d.date <= :asOf AND \(test)
                GROUP BY d.currency, key, bucket
                """
            }
            // A NULL clause (no class value) is "not in the classes", as before.
            let none = "NOT \(try clause(classes))"
            var arms: [String]
            if try sql.dimension(dimension).entity == .product {
                arms = try classes.map { select(ClassFilterSQL.literal($0), try clause([$0])) } + [select("''", none)]
            } else {
                let cases = try classes.map { "WHEN \(try clause([$0])) THEN \(ClassFilterSQL.literal($0))" }
                arms = [select(cases.isEmpty ? "''" : "CASE \(cases.joined(separator: " ")) ELSE '' END", "1")]
            }
            let with = OpenAsOf.withInvoicesOpen(asOf: ":asOf", side: try OpenAsOf.side(db, asOf: asOf.description))
            return try Self.agingCells(db, sql: with + "\n" + arms.joined(separator: "\nUNION ALL\n"),
                                       arguments: ["asOf": asOf.description])
        }
    }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// See `ClassificationQueries.classAgingCells`: the invoices open as of `asOf`, each given the first of
    /// `classes` whose class or sub-classes hold it, or "" for none, summed per class, currency and bucket.
    ///
    /// A customer dimension (issue 10) reads the aging per customer — the maintained path today, the settlement
    /// days for any other date (`agingCells(…grouping: .customer)`, the figures of `report aging --by customer`) —
    /// and moves each customer's cells to the class of its value at the level (a dictionary from every code of the
    /// classes' sub-trees): one pass whatever the number of classes. It was a CASE of one IN list per class on
    /// every open invoice (1M invoices: 0.7 s at region level 0, 1.7 s at level 1 with 31 provinces).
    /// A product dimension can put a document in several classes (any line's product): one arm per class over the
    /// open invoices; an invoice dimension one CASE per invoice, as before.
    public func classAgingCells(dimension: String, classes: [String], asOf: CivilDate, buckets: AgingBuckets,
                                basis: AgingBasis) throws -> [AgingCell] {
        try readSnapshot {
            let (entity, classOf) = try read { db in
                let sql = try ClassFilterSQL(db: db, basis: ClassFilter().basis)
                let entity = try sql.dimension(dimension).entity
                return (entity, entity == .customer ? try Self.customerClasses(db, sql, dimension, classes) : [:])
            }
            guard entity == .customer else {
                return try documentClassAgingCells(dimension: dimension, classes: classes, asOf: asOf,
                                                   buckets: buckets, basis: basis)
            }
            let perCustomer = try agingCells(asOf: asOf, thresholds: buckets.thresholds(asOf: asOf, basis: basis),
                                             basis: basis, grouping: .customer)
            struct Key: Hashable { let currency: Currency; let key: String; let bucket: Int }
            var index: [Key: Int] = [:]
            var cells: [AgingCell] = []
            func add(_ total: inout Int64, _ value: Int64) throws {
                let (sum, overflow) = total.addingReportingOverflow(value)
                guard !overflow else { throw LedgerError.storage("aging by class: an open total overflows") }
                total = sum
            }
            for cell in perCustomer {
                let key = Key(currency: cell.currency, key: classOf[Array(cell.key.utf8)] ?? "", bucket: cell.bucket)
                guard let at = index[key] else {
                    index[key] = cells.count
                    cells.append(AgingCell(currency: key.currency, key: key.key, label: "", bucket: key.bucket,
                                           amount: cell.amount, count: cell.count, overdue: cell.overdue,
                                           disputed: cell.disputed))
                    continue
                }
                try add(&cells[at].amount, cell.amount)
                try add(&cells[at].overdue, cell.overdue)
                try add(&cells[at].disputed, cell.disputed)
                cells[at].count += cell.count
            }
            return cells
        }
    }

    /// Each customer's class at the level (code → class, as UTF-8 bytes: SQLite compares text byte by byte, as the
    /// IN lists did); customers in none of `classes` are left out. The value is the customer's current one
    /// (`ClassFilterSQL.valueExpression`: its column, or its assignment row).
    private static func customerClasses(_ db: Database, _ sql: ClassFilterSQL, _ dimension: String,
                                        _ classes: [String]) throws -> [[UInt8]: String] {
        let classOf = try sql.classOf(classes, dimension: dimension)
        guard !classOf.isEmpty, let value = try sql.valueExpression(dimension, target: .customer) else { return [:] }
        var byCustomer: [[UInt8]: String] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT c.code, \(value) FROM customer c")
        while let row = try rows.next() {
            guard let value = row[1] as String?, let found = classOf[Array(value.utf8)] else { continue }
            byCustomer[Array((row[0] as String).utf8)] = found
        }
        return byCustomer
    }

    /// Product and invoice dimensions: the open invoices (`OpenAsOf.withInvoicesOpen`, computed once) summed per
    /// class in one statement, a class matching its filter clause (the class and its sub-classes).
    private func documentClassAgingCells(dimension: String, classes: [String], asOf: CivilDate,
                                         buckets: AgingBuckets, basis: AgingBasis) throws -> [AgingCell] {
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

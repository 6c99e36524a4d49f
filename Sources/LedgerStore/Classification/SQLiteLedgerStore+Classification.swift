import GRDB
import LedgerCore

/// Classification reads: dimensions, class trees, assignments, history, and the facts the rules classify by.
extension SQLiteLedgerStore {
    public func classDimensions() throws -> [ClassDimension] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT rowid AS id, * FROM class_dimension ORDER BY built_in DESC, code")
                .map(ClassRows.dimension)
        }
    }

    public func classNodes(dimension: String) throws -> [ClassNode] {
        let nodes = try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM class_node WHERE dimension = ? ORDER BY sort_order, code",
                             arguments: [dimension]).map(ClassRows.node)
        }
        // Tree order: depth first from the roots (classes whose parent is "" or missing).
        let codes = Set(nodes.map(\.code))
        var children: [String: [ClassNode]] = [:]
        for node in nodes { children[codes.contains(node.parentCode) ? node.parentCode : "", default: []].append(node) }
        var out: [ClassNode] = []
        var visited = Set<String>()
        func visit(_ parent: String) {
            for child in children[parent] ?? [] where visited.insert(child.code).inserted {
                out.append(child)
                visit(child.code)
            }
        }
        visit("")
        if out.count < nodes.count { out += nodes.filter { !visited.contains($0.code) } }
        return out
    }

    public func classHistory(entity: ClassEntity, entityID: Int64) throws -> [ClassHistoryEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM class_history WHERE entity = ? AND entity_id = ? ORDER BY id",
                             arguments: [entity.rawValue, entityID]).map(ClassRows.history)
        }
    }

    public func classAssignments(entity: ClassEntity, dimension: String) throws -> [ClassAssignment] {
        try read { db in
            guard let (table, column) = ClassColumns.column(entity: entity, dimension: dimension) else {
                return try Row.fetchAll(db, sql: """
                    SELECT rowid AS id, * FROM class_assignment WHERE entity = ? AND dimension = ? AND class_code <> ''
                    ORDER BY entity_id
                    """, arguments: [entity.rawValue, dimension]).map(ClassRows.assignment)
            }
            return try Row.fetchAll(db, sql: """
                SELECT t.id, t.\(column) AS value, ca.class_code, ca.source, ca.set_on
                FROM \(table) t LEFT JOIN class_assignment ca
                  ON ca.entity = ? AND ca.entity_id = t.id AND ca.dimension = ?
                WHERE t.\(column) <> '' ORDER BY t.id
                """, arguments: [entity.rawValue, dimension]).map { row in
                typealias C = ClassRows.Columns
                let value: String = row[C.value]
                let stored = (row[C.classCode] as String?) == value
                // A class set in the record's own column before any assignment row has no date: day 0 marks it.
                return ClassAssignment(entity: entity, entityID: row[C.id], dimension: dimension, classCode: value,
                                       source: try stored ? ClassRows.source(row,
                                                                             "class_assignment of \(table)") : .manual,
                                       setOn: try stored ? RowMapping.date(row, C.setOn, "class_assignment of \(table)")
                                           : CivilDate(daysSinceEpoch: 0))
            }
        }
    }

    public func classificationSetting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key]) }
    }

    // MARK: - Facts for the rules

    /// The columns of the fact queries below.
    enum FactColumns: String, ColumnExpression {
        case id, code, sku, revenue, invoices, lastDate = "last_date", total, paid, customerID = "customer_id", date
        case dueDate = "due_date"
    }

    static func dateClause(_ column: String, from: CivilDate?, to: CivilDate?) -> String {
        var parts: [String] = []
        if let from { parts.append("\(column) >= '\(from.description)'") }
        if let to { parts.append("\(column) <= '\(to.description)'") }
        return parts.isEmpty ? "1" : parts.joined(separator: " AND ")
    }

    public func customerSalesFacts(from: CivilDate?, to: CivilDate?) throws -> [CustomerSalesFact] {
        let dates = Self.dateClause("d.date", from: from, to: to)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.id, c.code, c.currency,
                  COALESCE(SUM(CASE d.kind WHEN 'invoice' THEN d.subtotal ELSE -d.subtotal END), 0) AS revenue,
                  COUNT(CASE WHEN d.kind = 'invoice' THEN 1 END) AS invoices,
                  MAX(CASE WHEN d.kind = 'invoice' THEN d.date END) AS last_date
                FROM customer c
                LEFT JOIN document d ON d.customer_id = c.id AND d.status = 'posted' AND \(dates)
                GROUP BY c.id ORDER BY c.code
                """).map { row in
                typealias C = FactColumns
                return CustomerSalesFact(customerID: row[C.id], customerCode: row[C.code],
                                         currency: try RowMapping.currency(row, "customer"), revenue: row[C.revenue],
                                         invoices: row[C.invoices],
                                         lastInvoiceDate: try RowMapping.optionalDate(row, C.lastDate, "document"))
            }
        }
    }

    public func productSalesFacts(from: CivilDate?, to: CivilDate?) throws -> [ProductSalesFact] {
        let dates = Self.dateClause("d.date", from: from, to: to)
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.id, p.sku, p.currency, COALESCE(x.revenue, 0) AS revenue
                FROM product p LEFT JOIN (
                  SELECT l.product_id, \
                SUM(CASE d.kind WHEN 'invoice' THEN l.net_amount ELSE -l.net_amount END) AS revenue
                  FROM document_line l JOIN document d ON d.id = l.document_id
                  WHERE d.status = 'posted' AND l.product_id IS NOT NULL AND \(dates)
                  GROUP BY l.product_id
                ) x ON x.product_id = p.id
                ORDER BY p.sku
                """).map { row in
                ProductSalesFact(productID: row[FactColumns.id], sku: row[FactColumns.sku],
                                 currency: try RowMapping.currency(row, "product"), revenue: row[FactColumns.revenue])
            }
        }
    }

    public func paymentFacts(from: CivilDate, to: CivilDate, asOf: CivilDate) throws -> [PaymentFact] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.id, d.customer_id, c.code, d.date, d.due_date, d.total,
                  \(OpenAsOf.allocatedToInvoice("d.id", asOf: ":asOf")) AS paid,
                  (SELECT MAX(a.date) FROM allocation a WHERE a.invoice_id = d.id AND a.date <= :asOf) AS last_date
                FROM document d JOIN customer c ON c.id = d.customer_id
                WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date >= :from AND d.date <= :to
                  AND d.due_date <= :asOf
                ORDER BY c.code, d.date, d.id
                """, arguments: ["asOf": asOf.description, "from": from.description, "to": to.description]).map { row in
                typealias C = FactColumns
                let total: Int64 = row[C.total]
                let paid: Int64 = row[C.paid]
                let settled = paid >= total && total > 0
                return PaymentFact(invoiceID: row[C.id], customerID: row[C.customerID], customerCode: row[C.code],
                                   date: try RowMapping.date(row, C.date, "document"),
                                   dueDate: try RowMapping.date(row, C.dueDate, "document"), total: total, paid: paid,
                                   settledOn: try settled ? RowMapping.optionalDate(row, C.lastDate,
                                                                                    "allocation") : nil)
            }
        }
    }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore {
    /// Sales by dimension. Document-level dimensions sum document totals (credit notes negative);
    /// product and category sum line amounts (a credit note's line counts under the product it reverses; free-text
    /// lines are keyed `*description`).
    /// Month, quarter, year, region and channel read the maintained `sales_month` for the whole months of the range
    /// and the documents only for its partial months (`salesReportFromMonths`); customer reads `customer_month` so
    /// (`salesByCustomerFromMonths`); the others read the documents. `top` (ranked dimensions): the `top` largest
    /// rows per currency, picked in SQL (`SalesTop.sql`) so a chart of ten customers does not read ten thousand.
    public func salesReport(by dimension: SalesDimension, from: CivilDate?, to: CivilDate?,
                            top: Int?) throws -> [SalesReportRow] {
        let top = dimension.isTime ? nil : top
        if let rows = try salesReportFromMonths(by: dimension, from: from, to: to) {
            return top.map { SalesTop.first($0, of: rows) { $0.currency.code } } ?? rows
        }
        if dimension == .customer, let rows = try salesByCustomerFromMonths(from: from, to: to, top: top) {
            return rows
        }
        return try salesReportFromDocuments(by: dimension, from: from, to: to, top: top)
    }

    /// `salesReport` read from every document in the range (the reference the monthly form is tested against).
    public func salesReportFromDocuments(by dimension: SalesDimension, from: CivilDate?,
                                         to: CivilDate?, top: Int? = nil) throws -> [SalesReportRow] {
        var filters = ["d.status = 'posted'"]
        var args: StatementArguments = []
        if let from { filters.append("d.date >= ?"); args += [from.description] }
        if let to { filters.append("d.date <= ?"); args += [to.description] }
        let sign = "(CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END)"
        let keyLabel: (String, String)
        var joins = "JOIN customer c ON c.id = d.customer_id LEFT JOIN salesperson s ON s.id = d.salesperson_id"
        var amounts = "SUM(\(sign) * d.subtotal) AS net, SUM(\(sign) * d.tax_total) AS tax, SUM(\(sign) * d.total) AS "
                      + "total"
        switch dimension {
        case .month: keyLabel = ("substr(d.date, 1, 7)", "substr(d.date, 1, 7)")
        case .quarter:
            let q = "substr(d.date, 1, 4) || '-Q' || ((CAST(substr(d.date, 6, 2) AS INTEGER) + 2) / 3)"
            keyLabel = (q, q)
        case .year: keyLabel = ("substr(d.date, 1, 4)", "substr(d.date, 1, 4)")
        case .customer: keyLabel = ("c.code", "c.name")
        case .region: keyLabel = ("d.region", "d.region")
        case .channel: keyLabel = ("d.channel", "d.channel")
        case .salesperson: keyLabel = ("COALESCE(s.code, '')", "COALESCE(s.name, '')")
        case .product, .category:
            joins += " JOIN document_line l ON l.document_id = d.id LEFT JOIN product p ON p.id = l.product_id"
            amounts = "SUM(\(sign) * l.net_amount) AS net, SUM(\(sign) * l.tax_amount) AS tax, SUM(\(sign) * "
                      + "(l.net_amount + l.tax_amount)) AS total"
            keyLabel = dimension == .product
                ? ("COALESCE(p.sku, '*' || l.description)", "COALESCE(p.name, l.description)")
                : ("COALESCE(p.category, '')", "COALESCE(p.category, '')")
        }
        let sql = """
            SELECT \(keyLabel.0) AS key, MAX(\(keyLabel.1)) AS label, d.currency, COUNT(DISTINCT d.id) AS documents,
              \(amounts)
            FROM document d \(joins)
            WHERE \(filters.joined(separator: " AND "))
            GROUP BY key, d.currency
            ORDER BY \(dimension.isTime ? "key" : "total DESC, key"), d.currency
            """
        return try read { db in
            try Row.fetchAll(db, sql: top.map { SalesTop.sql(sql, top: $0) } ?? sql, arguments: args).map { row in
                typealias C = QueryColumns
                return SalesReportRow(key: row[C.key] ?? "", label: row[C.label] ?? "",
                                      currency: try RowMapping.currency(row, "document"), documents: row[C.documents],
                                      net: row[C.net], tax: row[C.tax], total: row[C.total])
            }
        }
    }

    /// Verifies the audit chain and the books it covers (see `auditVerification()`). Returns nil when intact,
    /// else the first problem.
    public func verifyAuditChain() throws -> String? {
        try auditVerification().problems.first
    }

    /// See `AuditQueries.auditChainCheck`: the anchored head read now, the chain verified when the closure runs.
    public func auditChainCheck() -> () throws -> String? {
        let anchor = path.flatMap { AuditHeadFile.read(ledger: $0) }
        return { try self.auditVerification(anchor: anchor).problems.first }
    }

    /// Recomputes every audit entry and every covered record (documents with lines, receipts, allocations,
    /// users) and compares the chain with the head anchored in `<ledger>.audit-head` (or `anchor` when given).
    public func auditVerification(anchor: AuditHead? = nil) throws -> AuditVerification {
        let anchored = anchor ?? path.flatMap { AuditHeadFile.read(ledger: $0) }
        let key = auditKey
        return try read { db in try AuditVerifier.verify(db, key: key, anchor: anchored) }
    }

    /// The chain head now (entries, last hash).
    public func auditHead() throws -> AuditHead {
        try read { db in try AuditVerifier.head(db) }
    }

    /// The first problem of the audit chain and covered records of `db`, or nil (also used on backups).
    static func auditChainProblem(_ db: Database) throws -> String? {
        try AuditVerifier.verify(db, key: nil, anchor: nil, limit: 1, skipKeyedWithoutKey: true).problems.first
    }

    /// Number of audit entries.
    public func auditCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
    }
}

extension SalesDimension {
    var isTime: Bool { self == .month || self == .quarter || self == .year }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore: AuditQueries {
    public func auditLog(filter: AuditLogFilter) throws -> [AuditLogEntry] {
        var clauses: [String] = []
        var args: StatementArguments = []
        if let from = filter.from {
            clauses.append("substr(timestamp_utc, 1, 10) >= ?")
            args += [from.description]
        }
        if let to = filter.to {
            clauses.append("substr(timestamp_utc, 1, 10) <= ?")
            args += [to.description]
        }
        if let actor = filter.actor {
            clauses.append("actor = ?")
            args += [actor]
        }
        if let command = filter.command {
            clauses.append("(command = ? OR substr(command, 1, ?) = ?)")
            args += [command, command.count + 1, command + "."]
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(whereSQL) ORDER BY seq", arguments: args).map { row in
                AuditLogEntry(
                    seq: row["seq"], timestampUTC: row["timestamp_utc"], actor: row["actor"],
                    command: row["command"], payload: row["payload"], changes: row["changes"],
                    outcome: row["outcome"],
                    hash: AuditChain.text(stored: row["hash"], format: row["entry_format"]))
            }
        }
    }

    public func auditDocuments() throws -> [AuditDocument] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.*, c.code AS customer_code,
                           (SELECT COUNT(*) FROM document_line l WHERE l.document_id = d.id) AS line_count,
                           (SELECT COALESCE(SUM(l.net_amount), 0) FROM document_line l WHERE l.document_id = d.id) AS line_net,
                           (SELECT COALESCE(SUM(l.tax_amount), 0) FROM document_line l WHERE l.document_id = d.id) AS line_tax
                    FROM document d JOIN customer c ON c.id = d.customer_id ORDER BY d.id
                    """
            ).map { row in
                AuditDocument(
                    id: row["id"], kind: DocumentKind(rawValue: row["kind"]) ?? .invoice,
                    status: DocumentStatus(rawValue: row["status"]) ?? .posted, series: row["series"],
                    numberYear: row["number_year"], number: row["number"],
                    displayNumber: (row["display_number"] as String?) ?? "", date: try RowMapping.date(row, "date", "document"),
                    customerID: row["customer_id"], customerCode: row["customer_code"],
                    currency: try RowMapping.currency(row, "document"), subtotal: row["subtotal"],
                    taxTotal: row["tax_total"], total: row["total"], lineCount: row["line_count"],
                    lineNetSum: row["line_net"], lineTaxSum: row["line_tax"], appliesToID: row["applies_to_id"],
                    isDisputed: row["disputed"], externalReference: row["external_ref"], note: row["note"],
                    voidReason: row["void_reason"])
            }
        }
    }

    public func numberCounters() throws -> [NumberCounter] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT series, year, last_number FROM number_series ORDER BY series, year").map {
                NumberCounter(series: $0["series"], year: $0["year"], last: $0["last_number"])
            }
        }
    }
}

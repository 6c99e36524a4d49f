import Foundation
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
            // Bulk entries hold many commands: they are read and their lines filtered below.
            clauses.append("(command = ? OR substr(command, 1, ?) = ? OR command = ?)")
            args += [command, command.count + 1, command + ".", AuditChunk.command]
        }
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        func matches(_ name: String) -> Bool {
            guard let command = filter.command else { return true }
            return name == command || name.hasPrefix(command + ".")
        }
        return try read { db in
            var entries: [AuditLogEntry] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log \(whereSQL) ORDER BY seq", arguments: args)
            while let row = try rows.next() {
                let format: Int = (row["entry_format"] as Int?) ?? AuditEntryFormat.text
                let hash = AuditChain.text(stored: row["hash"], format: format)
                if AuditEntryFormat.isBulk(format) {
                    entries += Self.bulkLines(row, hash: hash).filter { matches($0.command) }
                } else if matches(row["command"]) {
                    entries.append(AuditLogEntry(
                        seq: row["seq"], timestampUTC: row["timestamp_utc"], actor: row["actor"],
                        command: row["command"], payload: row["payload"], changes: row["changes"],
                        outcome: row["outcome"], hash: hash))
                }
            }
            return entries
        }
    }

    public func auditLogTail(limit: Int) throws -> [AuditLogEntry] {
        try read { db in
            var tail: [AuditLogEntry] = []   // newest first
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq DESC")
            while tail.count < limit, let row = try rows.next() {
                let format: Int = (row["entry_format"] as Int?) ?? AuditEntryFormat.text
                let hash = AuditChain.text(stored: row["hash"], format: format)
                if AuditEntryFormat.isBulk(format) {
                    tail += Self.bulkLines(row, hash: hash).reversed()
                } else {
                    tail.append(AuditLogEntry(
                        seq: row["seq"], timestampUTC: row["timestamp_utc"], actor: row["actor"],
                        command: row["command"], payload: row["payload"], changes: row["changes"],
                        outcome: row["outcome"], hash: hash))
                }
            }
            return Array(tail.prefix(limit).reversed())
        }
    }

    /// The commands of a bulk entry (issue 10) as entries of their own: same number, time, actor and hash, each
    /// with its command's payload, changes and outcome. An unreadable payload is shown as the entry itself
    /// (`audit verify` reports it).
    static func bulkLines(_ row: Row, hash: String) -> [AuditLogEntry] {
        let blob: [UInt8] = (row["payload"] as Data?).map { Array($0) } ?? []
        guard let lines = AuditChunk.lines(blob) else {
            return [AuditLogEntry(seq: row["seq"], timestampUTC: row["timestamp_utc"], actor: row["actor"],
                                  command: row["command"], payload: "", changes: "",
                                  outcome: (row["outcome"] as String? ?? "") + " (payload unreadable)", hash: hash)]
        }
        return lines.map {
            AuditLogEntry(seq: row["seq"], timestampUTC: row["timestamp_utc"], actor: row["actor"], command: $0.command,
                          payload: $0.payload, changes: $0.changes, outcome: $0.outcome, hash: hash)
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

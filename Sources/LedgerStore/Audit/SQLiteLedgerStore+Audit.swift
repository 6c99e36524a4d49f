import Foundation
import GRDB
import LedgerCore

extension SQLiteLedgerStore: AuditQueries {
    public func forEachAuditLogEntry(filter: AuditLogFilter, _ body: (AuditLogEntry) throws -> Void) throws {
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
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log \(whereSQL) ORDER BY seq", arguments: args)
            typealias C = AuditLogEntry.Columns
            while let row = try rows.next() {
                let format: Int = (row[C.entryFormat] as Int?) ?? AuditEntryFormat.text
                let hash = AuditChain.text(stored: row[C.hash], format: format)
                if AuditEntryFormat.isBulk(format) {
                    for line in Self.bulkLines(row, hash: hash, mentions: filter.mentions) where matches(line.command) {
                        try body(line)
                    }
                } else if matches(row[C.command]) {
                    try body(AuditLogEntry(
                        seq: row[C.seq], timestampUTC: row[C.timestampUTC], actor: row[C.actor],
                        command: row[C.command], payload: row[C.payload], changes: row[C.changes],
                        outcome: row[C.outcome], hash: hash))
                }
            }
        }
    }

    public func auditLogTail(limit: Int) throws -> [AuditLogEntry] {
        try read { db in
            var tail: [AuditLogEntry] = []   // newest first
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq DESC")
            while tail.count < limit, let row = try rows.next() {
                let format: Int = (row[AuditLogEntry.Columns.entryFormat] as Int?) ?? AuditEntryFormat.text
                let hash = AuditChain.text(stored: row[AuditLogEntry.Columns.hash], format: format)
                if AuditEntryFormat.isBulk(format) {
                    tail += Self.bulkLines(row, hash: hash).reversed()
                } else {
                    tail.append(AuditLogEntry(
                        seq: row[AuditLogEntry.Columns.seq], timestampUTC: row[AuditLogEntry.Columns.timestampUTC],
                        actor: row[AuditLogEntry.Columns.actor], command: row[AuditLogEntry.Columns.command],
                        payload: row[AuditLogEntry.Columns.payload], changes: row[AuditLogEntry.Columns.changes],
                        outcome: row[AuditLogEntry.Columns.outcome], hash: hash))
                }
            }
            return Array(tail.prefix(limit).reversed())
        }
    }

    /// The commands of a bulk entry (issue 10) as entries of their own: same number, time, actor and hash, each
    /// with its command's payload, changes and outcome. An unreadable payload is shown as the entry itself
    /// (`audit verify` reports it).
    static func bulkLines(_ row: Row, hash: String, mentions: AuditLogFilter.Mention? = nil) -> [AuditLogEntry] {
        typealias C = AuditLogEntry.Columns
        let blob: [UInt8] = (row[C.payload] as Data?).map { Array($0) } ?? []
        guard let lines = AuditChunk.lines(blob, mentions: mentions) else {
            return [AuditLogEntry(seq: row[C.seq], timestampUTC: row[C.timestampUTC], actor: row[C.actor],
                                  command: row[C.command], payload: "", changes: "",
                                  outcome: (row[C.outcome] as String? ?? "") + " (payload unreadable)", hash: hash)]
        }
        return lines.map {
            AuditLogEntry(seq: row[C.seq], timestampUTC: row[C.timestampUTC], actor: row[C.actor], command: $0.command,
                          payload: $0.payload, changes: $0.changes, outcome: $0.outcome, hash: hash)
        }
    }

    public func auditDocuments() throws -> [AuditDocument] {
        try read { db in
            try Row.fetchAll(db, sql: "\(Self.auditDocumentSelect) ORDER BY d.id").map(Self.auditDocument)
        }
    }

    /// An `AuditDocument` from a row of `auditDocumentSelect`.
    static func auditDocument(_ row: Row) throws -> AuditDocument {
        typealias C = Invoice.Columns
        typealias A = AuditDocument.Columns
        return AuditDocument(
            id: row[C.id], kind: try RowMapping.code(row, C.kind, "document"),
            status: try RowMapping.code(row, C.status, "document"), series: row[C.series],
            numberYear: row[C.numberYear], number: row[C.number],
            displayNumber: (row[C.displayNumber] as String?) ?? "",
            date: try RowMapping.date(row, C.date, "document"), customerID: row[C.customerID],
            customerCode: row[A.customerCode], currency: try RowMapping.currency(row, "document"),
            subtotal: row[C.subtotal], taxTotal: row[C.taxTotal], total: row[C.total],
            lineCount: row[A.lineCount], lineNetSum: row[A.lineNet], lineTaxSum: row[A.lineTax],
            appliesToID: row[C.appliesToID], isDisputed: row[C.disputed], externalReference: row[C.externalRef],
            note: row[C.note], voidReason: row[C.voidReason])
    }

    public func numberCounters() throws -> [NumberCounter] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT series, year, last_number FROM number_series ORDER BY series, year").map {
                NumberCounter(series: $0[QueryColumns.series], year: $0[QueryColumns.year],
                              last: $0[QueryColumns.lastNumber])
            }
        }
    }
}

extension AuditDocument {
    /// The columns `auditDocuments` adds to `document`'s (`Invoice.Columns`).
    enum Columns: String, ColumnExpression {
        case customerCode = "customer_code", lineCount = "line_count", lineNet = "line_net", lineTax = "line_tax"
    }
}

import Foundation
import GRDB
import LedgerCore

/// The process metrics' reads (issue 10): each metric's rows for its period only, and the audit log through a
/// cursor, one stored entry at a time.
extension SQLiteLedgerStore: ProcessQueries {
    public func forEachProcessInvoice(from: CivilDate, to: CivilDate, _ body: (ProcessInvoice) throws -> Void)
        throws
    {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT d.id, d.date,
                       (SELECT MIN(r.date) FROM allocation a JOIN receipt r ON r.id = a.source_id
                        WHERE a.invoice_id = d.id AND a.source = 'receipt' AND a.amount > 0
                          AND a.reverses_id IS NULL) AS first_receipt
                FROM document d
                WHERE d.kind = 'invoice' AND d.status = 'posted' AND d.date BETWEEN ? AND ?
                ORDER BY d.id
                """, arguments: [from.description, to.description])
            typealias C = ProcessColumns
            while let row = try rows.next() {
                try body(ProcessInvoice(id: row[C.id], date: try RowMapping.date(row, C.date, "document"),
                                        firstReceipt: try RowMapping.optionalDate(row, C.firstReceipt, "receipt")))
            }
        }
    }

    public func forEachProcessAllocation(from: CivilDate, to: CivilDate,
                                         _ body: (ProcessAllocation) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT a.id, a.date, r.id AS receipt_id, r.date AS receipt_date
                FROM receipt r JOIN allocation a ON a.source = 'receipt' AND a.source_id = r.id
                WHERE r.date BETWEEN ? AND ? AND a.amount > 0 AND a.reverses_id IS NULL
                ORDER BY a.id
                """, arguments: [from.description, to.description])
            typealias C = ProcessColumns
            while let row = try rows.next() {
                try body(ProcessAllocation(
                    id: row[C.id], date: try RowMapping.date(row, C.date, "allocation"), receiptID: row[C.receiptID],
                    receiptDate: try RowMapping.date(row, C.receiptDate, "receipt")))
            }
        }
    }

    public func forEachProcessContact(from: CivilDate, to: CivilDate, _ body: (ProcessContact) throws -> Void)
        throws
    {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.date, c.who, c.promised_date, c.promised_amount,
                       CASE WHEN c.promised_date IS NULL THEN 0 ELSE
                         (SELECT COALESCE(SUM(r.amount), 0) FROM receipt r
                          WHERE r.customer_id = c.customer_id AND r.date >= c.date AND r.date <= c.promised_date)
                       END AS paid_by_promise,
                       EXISTS (SELECT 1 FROM receipt r
                               WHERE r.customer_id = c.customer_id AND r.date > c.date
                                 AND r.date <= date(c.date, '+14 days')) AS paid_14
                FROM contact_log c
                WHERE c.date BETWEEN ? AND ? OR c.promised_date BETWEEN ? AND ?
                ORDER BY c.date, c.id
                """, arguments: [from.description, to.description, from.description, to.description])
            typealias C = ProcessColumns
            while let row = try rows.next() {
                try body(ProcessContact(
                    date: try RowMapping.date(row, C.date, "contact_log"), who: row[C.who],
                    promisedDate: try RowMapping.optionalDate(row, C.promisedDate, "contact_log"),
                    promisedAmount: row[C.promisedAmount], paidByPromise: row[C.paidByPromise],
                    paidWithin14Days: row[C.paid14]))
            }
        }
    }

    public func forEachProcessDocument(from: CivilDate, to: CivilDate, _ body: (ProcessDocument) throws -> Void)
        throws
    {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, kind, status FROM document
                WHERE status <> 'draft' AND date BETWEEN ? AND ? ORDER BY id
                """, arguments: [from.description, to.description])
            typealias C = ProcessColumns
            while let row = try rows.next() {
                try body(ProcessDocument(id: row[C.id], kind: try RowMapping.code(row, C.kind, "document"),
                                         status: try RowMapping.code(row, C.status, "document")))
            }
        }
    }

    public func forEachAuditEntry(since: CivilDate?, _ body: ([AuditLogEntry]) throws -> Void) throws {
        let args: StatementArguments = since.map { StatementArguments([$0.description]) } ?? StatementArguments()
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, timestamp_utc, actor, command, payload, changes, outcome, hash, entry_format
                FROM audit_log \(since == nil ? "" : "WHERE substr(timestamp_utc, 1, 10) >= ?") ORDER BY seq
                """, arguments: args)
            typealias C = AuditLogEntry.Columns
            while let row = try rows.next() {
                let format: Int = (row[C.entryFormat] as Int?) ?? AuditEntryFormat.text
                let hash = AuditChain.text(stored: row[C.hash], format: format)
                if AuditEntryFormat.isBulk(format) {
                    try body(Self.bulkLines(row, hash: hash))
                } else {
                    try body([AuditLogEntry(
                        seq: row[C.seq], timestampUTC: row[C.timestampUTC], actor: row[C.actor],
                        command: row[C.command], payload: row[C.payload], changes: row[C.changes],
                        outcome: row[C.outcome], hash: hash)])
                }
            }
        }
    }

    public func documentStatus(id: Int64) throws -> DocumentStatus? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status FROM document WHERE id = ?", arguments: [id])
            else { return nil }
            return try RowMapping.code(row, ProcessColumns.status, "document")
        }
    }
}

/// Columns of the process queries' rows.
enum ProcessColumns: String, ColumnExpression {
    case id, date, kind, status, who
    case firstReceipt = "first_receipt", receiptID = "receipt_id", receiptDate = "receipt_date"
    case promisedDate = "promised_date", promisedAmount = "promised_amount", paidByPromise = "paid_by_promise"
    case paid14 = "paid_14"
}

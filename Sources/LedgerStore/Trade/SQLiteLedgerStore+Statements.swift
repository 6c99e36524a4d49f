import GRDB
import LedgerCore

extension SQLiteTransaction {
    func insert(_ s: StatementConfirmation) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO statement_confirmation (number, customer_id, as_of, balance, currency, issued)
            VALUES (?,?,?,?,?,?)
            """, arguments: [s.number, s.customerID, s.asOf.description, s.balance.minorUnits, s.balance.currency.code,
                             s.issued.description])
        return db.lastInsertedRowID
    }

    func statementConfirmation(number: String) throws -> StatementConfirmation? {
        try Row.fetchOne(db, sql: """
            SELECT s.*, c.code FROM statement_confirmation s JOIN customer c ON c.id = s.customer_id WHERE s.number = ?
            """, arguments: [number]).map(StatementRows.statement)
    }

    func saveReply(_ s: StatementConfirmation) throws {
        try db.execute(sql: """
            UPDATE statement_confirmation SET reply = ?, difference = ?, note = ?, reply_date = ? WHERE id = ?
            """, arguments: [s.reply.rawValue, s.difference, s.note, s.replyDate?.description, s.id])
    }
}

extension SQLiteLedgerStore {
    public func statementConfirmations(unconfirmedOnly: Bool) throws -> [StatementConfirmation] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.*, c.code FROM statement_confirmation s JOIN customer c ON c.id = s.customer_id
                \(unconfirmedOnly ? "WHERE s.reply = 'pending'" : "") ORDER BY s.issued DESC, s.id DESC
                """).map(StatementRows.statement)
        }
    }
}

enum StatementRows {
    static func statement(_ row: Row) throws -> StatementConfirmation {
        typealias C = StatementConfirmation.Columns
        let table = "statement_confirmation"
        var s = StatementConfirmation(id: row[C.id], number: row[C.number], customerID: row[C.customerID],
                                      customerCode: row[C.code], asOf: try RowMapping.date(row, C.asOf, table),
                                      balance: Money(minorUnits: row[C.balance],
                                                     currency: try RowMapping.currency(row, table)),
                                      issued: try RowMapping.date(row, C.issued, table))
        s.reply = try RowMapping.code(row, C.reply, table)
        s.difference = row[C.difference]
        s.note = row[C.note]
        s.replyDate = try RowMapping.optionalDate(row, C.replyDate, table)
        return s
    }
}

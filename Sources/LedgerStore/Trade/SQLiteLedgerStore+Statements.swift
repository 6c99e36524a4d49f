import GRDB
import LedgerCore

extension SQLiteTransaction {
    func insert(_ s: StatementConfirmation) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO statement_confirmation (number, customer_id, as_of, balance, currency, issued) VALUES (?,?,?,?,?,?)
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
        try db.execute(sql: "UPDATE statement_confirmation SET reply = ?, difference = ?, note = ?, reply_date = ? WHERE id = ?",
                       arguments: [s.reply.rawValue, s.difference, s.note, s.replyDate?.description, s.id])
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
        var s = StatementConfirmation(id: row["id"], number: row["number"], customerID: row["customer_id"], customerCode: row["code"],
                                      asOf: try RowMapping.date(row, "as_of", "statement_confirmation"),
                                      balance: Money(minorUnits: row["balance"], currency: try RowMapping.currency(row, "statement_confirmation", column: "currency")),
                                      issued: try RowMapping.date(row, "issued", "statement_confirmation"))
        s.reply = StatementConfirmation.Reply(rawValue: row["reply"]) ?? .pending
        s.difference = row["difference"]
        s.note = row["note"]
        s.replyDate = (row["reply_date"] as String?).flatMap(CivilDate.init(iso:))
        return s
    }
}

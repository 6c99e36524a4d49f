import GRDB
import LedgerCore

extension SQLiteLedgerStore: JournalQueries {
    /// Three cursors (documents, receipts, write-offs, each in date-then-id order through its date index) merged by
    /// date inside one read, so memory holds one row of each whatever the ledger's size.
    public func forEachJournalItem(from: CivilDate?, to: CivilDate?, progress: ((Int, Int) -> Void)?,
                                   _ body: (JournalItem) throws -> Void) throws {
        func range(_ column: String) -> (String, StatementArguments) {
            var clause = "1", args: StatementArguments = []
            if let from { clause += " AND \(column) >= ?"; args += [from.description] }
            if let to { clause += " AND \(column) <= ?"; args += [to.description] }
            return (clause, args)
        }
        let (documentRange, documentArgs) = range("d.date")
        let (receiptRange, receiptArgs) = range("r.date")
        let (writeOffRange, writeOffArgs) = range("a.date")
        let documentSQL = """
            FROM document d JOIN customer c ON c.id = d.customer_id WHERE d.status = 'posted' AND \(documentRange)
            """
        let receiptSQL = "FROM receipt r JOIN customer c ON c.id = r.customer_id WHERE \(receiptRange)"
        let writeOffSQL = """
            FROM allocation a JOIN document d ON d.id = a.invoice_id AND d.status = 'posted'
            JOIN customer c ON c.id = d.customer_id WHERE a.source = 'write_off' AND \(writeOffRange)
            """
        try read { db in
            var total = 0
            if progress != nil {
                let parts = [(documentSQL, documentArgs), (receiptSQL, receiptArgs), (writeOffSQL, writeOffArgs)]
                for (sql, args) in parts {
                    total += try Int.fetchOne(db, sql: "SELECT COUNT(*) " + sql, arguments: args) ?? 0
                }
            }
            let documents = try Row.fetchCursor(db, sql: """
                SELECT d.display_number, d.kind, d.date, d.currency, d.subtotal, d.tax_total, d.total, c.code, c.name
                \(documentSQL) ORDER BY d.date, d.id
                """, arguments: documentArgs).map { row -> (CivilDate, JournalItem) in
                let d = DocumentTotals(number: row[QueryColumns.displayNumber],
                                       kind: try RowMapping.code(row, QueryColumns.kind, "document"),
                                       date: try RowMapping.date(row, QueryColumns.date, "document"),
                                       customerCode: row[QueryColumns.code], customerName: row[QueryColumns.name],
                                       currency: try RowMapping.currency(row, "document"),
                                       net: row[QueryColumns.subtotal], tax: row[QueryColumns.taxTotal],
                                       total: row[QueryColumns.total])
                return (d.date, .document(d))
            }
            let receipts = try Row.fetchCursor(db, sql: """
                SELECT r.*, c.code AS customer_code, c.name AS customer_name \(receiptSQL) ORDER BY r.date, r.id
                """, arguments: receiptArgs).map { row -> (CivilDate, JournalItem) in
                let r = try RowMapping.receipt(row)
                return (r.date, .payment(JournalPayment(date: r.date, number: r.displayNumber,
                                                        customerCode: row[QueryColumns.customerCode],
                                                        customerName: row[QueryColumns.customerName],
                                                        method: r.method.rawValue,
                                                        amount: r.amount)))
            }
            let writeOffs = try Row.fetchCursor(db, sql: """
                SELECT a.date, a.amount, a.currency, d.display_number, c.code, c.name \(writeOffSQL)
                ORDER BY a.date, a.id
                """, arguments: writeOffArgs).map { row -> (CivilDate, JournalItem) in
                let date = try RowMapping.date(row, QueryColumns.date, "allocation")
                let amount = Money(minorUnits: row[QueryColumns.amount],
                                   currency: try RowMapping.currency(row, "allocation"))
                return (date, .payment(JournalPayment(date: date, number: row[QueryColumns.displayNumber],
                                                      customerCode: row[QueryColumns.code],
                                                      customerName: row[QueryColumns.name],
                                                      method: nil, amount: amount)))
            }
            // Merge by date; on a tie the earlier cursor (documents, receipts, write-offs) goes first.
            let cursors: [AnyCursor<(CivilDate, JournalItem)>] = [AnyCursor(documents), AnyCursor(receipts),
                                                                  AnyCursor(writeOffs)]
            var heads = try cursors.indices.map { try cursors[$0].next() }
            var done = 0
            while true {
                var pick: Int?
                for i in heads.indices {
                    guard let head = heads[i] else { continue }
                    if let p = pick, let best = heads[p], best.0 <= head.0 { continue }
                    pick = i
                }
                guard let i = pick, let head = heads[i] else { break }
                try body(head.1)
                done += 1
                if done % 1_000 == 0 { progress?(done, total) }
                heads[i] = try cursors[i].next()
            }
            progress?(done, max(done, total))
        }
    }
}

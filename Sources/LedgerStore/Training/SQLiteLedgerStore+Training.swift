import GRDB
import LedgerCore

extension SQLiteTransaction: TrainingTransaction {
    func insert(_ r: TrainingResult) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO training_log (user, kind, lesson, date, passed, score, attempts, seconds, language)
                VALUES (?,?,?,?,?,?,?,?,?)
                """,
            arguments: [
                r.user, r.kind.rawValue, r.lesson, r.date.description, r.passed, r.score, r.attempts,
                r.seconds, r.language,
            ])
        return db.lastInsertedRowID
    }
}

extension SQLiteLedgerStore: TrainingQueries {
    public func trainingBaseline() throws -> TrainingBaseline {
        try read { db in
            func max(_ sql: String) throws -> Int64 { try Int64.fetchOne(db, sql: sql) ?? 0 }
            return TrainingBaseline(
                documentID: try max("SELECT MAX(id) FROM document"),
                receiptID: try max("SELECT MAX(id) FROM receipt"),
                contactID: try max("SELECT MAX(id) FROM contact_log"),
                confirmationID: try max("SELECT MAX(id) FROM statement_confirmation"),
                auditSeq: try max("SELECT MAX(seq) FROM audit_log"))
        }
    }

    public func trainingFacts(since b: TrainingBaseline, today: CivilDate) throws -> TrainingFacts {
        try readSnapshot {
            var facts = try read { db in try TrainingRows.facts(db, since: b) }
            let overdue = try openItems(asOf: today).filter { $0.dueDate < today }
            facts.overdueCustomers = Set(overdue.map(\.customerCode))
            return facts
        }
    }

    public func trainingLog(user: String?) throws -> [TrainingResult] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM training_log WHERE (? IS NULL OR user = ?) ORDER BY date DESC, id DESC
                    """, arguments: [user, user]
            ).map { row in
                typealias C = TrainingResult.Columns
                return TrainingResult(
                    id: row[C.id], user: row[C.user], kind: try RowMapping.code(row, C.kind, "training_log"),
                    lesson: row[C.lesson], date: try RowMapping.date(row, C.date, "training_log"),
                    passed: row[C.passed], score: row[C.score], attempts: row[C.attempts], seconds: row[C.seconds],
                    language: row[C.language])
            }
        }
    }
}

extension TrainingResult {
    /// `training_log`.
    enum Columns: String, ColumnExpression {
        case id, user, kind, lesson, date, passed, score, attempts, seconds, language
    }
}

/// The reads behind `trainingFacts`.
enum TrainingRows {
    /// The columns of the training-fact queries.
    enum Columns: String, ColumnExpression {
        case id, displayNumber = "display_number", kind, total, code, applies, sku, number, amount
        case promisedDate = "promised_date", asOf = "as_of", command, payload
    }

    static func facts(_ db: Database, since b: TrainingBaseline) throws -> TrainingFacts {
        var facts = TrainingFacts()
        let documents = try Row.fetchAll(
            db,
            sql: """
                SELECT d.id, d.display_number, d.kind, d.total, c.code, a.display_number AS applies
                FROM document d JOIN customer c ON c.id = d.customer_id LEFT JOIN document a ON a.id = d.applies_to_id
                WHERE d.id > ? AND d.status = 'posted' ORDER BY d.id
                """, arguments: [b.documentID])
        typealias C = TrainingRows.Columns
        for row in documents {
            let id: Int64 = row[C.id]
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.line_no, COALESCE(p.sku, '') AS sku, l.quantity_milli, l.tax_rate_bp, l.credits_line_no
                    FROM document_line l LEFT JOIN product p ON p.id = l.product_id
                    WHERE l.document_id = ? ORDER BY l.line_no
                    """, arguments: [id]
            ).map {
                typealias L = InvoiceLine.Columns
                return TrainingFacts.Line(lineNo: $0[L.lineNo], sku: $0[C.sku], quantity: $0[L.quantityMilli],
                                          taxBP: $0[L.taxRateBP], creditsLine: $0[L.creditsLineNo])
            }
            facts.documents.append(
                TrainingFacts.Document(
                    id: id, number: row[C.displayNumber] ?? "", kind: row[C.kind], customerCode: row[C.code],
                    total: row[C.total], appliesTo: row[C.applies], lines: lines))
        }
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, r.display_number, r.amount, c.code FROM receipt r JOIN customer c ON c.id = r.customer_id
                WHERE r.id > ? ORDER BY r.id
                """, arguments: [b.receiptID])
        {
            let id: Int64 = row[C.id]
            var allocations: [String: Int64] = [:]
            for a in try Row.fetchAll(
                db,
                sql: """
                    SELECT d.display_number AS number, SUM(a.amount) AS amount FROM allocation a
                    JOIN document d ON d.id = a.invoice_id WHERE a.source = 'receipt' AND a.source_id = ? GROUP BY d.id
                    """, arguments: [id])
            {
                allocations[a[C.number] ?? ""] = a[C.amount]
            }
            facts.receipts.append(
                TrainingFacts.Receipt(
                    id: id, number: row[C.displayNumber], customerCode: row[C.code],
                    amount: row[C.amount], allocations: allocations))
        }
        facts.contacts = try Row.fetchAll(
            db,
            sql: """
                SELECT l.id, c.code, l.promised_date FROM contact_log l JOIN customer c ON c.id = l.customer_id
                WHERE l.id > ? ORDER BY l.id
                """, arguments: [b.contactID]
        ).map {
            TrainingFacts.Contact(customerCode: $0[C.code],
                                  promisedDate: try RowMapping.optionalDate($0, C.promisedDate, "contact_log"))
        }
        facts.confirmations = try Row.fetchAll(
            db,
            sql: """
                SELECT s.id, c.code, s.as_of FROM statement_confirmation s JOIN customer c ON c.id = s.customer_id
                WHERE s.id > ? ORDER BY s.id
                """, arguments: [b.confirmationID]
        ).map {
            TrainingFacts.Confirmation(customerCode: $0[C.code],
                                       asOf: try RowMapping.date($0, C.asOf, "statement_confirmation"))
        }
        facts.audit = try Row.fetchAll(
            db, sql: "SELECT command, payload FROM audit_log WHERE seq > ? ORDER BY seq",
            arguments: [b.auditSeq]
        ).map {
            TrainingFacts.AuditEntry(command: $0[C.command], payload: $0[C.payload])
        }
        for row in try Row.fetchAll(db, sql: "SELECT sku, tax_rate_bp FROM product") {
            facts.productRates[row[C.sku]] = row[Product.Columns.taxRateBP]
        }
        return facts
    }
}

extension SQLiteLedgerStore {
    /// The practice marker of the ledger file at `path` (read-only; nothing is migrated or written), nil for a real
    /// ledger. Used before a restore so a practice backup never replaces the real ledger.
    public static func practiceMarker(inFile path: String) throws -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists("setting") else { return nil }
                return try String.fetchOne(
                    db, sql: "SELECT value FROM setting WHERE key = ?",
                    arguments: [PracticeLedger.markerKey])
            }
        } catch {
            throw LedgerError.storage("cannot read \(path): \(error)")
        }
    }
}

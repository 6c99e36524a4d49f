import GRDB
import LedgerCore

/// Schema for issue 13: audit entries record the business date and the seals of the records they covered;
/// `seal_pending` collects, through triggers, every covered record a transaction touched (so a command that
/// forgets `recordChange`, or a write with the plain sqlite3 shell, is still seen); users get a password hash.
enum SecuritySchema {
    /// Entities covered by the hash chain and the trigger that marks them touched.
    static let coveredTables: [(table: String, entity: String, idExpr: String)] = [
        ("document", "document", "id"), ("receipt", "receipt", "id"), ("allocation", "allocation", "id"),
        ("app_user", "user", "rowid"),
    ]

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-security-seals") { db in
            try db.execute(sql: """
                ALTER TABLE audit_log ADD COLUMN business_date TEXT NOT NULL DEFAULT '';
                ALTER TABLE audit_log ADD COLUMN seals TEXT NOT NULL DEFAULT '';
                ALTER TABLE app_user ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE app_user ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE seal_pending (
                    entity TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (entity, id)
                ) WITHOUT ROWID;
                """)
            for (table, entity, idExpr) in coveredTables {
                for event in ["INSERT", "UPDATE"] {
                    let guardClause = table == "app_user" && event == "UPDATE"
                        // Counting failed logins is not a change of the user.
                        ? " OF name, role, active, password_hash" : ""
                    try db.execute(sql: """
                        CREATE TRIGGER \(table)_seal_\(event.lowercased()) AFTER \(event)\(guardClause) ON \(table)
                        BEGIN INSERT OR IGNORE INTO seal_pending (entity, id) VALUES ('\(entity)', NEW.\(idExpr)); END;
                        """)
                }
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_seal_delete AFTER DELETE ON \(table)
                    BEGIN INSERT OR IGNORE INTO seal_pending (entity, id) VALUES ('\(entity)', OLD.\(idExpr)); END;
                    """)
            }
            for event in ["INSERT", "UPDATE"] {
                try db.execute(sql: """
                    CREATE TRIGGER document_line_seal_\(event.lowercased()) AFTER \(event) ON document_line
                    BEGIN INSERT OR IGNORE INTO seal_pending (entity, id) VALUES ('document', NEW.document_id); END;
                    """)
            }
            try db.execute(sql: """
                CREATE TRIGGER document_line_seal_delete AFTER DELETE ON document_line
                BEGIN INSERT OR IGNORE INTO seal_pending (entity, id) VALUES ('document', OLD.document_id); END;
                """)
            // Seal what the ledger already holds, in one entry, so the chain covers it from now on.
            try db.execute(sql: """
                INSERT OR IGNORE INTO seal_pending (entity, id)
                    SELECT 'document', id FROM document WHERE status <> 'draft'
                    UNION ALL SELECT 'receipt', id FROM receipt
                    UNION ALL SELECT 'allocation', id FROM allocation
                    UNION ALL SELECT 'user', rowid FROM app_user
                """)
            if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM seal_pending") ?? 0 > 0 {
                try AuditAppender.appendLegacy(AuditDraft(
                    actor: "salesledger", timestampUTC: utcTimestamp(SystemClock().nowUTCSeconds()),
                    command: "ledger.seal_baseline", payload: "{}", changes: [],
                    outcome: "sealed the records the ledger held before tamper evidence covered the books"),
                    db: db)
            }
        }
    }
}

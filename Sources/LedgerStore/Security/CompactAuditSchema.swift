import GRDB

/// Issue 10: the compact audit entry format. Existing entries keep their text format (`entry_format` 1) and
/// verify as before; new entries are written compact (2, or 3 when keyed). Nothing is rewritten: an entry's
/// hash covers its stored bytes, so converting old entries would mean re-hashing the chain.
enum CompactAuditSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-audit-compact") { db in
            try db.execute(sql: "ALTER TABLE audit_log ADD COLUMN entry_format INTEGER NOT NULL DEFAULT 1")
        }
    }
}

import GRDB
import LedgerCore

extension SQLiteTransaction {
    func importedFile(fingerprint: String) throws -> ImportedFile? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT rowid AS id, * FROM import_file WHERE fingerprint = ?"),
                         arguments: [fingerprint]).map { row in
            typealias C = ImportedFile.Columns
            return ImportedFile(fingerprint: row[C.fingerprint], kind: row[C.kind], fileName: row[C.fileName],
                                rows: row[C.rows], importedOn: try RowMapping.date(row, C.importedOn, "import_file"))
        }
    }

    func insert(_ file: ImportedFile) throws -> Int64 {
        try db.execute(sql: "INSERT INTO import_file (fingerprint, kind, file_name, rows, imported_on) VALUES "
                            + "(?,?,?,?,?)",
                       arguments: [file.fingerprint, file.kind, file.fileName, file.rows, file.importedOn.description])
        return db.lastInsertedRowID
    }

    func customerCode(matchingAccount account: String) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT code FROM customer WHERE phone = ?1 OR email = ?1 OR instr(notes, ?1) > 0 ORDER BY code LIMIT 1
            """, arguments: [account])
    }

    func customerCode(alias: String) throws -> String? {
        guard !alias.isEmpty else { return nil }
        let candidates = try Row.fetchAll(
            db, sql: "SELECT code, notes FROM customer WHERE instr(notes, ?) > 0 ORDER BY code", arguments: [alias])
        let matches = candidates.filter { CustomerAliases.aliases(inNotes: $0["notes"]).contains(alias) }
        return matches.count == 1 ? matches[0]["code"] : nil
    }

    func receiptExists(reference: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM receipt WHERE reference = ? AND "
                                                 + "reference <> '')"),
                          arguments: [reference]) ?? false
    }
}

/// Tables of the data import (issue 15): fingerprints of imported files.
enum InteropSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("interop-import-files") { db in
            try db.execute(sql: """
                CREATE TABLE import_file (
                    fingerprint TEXT PRIMARY KEY,
                    kind TEXT NOT NULL,
                    file_name TEXT NOT NULL,
                    rows INTEGER NOT NULL,
                    imported_on TEXT NOT NULL
                );
                CREATE INDEX receipt_reference ON receipt(reference);
                """)
        }
    }
}

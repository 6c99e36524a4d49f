import GRDB
import LedgerCore

/// The posted documents counted per kind and currency, maintained (issue 10, s31-reads: `summary`): one row per
/// kind (`invoice`, `credit_note`) and currency with the number of posted documents (`n`), their lines (`lines`)
/// and the sum of their totals (`total`, minor units, unsigned). `summary` reads these few rows instead of counting
/// and summing every document and line (1.5 s CPU at 1M invoices).
///
/// Triggers on `document` (a posted document's kind, currency, total or status) and `document_line` (a line of a
/// posted document added, removed or moved) keep it inside the writing transaction, on every write path; a bulk
/// chunk drops them and adds its posted documents with their lines set-based (`BulkChunkMaintenance.tallySQL`).
/// The maintained-balances check compares every row with `recomputedSQL`; the migration back-fills with it. Rows
/// whose counts fell to 0 stay; readers and the check skip them.
enum DocumentTallySchema {
    static let columns = "kind, currency, n, lines, total"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s31-document-tally") { db in
            try db.execute(sql: """
                CREATE TABLE document_tally (
                    kind TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    n INTEGER NOT NULL,
                    lines INTEGER NOT NULL,
                    total INTEGER NOT NULL,
                    PRIMARY KEY (kind, currency)
                ) WITHOUT ROWID;
                INSERT INTO document_tally (\(columns)) \(recomputedSQL);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// Rows (`columns`, named so) counted from the posted documents and their lines: the back-fill, the check's
    /// reference and `summary`'s source in a read-only ledger opened before this migration.
    static let recomputedSQL = """
        SELECT d.kind AS kind, d.currency AS currency, COUNT(*) AS n, SUM(COALESCE(l.n, 0)) AS lines,
               SUM(d.total) AS total
        FROM document d
        LEFT JOIN (SELECT document_id, COUNT(*) AS n FROM document_line GROUP BY document_id) l
            ON l.document_id = d.id
        WHERE d.status = 'posted'
        GROUP BY d.kind, d.currency
        """

    /// Adds the SELECT's rows (kind, currency, n, lines, total) to their kind and currency.
    static func add(_ select: String) -> String {
        """
        INSERT INTO document_tally (\(columns)) \(select)
            ON CONFLICT DO UPDATE SET n = n + excluded.n, lines = lines + excluded.lines,
                total = total + excluded.total;
        """
    }

    /// Adds (`sign` "") or takes back ("-") the document `row` (NEW or OLD) with the lines it has now.
    private static func document(_ row: String, _ sign: String) -> String {
        add("""
            SELECT \(row).kind, \(row).currency, \(sign)1,
                   \(sign)(SELECT COUNT(*) FROM document_line WHERE document_id = \(row).id), \(sign)\(row).total
            WHERE true
            """)
    }

    /// Adds or takes back one line `row` of a posted document.
    private static func line(_ row: String, _ sign: String) -> String {
        add("""
            SELECT d.kind, d.currency, 0, \(sign)1, 0 FROM document d
            WHERE d.id = \(row).document_id AND d.status = 'posted'
            """)
    }

    /// The triggers (`PostedDocumentTriggers`): dropped for a bulk chunk, which does their work set-based.
    static let triggerNames = PostedDocumentTriggers.names("document_tally")

    static var triggers: [String] {
        PostedDocumentTriggers.sql("document_tally", keys: ["status", "kind", "currency", "total"],
                                   lineColumns: "document_id", lineMoved: "NEW.document_id <> OLD.document_id",
                                   document: document, line: line)
    }
}

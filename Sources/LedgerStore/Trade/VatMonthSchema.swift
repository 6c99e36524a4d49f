import GRDB
import LedgerCore

/// Output VAT per month, tax rate and currency, maintained (issue 10, s31-reads: `report fapiao output-vat`): one row
/// per month (`YYYY-MM` of the document date), line tax rate (basis points) and currency with the lines of the
/// posted documents, signed (invoices +, credit notes −): `net` and `tax` (minor units) and `n`, the number of lines
/// (unsigned; a row with `n` 0 is absent). The report reads these rows for the whole months of its range and the
/// documents only for the partial first and last months, where it read every line of the range (4.1 s CPU at 1M).
///
/// Triggers on `document` (a posted document's kind, date, currency or status) and `document_line` (a line of a
/// posted document added, removed or changed) keep it inside the writing transaction; a bulk chunk drops them and
/// adds its posted documents' lines set-based (`BulkChunkMaintenance.vatMonthSQL`). The maintained-balances check
/// compares every row with `recomputedSQL`; the migration back-fills with it.
enum VatMonthSchema {
    static let columns = "month, rate, currency, net, tax, n"

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("s31-vat-month") { db in
            try db.execute(sql: """
                CREATE TABLE vat_month (
                    month TEXT NOT NULL,
                    rate INTEGER NOT NULL,
                    currency TEXT NOT NULL,
                    net INTEGER NOT NULL,
                    tax INTEGER NOT NULL,
                    n INTEGER NOT NULL,
                    PRIMARY KEY (month, rate, currency)
                ) WITHOUT ROWID;
                INSERT INTO vat_month (\(columns)) \(recomputedSQL);
                """)
            for sql in triggers { try db.execute(sql: sql) }
        }
    }

    /// +1 for an invoice, −1 for a credit note (`d` a document alias, NEW or OLD).
    static func sign(_ d: String) -> String { "(CASE \(d).kind WHEN 'invoice' THEN 1 ELSE -1 END)" }

    /// The lines of the posted documents `where` selects (aliases `d`, `l`) summed per month, rate and currency,
    /// as rows (`columns`, named so).
    static func linesSQL(where condition: String) -> String {
        """
        SELECT substr(d.date, 1, 7) AS month, l.tax_rate_bp AS rate, d.currency AS currency,
               SUM(\(sign("d")) * l.net_amount) AS net, SUM(\(sign("d")) * l.tax_amount) AS tax, COUNT(*) AS n
        FROM document d JOIN document_line l ON l.document_id = d.id
        WHERE d.status = 'posted' AND \(condition)
        GROUP BY 1, 2, 3
        """
    }

    /// Rows (`columns`) from every posted document's lines: the back-fill and the check's reference.
    static let recomputedSQL = linesSQL(where: "true")

    /// Adds the SELECT's rows (`columns`) to their month, rate and currency.
    static func add(_ select: String) -> String {
        """
        INSERT INTO vat_month (\(columns)) \(select)
            ON CONFLICT DO UPDATE SET net = net + excluded.net, tax = tax + excluded.tax, n = n + excluded.n;
        """
    }

    /// Adds (`sign` "") or takes back ("-") every line of the document `row` (NEW or OLD).
    private static func document(_ row: String, _ sign: String) -> String {
        add("""
            SELECT substr(\(row).date, 1, 7), l.tax_rate_bp, \(row).currency,
                   \(sign)SUM(\(Self.sign(row)) * l.net_amount), \(sign)SUM(\(Self.sign(row)) * l.tax_amount),
                   \(sign)COUNT(*)
            FROM document_line l WHERE l.document_id = \(row).id GROUP BY l.tax_rate_bp
            """)
    }

    /// Adds or takes back the line `row` when its document is posted.
    private static func line(_ row: String, _ sign: String) -> String {
        add("""
            SELECT substr(d.date, 1, 7), \(row).tax_rate_bp, d.currency, \(sign)\(Self.sign("d")) * \(row).net_amount,
                   \(sign)\(Self.sign("d")) * \(row).tax_amount, \(sign)1
            FROM document d WHERE d.id = \(row).document_id AND d.status = 'posted'
            """)
    }

    /// The triggers (`PostedDocumentTriggers`): dropped for a bulk chunk, which does their work set-based.
    static let triggerNames = PostedDocumentTriggers.names("vat_month")

    static var triggers: [String] {
        PostedDocumentTriggers.sql("vat_month", keys: ["status", "kind", "date", "currency"],
                                   lineColumns: "document_id, tax_rate_bp, net_amount, tax_amount", lineMoved: nil,
                                   document: document, line: line)
    }
}

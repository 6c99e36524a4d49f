/// The seven row triggers that keep a table summed from posted documents and their lines (`document_tally`,
/// `vat_month`), written once: a posted document inserted or deleted; a document whose `keys` change (taken out as
/// it was, put in as it is, each side only while posted); a line inserted or deleted; a line updated in
/// `lineColumns` (out and in again, when `lineMoved` holds, or always when it is nil). `document(row, sign)` and
/// `line(row, sign)` give a trigger's body for row `NEW`/`OLD` with sign `""` (add) or `"-"` (take out).
enum PostedDocumentTriggers {
    static let suffixes = ["insert", "update_old", "update_new", "delete", "line_insert", "line_delete",
                           "line_update"]

    /// The trigger names (`<prefix>_insert` …), in the order of `sql`.
    static func names(_ prefix: String) -> [String] { suffixes.map { "\(prefix)_\($0)" } }

    static func sql(_ prefix: String, keys: [String], lineColumns: String, lineMoved: String?,
                    document: (String, String) -> String, line: (String, String) -> String) -> [String] {
        let same = keys.map { "NEW.\($0) = OLD.\($0)" }.joined(separator: " AND ")
        let of = keys.joined(separator: ", ")
        return [
            "CREATE TRIGGER \(prefix)_insert AFTER INSERT ON document WHEN NEW.status = 'posted' BEGIN "
                + "\(document("NEW", "")) END",
            """
            CREATE TRIGGER \(prefix)_update_old AFTER UPDATE OF \(of) ON document
            WHEN OLD.status = 'posted' AND NOT (\(same)) BEGIN \(document("OLD", "-")) END
            """,
            """
            CREATE TRIGGER \(prefix)_update_new AFTER UPDATE OF \(of) ON document
            WHEN NEW.status = 'posted' AND NOT (\(same)) BEGIN \(document("NEW", "")) END
            """,
            "CREATE TRIGGER \(prefix)_delete AFTER DELETE ON document WHEN OLD.status = 'posted' BEGIN "
                + "\(document("OLD", "-")) END",
            "CREATE TRIGGER \(prefix)_line_insert AFTER INSERT ON document_line BEGIN \(line("NEW", "")) END",
            "CREATE TRIGGER \(prefix)_line_delete AFTER DELETE ON document_line BEGIN \(line("OLD", "-")) END",
            "CREATE TRIGGER \(prefix)_line_update AFTER UPDATE OF \(lineColumns) ON document_line"
                + (lineMoved.map { " WHEN \($0)" } ?? "") + " BEGIN \(line("OLD", "-")) \(line("NEW", "")) END",
        ]
    }
}

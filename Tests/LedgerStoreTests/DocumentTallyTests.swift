import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerStore

/// s31-reads (issue 10): `document_tally`, the posted documents, lines and totals per kind and currency that
/// `summary` reads — kept by every command (drafts, posting a draft, credit notes, voids, two currencies), checked by
/// the maintained-balances check, back-filled by the migration — gives the figures the scans gave.
@Suite struct DocumentTallyTests {
    /// The summary's figures as `summary()` computed them before s31 (a scan of the documents and lines).
    static func scanned(_ db: Database) throws -> [String] {
        try [
            "SELECT COUNT(*) FROM document WHERE kind = 'invoice' AND status = 'posted'",
            "SELECT COUNT(*) FROM document WHERE kind = 'credit_note' AND status = 'posted'",
            """
            SELECT COUNT(*) FROM document_line l JOIN document d ON d.id = l.document_id
            WHERE d.kind = 'invoice' AND d.status = 'posted'
            """,
            """
            SELECT group_concat(currency || ':' || sales, ';') FROM (
                SELECT currency, SUM(CASE kind WHEN 'invoice' THEN total ELSE -total END) AS sales
                FROM document WHERE status = 'posted' GROUP BY currency ORDER BY currency)
            """,
            "SELECT MIN(date) || '…' || MAX(date) FROM document WHERE status = 'posted'",
        ].map { try String.fetchOne(db, sql: $0) ?? "" }
    }

    static func figures(_ s: LedgerSummary) -> [String] {
        ["\(s.invoices)", "\(s.creditNotes)", "\(s.invoiceLines)",
         s.salesByCurrency.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ";"),
         "\(s.firstDate.map(\.description) ?? "")…\(s.lastDate.map(\.description) ?? "")"]
    }

    @Test func summaryFollowsCommandsAndEqualsTheScan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tally-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        var store = try SQLiteLedgerStore(path: path)
        let raw = try DatabaseQueue(path: path)
        func run<C: LedgerCommand>(_ date: String, _ command: C) throws -> C.Outcome {
            try LedgerService(store: store, clock: FixedClock(try day(date)), actor: "t", role: .admin).run(command)
        }
        func lines(_ amounts: [String], _ currency: Currency) throws -> [LineInput] {
            try amounts.map { LineInput(description: "x", quantity: Quantity(1), unitPrice: try money($0, currency),
                                        taxRate: .zero) }
        }
        func invoice(_ code: String, _ date: String, _ amounts: [String], _ currency: Currency = .cny,
                     draft: Bool = false) throws -> Invoice {
            var post = PostInvoice(customerCode: code, date: try day(date), lines: try lines(amounts, currency))
            post.creditOverrideReason = "test"
            post.asDraft = draft
            return try run(date, post)
        }
        func check() throws {
            #expect(Self.figures(try store.summary()) == (try raw.read(Self.scanned)))
            #expect(try store.recomputeMaintainedBalances().isEmpty)
        }
        #expect(Self.figures(try store.summary()) == ["0", "0", "0", "", "…"])
        var fields = CustomerFields(code: "C1", name: "C1")
        _ = try run("2026-01-01", CreateCustomer(fields))
        fields = CustomerFields(code: "U1", name: "U1")
        fields.currency = .usd
        _ = try run("2026-01-01", CreateCustomer(fields))

        let a = try invoice("C1", "2026-01-05", ["100.00", "20.00"])
        _ = try invoice("U1", "2026-01-06", ["40.00"], .usd)
        let draft = try invoice("C1", "2026-01-07", ["1.00", "2.00", "3.00"], draft: true)
        try check()
        // The draft counts once posted, with its three lines; a credit note counts apart; a void leaves every figure.
        _ = try run("2026-01-08", PostDraft(draftID: draft.id))
        _ = try run("2026-01-09", IssueCreditNote(customerCode: "C1", date: try day("2026-01-09"),
                                                  appliesToNumber: a.displayNumber, amount: try money("15.00"),
                                                  reason: "return"))
        let v = try invoice("C1", "2026-01-10", ["55.00", "5.00"])
        try check()
        _ = try run("2026-01-11", VoidInvoice(number: v.displayNumber, reason: "duplicate"))
        // Written out by hand: a, the USD one and the posted draft (6 lines); CNY 120 + 6 − 15, USD 40.
        #expect(Self.figures(try store.summary()) == ["3", "1", "6", "CNY:11100;USD:4000", "2026-01-05…2026-01-09"])
        try check()

        // A wrong stored value is named by the check.
        let shift = "UPDATE document_tally SET lines = lines + ? WHERE kind = 'invoice' AND currency = 'USD'"
        try raw.write { try $0.execute(sql: shift, arguments: [1]) }
        #expect(try store.recomputeMaintainedBalances().map(\.field) == ["document_tally_lines"])
        try raw.write { try $0.execute(sql: shift, arguments: [-1]) }

        // A ledger from before the table: the migration back-fills the same rows, and the triggers go on.
        let before = try Self.rows(raw)
        try raw.write { db in
            try db.execute(sql: "DROP TABLE document_tally; "
                           + "DELETE FROM grdb_migrations WHERE identifier = 's31-document-tally'")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                + "AND name LIKE 'document_tally_%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
        }
        store = try SQLiteLedgerStore(path: path)
        #expect(try Self.rows(raw) == before)
        _ = try invoice("U1", "2026-01-12", ["1.50", "2.50"], .usd)
        #expect(Self.figures(try store.summary()) == ["4", "1", "8", "CNY:11100;USD:4400", "2026-01-05…2026-01-12"])
        try check()

        // A read-only ledger from before the table (not migrated on open) counts the documents by the same rule.
        try raw.write { db in
            try db.execute(sql: "DROP TABLE document_tally; "
                           + "DELETE FROM grdb_migrations WHERE identifier = 's31-document-tally'")
        }
        let scanned = try raw.read(Self.scanned)
        try raw.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        let readOnly = try SQLiteLedgerStore(path: path)
        #expect(Self.figures(try readOnly.summary()) == scanned)
        #expect(scanned == ["4", "1", "8", "CNY:11100;USD:4400", "2026-01-05…2026-01-12"])
    }

    static func rows(_ db: DatabaseQueue) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM document_tally ORDER BY kind, currency").map { "\($0)" }
        }
    }
}

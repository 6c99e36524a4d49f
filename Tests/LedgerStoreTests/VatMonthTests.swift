import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerStore

/// s31-reads (issue 10): `vat_month`, output VAT per month, rate and currency — kept by every command (drafts,
/// posting a draft, credit notes, voids, two rates and currencies), checked by the maintained-balances check,
/// back-filled by the migration — and `outputVAT` (whole months from it, partial months from the lines) equal to the
/// scan of every line it replaced, for ranges with and without bounds, whole and partial months.
@Suite struct VatMonthTests {
    /// `outputVAT` as it read before s31: every line of the range, as text.
    static func scanned(_ db: Database, from: String?, to: String?) throws -> [String] {
        var filters = ["d.status = 'posted'"]
        var args: StatementArguments = []
        if let from { filters.append("d.date >= ?"); args += [from] }
        if let to { filters.append("d.date <= ?"); args += [to] }
        let sign = "(CASE d.kind WHEN 'invoice' THEN 1 ELSE -1 END)"
        return try String.fetchAll(db, sql: """
            SELECT month || ' ' || rate || ' ' || currency || ' ' || net || ' ' || tax FROM (
              SELECT substr(d.date, 1, 7) AS month, l.tax_rate_bp AS rate, d.currency,
                SUM(\(sign) * l.net_amount) AS net, SUM(\(sign) * l.tax_amount) AS tax
              FROM document d JOIN document_line l ON l.document_id = d.id
              WHERE \(filters.joined(separator: " AND "))
              GROUP BY month, rate, d.currency
              ORDER BY month, rate DESC, d.currency)
            """, arguments: args)
    }

    static func read(_ store: SQLiteLedgerStore, from: String?, to: String?) throws -> [String] {
        try store.outputVAT(from: from.flatMap(CivilDate.init(iso:)), to: to.flatMap(CivilDate.init(iso:))).map {
            "\($0.month) \($0.rate.basisPoints) \($0.currency.code) \($0.net) \($0.tax)"
        }
    }

    /// Bounds: none, month starts and ends, mid-month days, one month, one day, an empty and a reversed range.
    static let bounds: [(String?, String?)] = [
        (nil, nil), ("2026-01-01", nil), (nil, "2026-02-28"), ("2026-01-15", nil), (nil, "2026-02-10"),
        ("2026-01-01", "2026-01-31"), ("2026-01-06", "2026-01-31"), ("2026-01-01", "2026-01-08"),
        ("2026-01-06", "2026-02-10"), ("2026-01-09", "2026-01-09"), ("2026-02-01", "2026-03-31"),
        ("2026-01-20", "2026-01-10"), ("2027-01-01", nil),
    ]

    static func expectEqualsScan(_ store: SQLiteLedgerStore, _ raw: DatabaseQueue) throws {
        for (from, to) in bounds {
            #expect(try read(store, from: from, to: to) == (try raw.read { try scanned($0, from: from, to: to) }),
                    "\(from ?? "…")–\(to ?? "…")")
        }
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }

    @Test func outputVATFollowsCommandsAndEqualsTheScan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vat-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/ledger.sqlite"
        var store = try SQLiteLedgerStore(path: path)
        let raw = try DatabaseQueue(path: path)
        func run<C: LedgerCommand>(_ date: String, _ command: C) throws -> C.Outcome {
            try LedgerService(store: store, clock: FixedClock(try day(date)), actor: "t", role: .admin).run(command)
        }
        /// Lines of (price, rate in basis points).
        func invoice(_ code: String, _ date: String, _ lines: [(String, Int)], _ currency: Currency = .cny,
                     draft: Bool = false) throws -> Invoice {
            var post = PostInvoice(customerCode: code, date: try day(date), lines: try lines.map {
                LineInput(description: "x", quantity: Quantity(1), unitPrice: try money($0.0, currency),
                          taxRate: Rate(basisPoints: Int64($0.1)))
            })
            post.creditOverrideReason = "test"
            post.asDraft = draft
            return try run(date, post)
        }
        var fields = CustomerFields(code: "C1", name: "C1")
        _ = try run("2026-01-01", CreateCustomer(fields))
        fields = CustomerFields(code: "U1", name: "U1")
        fields.currency = .usd
        _ = try run("2026-01-01", CreateCustomer(fields))

        let a = try invoice("C1", "2026-01-05", [("100.00", 1300), ("200.00", 600)])
        _ = try invoice("U1", "2026-01-09", [("40.00", 0)], .usd)
        let draft = try invoice("C1", "2026-01-20", [("10.00", 1300), ("20.00", 900)], draft: true)
        _ = try invoice("C1", "2026-02-10", [("50.00", 1300)])
        try Self.expectEqualsScan(store, raw)
        // Written out by hand: January's 13 % is a's first line only (the draft does not count yet).
        #expect(try Self.read(store, from: "2026-01-01", to: "2026-01-31")
                == ["2026-01 1300 CNY 10000 1300", "2026-01 600 CNY 20000 1200", "2026-01 0 USD 4000 0"])
        _ = try run("2026-02-11", PostDraft(draftID: draft.id))
        _ = try run("2026-02-12", IssueCreditNote(customerCode: "C1", date: try day("2026-02-12"),
                                                  appliesToNumber: a.displayNumber, amount: try money("11.30"),
                                                  reason: "return"))
        let v = try invoice("C1", "2026-03-03", [("70.00", 300)])
        try Self.expectEqualsScan(store, raw)
        _ = try run("2026-03-04", VoidInvoice(number: v.displayNumber, reason: "duplicate"))
        try Self.expectEqualsScan(store, raw)
        #expect(try Self.read(store, from: "2026-03-01", to: nil) == [])

        // A wrong stored value is named by the check.
        let shift = "UPDATE vat_month SET tax = tax + ? WHERE month = '2026-01' AND currency = 'USD'"
        try raw.write { try $0.execute(sql: shift, arguments: [1]) }
        #expect(try store.recomputeMaintainedBalances().map(\.field) == ["vat_month_tax"])
        try raw.write { try $0.execute(sql: shift, arguments: [-1]) }

        // A ledger from before the table: the migration back-fills the same rows, and the triggers go on.
        let before = try Self.rows(raw)
        try raw.write { db in
            try db.execute(sql: "DROP TABLE vat_month; DELETE FROM grdb_migrations WHERE identifier = 's31-vat-month'")
            for name in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                + "AND name LIKE 'vat_month_%'") {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
        }
        store = try SQLiteLedgerStore(path: path)
        #expect(try Self.rows(raw) == before)
        _ = try invoice("U1", "2026-02-20", [("1.50", 1300), ("2.50", 1300)], .usd)
        try Self.expectEqualsScan(store, raw)

        // A read-only ledger from before the table (not migrated on open) reads the lines.
        try raw.write { try $0.execute(sql: "DROP TABLE vat_month; "
                                            + "DELETE FROM grdb_migrations WHERE identifier = 's31-vat-month'") }
        var expected: [[String]] = []
        for (from, to) in Self.bounds { expected.append(try raw.read { try Self.scanned($0, from: from, to: to) }) }
        try raw.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        let readOnly = try SQLiteLedgerStore(path: path)
        for ((from, to), rows) in zip(Self.bounds, expected) {
            #expect(try Self.read(readOnly, from: from, to: to) == rows, "\(from ?? "…")–\(to ?? "…")")
        }
    }

    /// The rows that count (the void leaves March's row with `n` 0, which the back-fill does not write).
    static func rows(_ db: DatabaseQueue) throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM vat_month WHERE n <> 0 ORDER BY month, rate, currency")
                .map { "\($0)" }
        }
    }
}

import Foundation
import GRDB
import Testing
import LedgerCore
import LedgerStore

/// Issue 16: a commission rule whose stored basis is unknown is an error naming table, row and column
/// (it used to be read as net sales, silently paying commission on the wrong figure).
@Suite struct CommissionRuleReadTests {
    @Test func unknownBasisNamesTableRowAndColumn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("commission-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "t", role: .admin)
        try service.run(SetCommissionRule(CommissionRule(basis: .collections, rate: Rate(basisPoints: 200),
                                                         start: CivilDate(iso: "2026-11-29")!)))
        #expect(try store.commissionRules().map(\.basis) == [.collections])
        let raw = try DatabaseQueue(path: folder + "/ledger.sqlite")
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: """
                INSERT INTO commission_rule (salesperson, customer_class, basis, rate_bp, within_days, start_date)
                VALUES ('', '', 'gross_margin', 300, NULL, '2026-12-01')
                """)
        }
        let text: String
        do { _ = try store.commissionRules(); text = "no error" } catch { text = "\(error)" }
        #expect(text.contains("table commission_rule, row 2, column basis: unknown value 'gross_margin'"), "\(text)")
    }
}

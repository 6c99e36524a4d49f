import Foundation
import GRDB
import Testing
@testable import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// Issue 10 (s34-gen): the set-based statements of a bulk chunk read the chunk's rows by their rowid range and
/// look up the rest by key — never a whole table or index — on a ledger without planner statistics, as during a
/// load (`sqlite_stat1` is written at its end). A full scan there is read again at every chunk or commit, so the
/// load grows quadratically with the ledger (s34: the receipts' balance upkeep and `end`'s allocations scanned all
/// of `allocation_invoice` for their GROUP BY's order).
@Suite struct BulkStatementPlanTests {
    static let statements: [(String, String)] = [
        ("salesMonth", BulkChunkMaintenance.salesMonthSQL), ("tally", BulkChunkMaintenance.tallySQL),
        ("vatMonth", BulkChunkMaintenance.vatMonthSQL), ("dueMonth", BulkChunkMaintenance.dueMonthSQL),
        ("dueDay", BulkChunkMaintenance.dueDaySQL), ("customerMonth", BulkChunkMaintenance.customerMonthSQL),
        ("invoiceSettled", BulkChunkMaintenance.invoiceSettledSQL),
        ("collectionMonth", BulkChunkMaintenance.collectionMonthSQL),
        ("lateAllocation", BulkChunkMaintenance.lateAllocationSQL),
        ("receiptsOpen", SQLiteTransaction.receiptsOpenSQL),
        ("invoicesAllocated", SQLiteTransaction.invoicesAllocatedSQL),
        ("receiptCredits", SQLiteTransaction.receiptCreditsSQL),
        ("invoiceBalances", SQLiteTransaction.invoiceBalancesSQL),
        ("documentsOpen", MaintainedBalanceSchema.documentsOpenSQL),
        ("documentBalances", SQLiteTransaction.documentBalancesSQL),
        ("openInvoicesByNumber", SQLiteTransaction.openInvoicesByNumberSQL),
    ]
    /// Plan lines that read a stored table or index whole (`SCAN t`, `SCAN t USING … INDEX …`); scans of
    /// materialized subqueries, CTEs (`c`, `e`) and `json_each` are the chunk's own rows.
    static let stored = ["allocation", "document", "document_line", "open_item", "receipt", "customer",
                         "customer_balance", "a", "d", "l", "o", "r", "i"]

    @Test func bulkStatementsReadTheChunkByRowidWithoutStatistics() throws {
        let today = CivilDate(iso: "2026-06-30")!
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plans-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 50, invoices: 600, seed: 1, today: today,
                                        cities: cities)
        _ = try service.runChunked(commandsPerCommit: 300) { try generator.load(into: $0) }
        let queue = try DatabaseQueue(path: folder + "/ledger.sqlite")
        try queue.write { db in try db.execute(sql: "DELETE FROM sqlite_stat1") }
        var scans: [String] = []
        var lines = 0
        try queue.read { db in
            for (name, sql) in Self.statements {
                // Every parameter bound (a number): `?1`/`?2` numbered, else plain `?`.
                let count = sql.contains("?2") ? 2 : sql.contains("?1") ? 1 : sql.filter { $0 == "?" }.count
                let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
                let arguments = StatementArguments(Array(repeating: 5, count: count))
                for row in try Row.fetchAll(statement, arguments: arguments) {
                    let detail: String = row["detail"] ?? ""
                    lines += 1
                    let words = detail.split(separator: " ")
                    if words.count >= 2, words[0] == "SCAN", Self.stored.contains(String(words[1])) {
                        scans.append("\(name): \(detail)")
                    }
                }
            }
        }
        #expect(lines > 60)
        #expect(scans == [])
    }
}

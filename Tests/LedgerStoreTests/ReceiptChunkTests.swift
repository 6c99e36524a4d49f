import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: a chunk of receipts (`BatchRunner.recordReceipts`) is checked in memory by `RecordReceipt`'s rules
/// and written set-based inside a bulk chunk. It writes the rows, open amounts and balances that running the same
/// receipts one by one writes (values checked against sums computed here from the ledger before), keeps the chain
/// and the maintained balances, and a receipt that fails a check writes nothing of its chunk.
@Suite struct ReceiptChunkTests {
    let today = CivilDate(iso: "2026-11-29")!

    func ledger() throws -> (folder: String, store: SQLiteLedgerStore, service: LedgerService) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rchunk-\(UUID().uuidString)").path
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        _ = try service.runBatch {
            try SampleGenerator(language: .zh, customers: 6, invoices: 120, seed: 3, today: today, cities: cities)
                .load(into: $0)
        }
        return (folder, store, service)
    }

    /// (number, customer code, open amount, date, latest allocation date or '-') of the open invoices, oldest first.
    func openInvoices(_ store: SQLiteLedgerStore) throws -> [[String]] {
        let text = try store.scalar("""
            SELECT group_concat(x, ';') FROM (SELECT d.display_number || ' ' || c.code || ' ' || o.open_amount || ' '
                || d.date || ' ' || COALESCE((SELECT MAX(a.date) FROM allocation a WHERE a.invoice_id = d.id), '-') x
            FROM open_item o JOIN document d ON d.id = o.id JOIN customer c ON c.id = d.customer_id
            WHERE o.kind = 'invoice' AND o.open_amount > 10 ORDER BY d.id)
            """) ?? ""
        return text.split(separator: ";").map { $0.split(separator: " ").map(String.init) }
    }

    /// Receipts, allocations, open items and balances as text: what makes two ledgers' receivables the same.
    func receivables(_ store: SQLiteLedgerStore) throws -> [String] {
        try [
            "SELECT group_concat(display_number || date || customer_id || amount || method, ';') "
                + "FROM (SELECT * FROM receipt ORDER BY id)",
            "SELECT group_concat(id || invoice_id || source || source_id || date || amount, ';') "
                + "FROM (SELECT * FROM allocation ORDER BY id)",
            "SELECT group_concat(kind || id || customer_id || due_date || ':' || open_amount, ';') "
                + "FROM (SELECT * FROM open_item ORDER BY kind, id)",
            "SELECT group_concat(customer_id || currency || ':' || open_invoices || '/' || open_invoice_count || '/' "
                + "|| unapplied_credits || '/' || COALESCE(earliest_open_due, '-'), ';') "
                + "FROM (SELECT * FROM customer_balance ORDER BY 1, 2)",
            "SELECT group_concat(year || ':' || last_number) FROM number_series WHERE series = 'RCT'",
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'",
        ].map { try store.scalar($0) ?? "" }
    }

    func cny(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    /// Receipts over open invoices: one part, two parts on two invoices of a customer, two parts on one invoice,
    /// and an amount left unapplied. Dated before every invoice, so each allocation takes the later date the rule
    /// gives.
    func receipts(_ open: [[String]]) -> [RecordReceipt] {
        let early = CivilDate(iso: "2020-01-01")!
        var result: [RecordReceipt] = []
        let first = open[0], amount = Int64(first[2])! / 3
        result.append(RecordReceipt(customerCode: first[1], date: early, amount: cny(amount + 500), allocation:
                                    .manual([ManualAllocation(invoiceNumber: first[0], amount: cny(amount))])))
        result.append(RecordReceipt(customerCode: first[1], date: early, amount: cny(2 * amount), allocation:
                                    .manual([ManualAllocation(invoiceNumber: first[0], amount: cny(amount)),
                                             ManualAllocation(invoiceNumber: first[0], amount: cny(amount))])))
        if let pair = Dictionary(grouping: open.dropFirst(), by: { $0[1] }).values.first(where: { $0.count >= 2 }) {
            let parts = pair.prefix(2).map { ManualAllocation(invoiceNumber: $0[0], amount: cny(Int64($0[2])!)) }
            result.append(RecordReceipt(customerCode: pair[0][1], date: early,
                                        amount: cny(parts.reduce(0) { $0 + $1.amount.minorUnits }),
                                        allocation: .manual(parts)))
        }
        return result
    }

    @Test func aChunkWritesWhatTheCommandsWriteOneByOne() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let open = try openInvoices(store)
        #expect(try receivables(store) == receivables(other))
        let commands = receipts(open)
        #expect(commands.count == 3)
        let outcomes = try service.runChunked { runner in try runner.recordReceipts(commands) }
        for command in commands { try otherService.run(command) }
        #expect(try receivables(store) == receivables(other))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        // Independently: the first invoice lost all three parts; each receipt keeps what it did not allocate.
        let first = open[0]
        let allocated = 3 * (Int64(first[2])! / 3)
        #expect(try store.scalar("""
            SELECT o.open_amount FROM open_item o JOIN document d ON d.id = o.id
            WHERE o.kind = 'invoice' AND d.display_number = '\(first[0])'
            """) == String(Int64(first[2])! - allocated))
        #expect(outcomes.map(\.allocation.unapplied.minorUnits) == [500, 0, 0])
        #expect(try store.scalar("""
            SELECT group_concat(open_amount) FROM (SELECT o.open_amount FROM open_item o
            WHERE o.kind = 'receipt' AND o.id IN (\(outcomes.map { String($0.receipt.id) }.joined(separator: ",")))
            ORDER BY o.id)
            """) == "500,0,0")
        // Dated by the rule: not before the invoice nor its latest allocation (the receipts are dated 2020).
        let expected = max(first[3], first[4] == "-" ? first[3] : first[4])
        #expect(outcomes[0].allocation.allocations.map(\.date.description) == [expected])
        #expect(outcomes[1].allocation.allocations.map(\.date.description) == [expected, expected])
        // One audit line per receipt, as the commands write them.
        #expect(try store.scalar("SELECT COUNT(*) FROM receipt") == other.scalar("SELECT COUNT(*) FROM receipt"))
    }

    @Test func aReceiptFailingItsChecksWritesNothingOfItsChunk() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = try openInvoices(store)
        let before = try receivables(store)
        var commands = receipts(open)
        let tooMuch = Int64(open[1][2])! + 1
        commands.append(RecordReceipt(customerCode: open[1][1], date: today, amount: cny(tooMuch), allocation:
                                      .manual([ManualAllocation(invoiceNumber: open[1][0], amount: cny(tooMuch))])))
        let error = #expect(throws: LedgerError.self) {
            try service.runChunked { runner in try runner.recordReceipts(commands) }
        }
        let issues = error?.fieldIssues ?? []
        #expect(issues.map(\.path) == ["allocations[1].amount"])
        #expect(issues.first?.message.contains("more than the open") == true)
        #expect(try receivables(store) == before)
        // A plan the chunk does not check in memory is refused, also before anything is written.
        #expect(throws: LedgerError.self) {
            try service.runChunked { runner in
                try runner.recordReceipts([RecordReceipt(customerCode: open[1][1], date: today, amount: cny(100))])
            }
        }
        #expect(try receivables(store) == before)
    }

    /// `recordReceipts(invoiceNumbers:_:)` (s32-ins): the plan gets the open invoices of the numbers read, and the
    /// chunk is checked against that read; a number a receipt names beyond them is read before the checks. The
    /// ledger ends as running the commands one by one leaves it.
    @Test func thePlanSeesTheReadAndTheChunkIsCheckedAgainstIt() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        let open = try openInvoices(store)
        let commands = receipts(open)
        let named = Set(commands.flatMap { command -> [String] in
            guard case let .manual(parts) = command.allocation else { return [] }
            return parts.map(\.invoiceNumber)
        })
        #expect(named.count == 3)
        var seen: [String: Int64] = [:]
        let outcomes = try service.runChunked { runner in
            try runner.recordReceipts(invoiceNumbers: [open[0][0], open[2][0], "INV-NONE"]) { items in
                seen = items.mapValues(\.open)
                return commands
            }
        }
        #expect(seen == [open[0][0]: Int64(open[0][2])!, open[2][0]: Int64(open[2][2])!])
        #expect(outcomes.count == 3)
        for command in commands { try otherService.run(command) }
        #expect(try receivables(store) == receivables(other))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }

    /// A plan that writes (it should not) makes the chunk read its invoices again: a receipt for the whole amount
    /// read before the write is then more than is open, and refused.
    @Test func aPlanThatWritesMakesTheChunkReadAgain() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let open = try openInvoices(store)
        let (number, code, amount) = (open[0][0], open[0][1], Int64(open[0][2])!)
        let error = #expect(throws: LedgerError.self) {
            try service.runChunked { runner in
                try runner.recordReceipts(invoiceNumbers: [number]) { items in
                    try runner.run(RecordReceipt(customerCode: code, date: today, amount: cny(10), allocation:
                                                 .manual([ManualAllocation(invoiceNumber: number, amount: cny(10))])))
                    let whole = try #require(items[number]?.open)
                    return [RecordReceipt(customerCode: code, date: today, amount: cny(whole), allocation:
                                          .manual([ManualAllocation(invoiceNumber: number, amount: cny(whole))]))]
                }
            }
        }
        #expect(amount > 10)
        #expect(error?.fieldIssues.first?.message.contains("more than the open") == true)
    }
}

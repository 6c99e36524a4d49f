import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: in a chunked bulk load `sales_month`, `open_due_month`, `late_allocation`, `customer_month`,
/// `invoice_settled` and `document_tally` (s31) are brought up to date per chunk, set-based, instead of by row
/// triggers. The tables (and `customer_balance`, kept by row) equal those the row triggers write (a one-transaction
/// batch of the same load), the maintained-balances check passes, the triggers are back after the load, and a chunk
/// that changes a record written before it is refused whole.
@Suite struct BulkChunkMaintenanceTests {
    let today = CivilDate(iso: "2026-11-29")!

    func generator(invoices: Int) throws -> SampleGenerator {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        return SampleGenerator(language: .zh, customers: 30, invoices: invoices, seed: 5, today: today, cities: cities)
    }

    func ledger() throws -> (folder: String, store: SQLiteLedgerStore, service: LedgerService) {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulkchunk-\(UUID().uuidString)").path
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        return (folder, store, LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin))
    }

    /// The derived tables (rows that count: a month row whose count and amount fell to 0 is skipped by every
    /// reader) and the number of triggers, as text.
    func derived(_ store: SQLiteLedgerStore) throws -> [String] {
        try [
            "SELECT group_concat(date || region || channel || currency || kind || ':' || total || '/' || n || '/' "
                + "|| net || '/' || tax, ';') FROM (SELECT * FROM sales_month WHERE n <> 0 ORDER BY 1, 2, 3, 4, 5)",
            "SELECT group_concat(month || customer_id || currency || ':' || amount || '/' || n, ';') "
                + "FROM (SELECT * FROM open_due_month WHERE n <> 0 OR amount <> 0 ORDER BY 1, 2, 3)",
            "SELECT group_concat(source || date || id || '/' || source_id, ';') "
                + "FROM (SELECT * FROM late_allocation ORDER BY 1, 2, 3)",
            "SELECT group_concat(customer_id || date || currency || ':' || n || '/' || net || '/' || tax || '/' "
                + "|| total || '/' || COALESCE(last_invoice, '-'), ';') "
                + "FROM (SELECT * FROM customer_month WHERE n <> 0 ORDER BY 1, 2, 3)",
            "SELECT group_concat(id || ':' || day || '/' || COALESCE(settled_day, '-'), ';') "
                + "FROM (SELECT * FROM invoice_settled ORDER BY 1)",
            "SELECT group_concat(customer_id || currency || ':' || open_invoices || '/' || open_invoice_count || '/' "
                + "|| unapplied_credits || '/' || COALESCE(earliest_open_due, '-'), ';') "
                + "FROM (SELECT * FROM customer_balance ORDER BY 1, 2)",
            "SELECT group_concat(kind || currency || ':' || n || '/' || lines || '/' || total, ';') "
                + "FROM (SELECT * FROM document_tally ORDER BY 1, 2)",
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'",
        ].map { try store.scalar($0) ?? "" }
    }

    @Test func chunkedLoadWritesTheTablesTheRowTriggersWrite() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        // Small chunks: receipts allocate to invoices of earlier chunks, credit notes to invoices of the same one.
        let chunked = try service.runChunked(commandsPerCommit: 97) { try generator(invoices: 1_500).load(into: $0) }
        let whole = try otherService.runBatch { try generator(invoices: 1_500).load(into: $0) }
        #expect(chunked.invoices == whole.invoices && chunked.receipts == whole.receipts)
        #expect(chunked.receipts > 1_000 && chunked.creditNotes > 10)
        let tables = try derived(store)
        #expect(tables == (try derived(other)))
        // The generator allocates on the receipt's own date, so `late_allocation` stays empty in both ledgers.
        #expect(!tables[0].isEmpty && !tables[1].isEmpty && !tables[3].isEmpty && !tables[4].isEmpty)
        #expect(tables[6].hasPrefix("credit_noteCNY:") && tables[6].contains(";invoiceCNY:1500/"))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        // After the load the row triggers keep the tables again: a receipt posted alone changes its month row.
        let before = try store.scalar("SELECT SUM(amount) FROM open_due_month") ?? ""
        let open = try #require(try store.scalar("""
            SELECT d.display_number || ' ' || c.code FROM open_item o JOIN document d ON d.id = o.id
            JOIN customer c ON c.id = d.customer_id WHERE o.kind = 'invoice' AND o.open_amount > 100 LIMIT 1
            """))
        let parts = open.split(separator: " ").map(String.init)
        try service.run(RecordReceipt(customerCode: parts[1], date: today, amount: Money(minorUnits: 100,
                                                                                           currency: .cny),
                                      allocation: .manual([ManualAllocation(invoiceNumber: parts[0],
                                                                            amount: Money(minorUnits: 100,
                                                                                          currency: .cny))])))
        #expect(try store.scalar("SELECT SUM(amount) FROM open_due_month") == String((Int64(before) ?? 0) - 100))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }

    @Test func aChunkChangingAnEarlierDocumentIsRefusedWhole() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try service.runChunked(commandsPerCommit: 200) { try generator(invoices: 300).load(into: $0) }
        let number = try #require(try store.scalar("""
            SELECT d.display_number FROM document d JOIN open_item o ON o.kind = 'invoice' AND o.id = d.id
            WHERE o.open_amount = d.total AND d.kind = 'invoice' ORDER BY d.id LIMIT 1
            """))
        let triggers = try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'")
        let documents = try store.scalar("SELECT COUNT(*) FROM document WHERE status = 'posted'")
        var message = ""
        do {
            try service.runChunked { runner in
                try runner.run(IssueCreditNote(customerCode: "C0001", date: today, appliesToNumber: nil,
                                               amount: Money(minorUnits: 500, currency: .cny), reason: "test"))
                try runner.run(VoidInvoice(number: number, reason: "bulk"))
            }
        } catch {
            message = "\(error)"
        }
        #expect(message.contains("a bulk load may not change a document written before its chunk"))
        #expect(try store.scalar("SELECT status FROM document WHERE display_number = '\(number)'") == "posted")
        #expect(try store.scalar("SELECT COUNT(*) FROM document WHERE status = 'posted'") == documents)
        #expect(try store.scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'") == triggers)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        // Outside a bulk load the same void is an ordinary command.
        try service.run(VoidInvoice(number: number, reason: "ordinary"))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }
}

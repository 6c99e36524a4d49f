import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore

@Suite struct LedgerIntegrityTests {
    /// Two writers (two connections to one file, as two processes would have) post at the same time:
    /// numbers stay gapless and unique. The e2e suite repeats this with two real processes.
    @Test func gaplessNumbersWithTwoWriters() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        let first = try SQLiteLedgerStore(path: path)
        let setup = LedgerService(store: first, clock: FixedClock(date("2026-11-29")), actor: "setup")
        _ = try setup.run(CreateCustomer(CustomerFields(code: "C1", name: "Two Writers Co")))
        let second = try SQLiteLedgerStore(path: path)
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let service = LedgerService(store: worker == 0 ? first : second, clock: FixedClock(date("2026-11-29")), actor: "w\(worker)")
            for _ in 0..<40 {
                var post = PostInvoice(customerCode: "C1", date: date("2026-11-29"),
                                       lines: [LineInput(description: "x", quantity: Quantity(1), unitPrice: cny("1"))])
                post.creditOverrideReason = "test"
                do { try service.run(post) } catch { failures.add("\(error)") }
            }
        }
        #expect(failures.all.isEmpty)
        let numbers = try first.invoices(filter: InvoiceFilter(), page: .all).map(\.number).sorted()
        #expect(numbers == (1...80).map { Invoice.formatNumber(series: "INV", year: 2026, number: $0) })
        #expect(try first.integrityCheck() == "ok")
        #expect(try first.verifyAuditChain() == nil)
        #expect(try first.auditCount() == 81)
    }

    @Test func fileAndFolderArePrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sl-\(UUID().uuidString)/sub")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let path = dir.appendingPathComponent("ledger.sqlite").path
        _ = try SQLiteLedgerStore(path: path)
        let fileMode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
    }

    @Test func failedBatchWritesNothing() throws {
        let ledger = try TestLedger()
        #expect(throws: LedgerError.self) {
            try ledger.service.runBatch { runner in
                try runner.run(CreateCustomer(CustomerFields(code: "C1", name: "first")))
                try runner.run(CreateCustomer(CustomerFields(code: "C1", name: "duplicate")))
            }
        }
        #expect(try ledger.store.summary().customers == 0)
        #expect(try ledger.store.auditCount() == 0)
    }

    @Test func auditEntriesChainAndRecordChanges() throws {
        let ledger = try TestLedger()
        let c = try ledger.customer("C1", "苹果贸易")
        var fields = CustomerFields(code: "C1", name: "苹果贸易有限公司")
        fields.phone = "021-5555 0101"
        try ledger.service.run(UpdateCustomer(id: c.id, fields: fields))
        #expect(try ledger.store.auditCount() == 2)
        #expect(try ledger.store.verifyAuditChain() == nil)
        let changes = try #require(try ledger.store.scalar("SELECT changes FROM audit_log WHERE command = 'customer.update'"))
        #expect(changes.contains("苹果贸易有限公司") && changes.contains("\"before\""))
        #expect(try ledger.store.scalar("SELECT actor FROM audit_log WHERE seq = 1") == "tester")
        // Changing any field changes the hash.
        let h1 = AuditChain.hash(previous: AuditChain.genesis, timestamp: "t", actor: "a", command: "c", payload: "p", changes: "[]", outcome: "o")
        let h2 = AuditChain.hash(previous: AuditChain.genesis, timestamp: "t", actor: "a", command: "c", payload: "q", changes: "[]", outcome: "o")
        #expect(h1 != h2 && h1.count == 64)
    }

    /// shared/cases/B13.md through the store: totals, exact settlement, no REAL amounts.
    @Test func b13CentsThroughTheLedger() throws {
        let ledger = try TestLedger(today: "2025-06-30")
        try ledger.customer("JADE", "Jade Garden Catering", currency: .usd)
        func usd(_ s: String) -> Money { try! MoneyParser.parse(s, currency: .usd) }
        func post(_ lines: [(String, String, Int64)]) throws -> Invoice {
            var p = PostInvoice(customerCode: "JADE", date: date("2025-06-01"), lines: lines.map {
                LineInput(description: "item", quantity: try! Quantity.parse($0.0), unitPrice: usd($0.1), taxRate: Rate(basisPoints: $0.2))
            })
            p.creditOverrideReason = "test"
            return try ledger.service.run(p)
        }
        let r1 = try post([("1.5", "0.69", 0), ("1.5", "0.15", 0), ("1", "2.75", 600), ("1", "11.50", 900)])
        let r2 = try post(Array(repeating: ("1", "0.10", 0), count: 10))
        let r3 = try post([("1", "0.10", 0), ("1", "0.20", 0)])
        let r4 = try post([("1", "100.00", 0)])
        #expect([r1.subtotal, r1.taxTotal, r1.total] == [usd("15.52"), usd("1.21"), usd("16.73")])
        #expect([r2.total, r3.total, r4.total] == [usd("1.00"), usd("0.30"), usd("100.00")])
        try ledger.service.run(IssueCreditNote(customerCode: "JADE", date: date("2025-06-15"),
                                               lines: [LineInput(description: "return", quantity: try Quantity.parse("1.5"), unitPrice: usd("0.69"))],
                                               reason: "returned goods"))
        for (inv, amount) in [(r1, "16.73"), (r2, "1.00"), (r3, "0.30"), (r4, "33.33"), (r4, "33.33"), (r4, "33.34")] {
            try ledger.service.run(RecordReceipt(customerCode: "JADE", date: date("2025-06-30"), amount: usd(amount),
                                                 allocation: .manual([ManualAllocation(invoiceNumber: inv.displayNumber, amount: usd(amount))])))
        }
        #expect(try ledger.store.openItems(asOf: date("2025-06-30")).isEmpty)
        let row = try #require(try ledger.store.customers(search: "JADE", asOf: date("2025-06-30"), page: PageRequest()).first)
        #expect(row.balance == -104)
        #expect(row.overdue == 0)
        for (table, column) in [("document", "total"), ("document_line", "net_amount"), ("receipt", "amount"), ("allocation", "amount")] {
            #expect(try ledger.store.scalar("SELECT COUNT(*) FROM \(table) WHERE typeof(\(column)) <> 'integer'") == "0")
        }
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

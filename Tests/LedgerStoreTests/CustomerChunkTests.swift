import Foundation
import Testing
@testable import LedgerCore
@testable import LedgerInterop
import LedgerStore

/// s32-gen: `BatchRunner.createCustomers` creates a list of customers as `run` creates them one by one (the
/// generator's 10,000 went through `run`): same rows, search keys, audit lines and audit entries; a code used
/// earlier in the same call, or a bad field, is refused with `CreateCustomer`'s error after the ones before it are
/// written. And the generator's receipts in posting order without sorting the receipts themselves.
@Suite struct CustomerChunkTests {
    let today = CivilDate(iso: "2026-11-29")!

    func ledger() throws -> (folder: String, store: SQLiteLedgerStore, service: LedgerService) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cchunk-\(UUID().uuidString)").path
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "loader", role: .admin)
        try service.run(CreateCustomer(CustomerFields(code: "OLD", name: "老客户")))
        // The customers' region is a class of the region dimension (s34-fix).
        try service.run(ImportClasses(rows: [ClassImportRow(line: 2, dimension: "region", code: "CN-33-01",
                                                            nameEN: "Hangzhou", nameZH: "杭州市")], source: "test"))
        return (folder, store, service)
    }

    /// Customers with every field, search keys, words and FTS rows; the audit lines (command, payload, changes,
    /// outcome) and how many entries hold them.
    func rows(_ store: SQLiteLedgerStore) throws -> [String] {
        try [
            "SELECT group_concat(c, ';') FROM (SELECT id || code || name || contact || phone || email || address || "
                + "region || channel || customer_class || COALESCE(credit_limit, '-') || payment_terms || currency || "
                + "pinyin || pinyin_initials AS c FROM customer ORDER BY id)",
            "SELECT group_concat(id || keys, ';') FROM (SELECT * FROM customer_search_key ORDER BY id)",
            "SELECT COUNT(*) || '/' || COUNT(DISTINCT word) FROM customer_search_word",
            "SELECT COUNT(*) || '/' || COUNT(DISTINCT gram) FROM customer_search_gram",
            "SELECT group_concat(rowid || keys, ';') FROM (SELECT rowid, keys FROM customer_search ORDER BY rowid)",
            "SELECT COUNT(*) FROM audit_log",
        ].map { try store.scalar($0) ?? "" } + store.auditLog(filter: .all).map {
            [$0.command, $0.payload, $0.changes, $0.outcome].joined(separator: "|")
        }
    }

    /// 1,203 customers: names in Chinese and English, a credit limit on every third, a code with spaces around it.
    func commands() -> [CreateCustomer] {
        (1...1_203).map { i in
            var fields = CustomerFields(code: i == 7 ? "  K0007 " : "K\(i)",
                                        name: i % 2 == 0 ? "华东贸易\(i)有限公司" : "Acme Trading \(i) Co., Ltd.")
            fields.contact = "联系人\(i)"
            fields.region = "CN-33-01"
            fields.channel = ["DIRECT", "DEALER"][i % 2]
            if i % 3 == 0 { fields.creditLimit = Money(minorUnits: Int64(i) * 100_00, currency: .cny) }
            return CreateCustomer(fields)
        }
    }

    @Test func aListWritesWhatRunWritesOneByOne() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        // Two commands in the audit buffer first, so the list's slices end where an entry is full.
        let created = try service.runChunked { runner in
            try runner.run(CreateCustomer(CustomerFields(code: "A1", name: "甲")))
            try runner.run(CreateCustomer(CustomerFields(code: "A2", name: "乙")))
            return try runner.createCustomers(commands())
        }
        try otherService.runChunked { runner in
            try runner.run(CreateCustomer(CustomerFields(code: "A1", name: "甲")))
            try runner.run(CreateCustomer(CustomerFields(code: "A2", name: "乙")))
            for command in commands() { try runner.run(command) }
        }
        let chunk = try rows(store)
        #expect(chunk == (try rows(other)))
        #expect(created.count == 1_203 && created.first?.id == 4 && created.last?.id == 1_206)
        #expect(created[6].code == "K0007" && created[2].creditLimit?.minorUnits == 300_00)
        // One entry for OLD, one for the region class, then 1,000 and 205 lines.
        #expect(chunk[5] == "4" && chunk.count == 6 + 1 + 1 + 2 + 1_203)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        #expect(try store.scalar("SELECT COUNT(*) FROM bulk_suspend") == "0")
    }

    @Test func aRefusedCommandComesAfterTheOnesBeforeItAreWritten() throws {
        let (folder, store, service) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (otherFolder, other, otherService) = try ledger()
        defer { try? FileManager.default.removeItem(atPath: otherFolder) }
        for (list, issue) in [
            (["N1", "N2", " N1"], "code: customer code ' N1' is already used"),
            (["M1", "OLD"], "code: customer code 'OLD' is already used"),
        ] {
            let list = list.map { CreateCustomer(CustomerFields(code: $0, name: "客户\($0)")) }
            var chunkError: LedgerError?, oneError: LedgerError?
            try service.runChunked { runner in
                do { try runner.createCustomers(list) } catch let error as LedgerError { chunkError = error }
            }
            try otherService.runChunked { runner in
                do { for command in list { try runner.run(command) } } catch let error as LedgerError {
                    oneError = error
                }
            }
            #expect(chunkError?.fieldIssues.map { "\($0.path): \($0.message)" } == [issue])
            #expect(chunkError?.fieldIssues == oneError?.fieldIssues)
        }
        #expect(try rows(store) == rows(other))
        #expect(try store.scalar("SELECT group_concat(code, ' ') FROM (SELECT code FROM customer ORDER BY id)")
                == "OLD N1 N2 M1")
        // A bad field is the command's own error, with its other issues.
        let error = #expect(throws: LedgerError.self) {
            try service.runChunked { try $0.createCustomers([CreateCustomer(CustomerFields(code: "OLD", name: ""))]) }
        }
        #expect(error?.fieldIssues.map(\.path) == ["name", "code"])
    }

    @Test func receiptsComeInPostingOrder() {
        let numbers = ["INV-2026-000010", "INV-2026-999999", "INV-2026-1000000", "INV-2025-000001", "CN-2026-000001"]
        var receipts: [PlannedReceipt] = []
        for i in 0..<500 {
            let day = CivilDate(iso: "2026-01-01")!.adding(days: (i * 7919) % 37)
            receipts.append(PlannedReceipt(day, Int32(i), numbers[(i * 31) % numbers.count], Int64(i)))
        }
        let order = PlannedReceipt.postingOrder(receipts).map { Int($0) }
        let sorted = receipts.indices.sorted {
            (receipts[$0].day, receipts[$0].number, $0) < (receipts[$1].day, receipts[$1].number, $1)
        }
        #expect(order == sorted)
        #expect(Set(order).count == 500)
        #expect(PlannedReceipt.postingOrder([]).isEmpty)
        // Independently: 2026-01-01's receipts (14) by number as text: "INV-2026-1000000" before "…-999999".
        let first = order.prefix { receipts[$0].day == receipts[order[0]].day }.map { receipts[$0].number }
        #expect(first.count == 14 && receipts[order[0]].day == Int32(CivilDate(iso: "2026-01-01")!.daysSinceEpoch))
        #expect(first.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == [
            "CN-2026-000001", "INV-2025-000001", "INV-2026-000010", "INV-2026-1000000", "INV-2026-999999"])
    }
}

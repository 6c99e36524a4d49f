import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerStore

/// Issue 10: an interrupted chunked load can be abandoned (`sample generate --abandon`): its marker goes, what it
/// committed stays (posted, sealed, audited), the abandon is an audited command of a manager, and a load with other
/// options may then run.
@Suite struct AbandonBulkLoadTests {
    let today = CivilDate(iso: "2026-06-30")!
    struct Stop: Error {}

    func generator(invoices: Int, stop: Bool = false) throws -> SampleGenerator {
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        var generator = SampleGenerator(language: .zh, customers: 12, invoices: invoices, seed: 3, today: today,
                                        cities: cities)
        if stop { generator.progress = { phase, done, _ in if phase == "invoices" && done == 1_000 { throw Stop() } } }
        return generator
    }

    @Test func abandonKeepsTheCommittedChunksAndDropsTheMarker() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("abandon-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteLedgerStore(path: folder + "/ledger.sqlite")
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "boss", role: .manager)
        #expect(throws: LedgerError.self) {
            try service.runChunked(commandsPerCommit: 200) { try generator(invoices: 1_500, stop: true).load(into: $0) }
        }
        let committed = try #require(Int(try store.scalar("SELECT invoices_done FROM bulk_load") ?? ""))
        #expect(committed > 0 && committed < 1_000)
        let documents = try store.scalar("SELECT COUNT(*) FROM document")

        // A clerk may not abandon it; nothing changes.
        let clerk = LedgerService(store: store, clock: FixedClock(today), actor: "clerk", role: .clerk)
        #expect(throws: LedgerError.self) { try clerk.run(AbandonBulkLoad(load: SampleGenerator.loadName)) }
        #expect(try store.interruptedLoad(name: SampleGenerator.loadName) != nil)

        let marker = try service.run(AbandonBulkLoad(load: SampleGenerator.loadName))
        #expect(marker.invoicesDone == committed)
        #expect(marker.parameters == (try generator(invoices: 1_500)).parameters)
        #expect(try store.interruptedLoad(name: SampleGenerator.loadName) == nil)
        // The committed documents stay, posted; the books are still sound and sealed.
        #expect(try store.scalar("SELECT COUNT(*) FROM document") == documents)
        #expect(try store.scalar("SELECT COUNT(*) FROM document WHERE kind = 'invoice' AND status = 'posted'")
                == String(committed))
        #expect(try store.recomputeMaintainedBalances().isEmpty)
        #expect(try store.verifyAuditChain() == nil)
        // The abandon is in the audit log with the marker it removed.
        let entry = try #require(try store.scalar(
            "SELECT outcome FROM audit_log WHERE command = 'bulk_load.abandon' ORDER BY seq DESC LIMIT 1"))
        #expect(entry == "abandoned sample generate (\(marker.parameters)) after \(committed) invoices and 0 receipts")
        #expect(try store.scalar("SELECT changes FROM audit_log WHERE command = 'bulk_load.abandon'")?
                    .contains("invoicesDone\\\":\(committed),") == true)

        // Nothing left to abandon: refused with a message naming it.
        #expect(throws: LedgerError.refused("no interrupted sample generate in this ledger: nothing to abandon")) {
            try service.run(AbandonBulkLoad(load: SampleGenerator.loadName))
        }
        // A load with other options is no longer refused (it reuses the generated customers and products).
        let report = try service.runChunked(commandsPerCommit: 200) { try generator(invoices: 40).load(into: $0) }
        #expect(report.invoices == 40)
        #expect(try store.recomputeMaintainedBalances().isEmpty)
    }
}

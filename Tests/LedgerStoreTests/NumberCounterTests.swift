import LedgerCore
import LedgerStore
import Testing

/// s15-gen: `nextNumber` keeps the last number per series and year inside the transaction and writes it back with
/// a plain update. The numbers stay gapless across transactions, and a counter raised in the same transaction (a
/// restore's number floors) is read again, never overtaken by the kept value.
@Suite struct NumberCounterTests {
    @Test func numbersGoOnAcrossTransactionsAndAfterARaise() throws {
        let ledger = try TestLedger()
        let first = try ledger.store.write { tx in
            [try tx.nextNumber(series: "INV", year: 2026), try tx.nextNumber(series: "INV", year: 2026),
             try tx.nextNumber(series: "RCT", year: 2026), try tx.nextNumber(series: "INV", year: 2025)]
        }
        #expect(first == [1, 2, 1, 1])
        let second = try ledger.store.write { tx in
            let next = try tx.nextNumber(series: "INV", year: 2026)
            let before = try tx.raiseNumberCounter(series: "INV", year: 2026, atLeast: 40)
            return [next, before, try tx.nextNumber(series: "INV", year: 2026)]
        }
        #expect(second == [3, 3, 41])
        let counters = try ledger.store.numberSeriesCounters().map { "\($0.series) \($0.year) \($0.lastNumber)" }
        #expect(counters == ["INV 2025 1", "INV 2026 41", "RCT 2026 1"])
    }

    @Test func aRolledBackTransactionLeavesTheCounter() throws {
        let ledger = try TestLedger()
        struct Stop: Error {}
        _ = try ledger.store.write { tx in try tx.nextNumber(series: "INV", year: 2026) }
        #expect(throws: Stop.self) {
            try ledger.store.write { tx -> Int in
                _ = try tx.nextNumber(series: "INV", year: 2026)
                throw Stop()
            }
        }
        #expect(try ledger.store.write { tx in try tx.nextNumber(series: "INV", year: 2026) } == 2)
    }
}

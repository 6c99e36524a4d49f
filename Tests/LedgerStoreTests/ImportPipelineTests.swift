import Foundation
import LedgerCore
@testable import LedgerInterop
import LedgerStore
import Testing

/// s33-import: the file read on a second thread (`ReaderThread`), the staged rows read back on one, and a name's
/// look-up kept across staging chunks until the import creates another customer of that name.
@Suite struct ImportPipelineTests {
    private struct Broken: Error, Equatable { let at: Int }

    @Test func itemsComeInOrderThenTheErrorWithABoundedQueue() throws {
        let reader = ReaderThread<Int>(name: "test", capacity: 3) { put in
            for i in 0..<10_000 { try put(i) }
            throw Broken(at: 10_000)
        }
        defer { reader.close() }
        var taken: [Int] = []
        do {
            while let item = try reader.next() { taken.append(item) }
            Issue.record("no error after the items")
        } catch let error as Broken {
            #expect(error == Broken(at: 10_000))
        }
        #expect(taken == Array(0..<10_000))
        #expect(try reader.next() == nil)
    }

    @Test func closingEarlyStopsTheProducer() throws {
        final class Count: @unchecked Sendable { var value = 0 }
        let count = Count()
        let reader = ReaderThread<Int>(name: "test", capacity: 2) { put in
            for i in 0..<1_000_000 {
                try put(i)
                count.value += 1
            }
        }
        #expect(try reader.next() == 0)
        #expect(try reader.next() == 1)
        reader.close()
        // Two taken and at most two more made before the refused one: the producer stopped, not ran to the end.
        #expect(count.value <= 5)
        reader.close()
    }

    @Test func fileErrorsComeAfterTheRowsBeforeThem() throws {
        // An unclosed quote at the end: the rows before it are checked, then the error names the row.
        var good = "date,number,customer,amount\n"
        for i in 1...3_000 { good += "2025-06-01,N-\(i),Buyer \(i % 7),10.00\n" }
        let text = good + "2025-06-01,N-x,\"open,10.00\n"
        let error = #expect(throws: InteropError.self) {
            _ = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "s.csv"), kind: .sales,
                               settings: ImportSettings())
        }
        #expect(error?.message == "row 3002: a quoted field is not closed")
        var progress: [Int] = []
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(good.utf8), source: "s.csv"),
                                  kind: .sales, settings: ImportSettings()) { read, _ in progress.append(read) }
        #expect(plan.staging.count == 3_000 && plan.rejected.isEmpty)
        #expect(!progress.isEmpty && progress == progress.sorted())
    }

    @Test func aNameTheImportGivesASecondCustomerIsRefusedInLaterChunks() throws {
        let l = try TestLedger()
        try l.customer("K1", "Known")
        try l.customer("S1", "Solo")
        // Even rows name Solo only (S1 while it is the only one); one row gives code SOLO-2 with the name Solo, so
        // from the chunk that creates SOLO-2 on, Solo names two customers and its name-only rows are refused. (Not S2:
        // an unknown code shaped like S1 with a known name is refused as a typo since s35-fix.)
        let second = ImportStaging.bufferCapacity + 100
        var text = "date,number,customer_code,customer_name,amount\n"
        let rows = ImportStaging.bufferCapacity * 2 + 300
        for i in 1...rows {
            let who = i == second ? "SOLO-2,Solo" : (i % 2 == 0 ? ",Solo" : "K1,Known")
            text += "2025-06-\(i % 28 + 1),R-\(i),\(who),\(i % 90 + 10).00\n"
        }
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "solo.csv")
        let result = try DataImport(file: file, kind: .sales, settings: ImportSettings())
            .run(service: l.service, dryRun: true)
        let refused = result.rejected.map(\.row)
        let message = "customer name 'Solo' matches 2 customers (S1, SOLO-2): give the customer code"
        #expect(result.rejected.allSatisfy { $0.problems.map(\.message) == [message] })
        // Rows are file rows (header = 1): data row i is file row i + 1. SOLO-2 waits with the chunk of invoices it
        // belongs to (1,000 at most), so rows up to that chunk's end still go to S1; every later Solo row is refused.
        let firstRefused = try #require(refused.first)
        #expect(firstRefused > second + 1 && firstRefused <= second + 1 + 2 * SalePosting.chunkRows)
        #expect(refused == Array(stride(from: firstRefused, through: rows + 1, by: 2)))
    }
}

import Foundation
import LedgerCore
@testable import LedgerInterop
import Testing

/// s33-import: the file read on a second thread (`ReaderThread`) and the staged rows read back on one.
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
        // Two taken, at most two waiting, one refused: the producer stopped instead of running to the end.
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
}

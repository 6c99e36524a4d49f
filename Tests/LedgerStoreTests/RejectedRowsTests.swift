import Foundation
import LedgerCore
@testable import LedgerInterop
import LedgerStore
import Testing

/// Rejected rows of an import are bounded in memory (issue 15): they spill to a temporary file like staged rows, the
/// report keeps the first 100, and the rejected-rows CSV still lists every one, in row order.
@Suite struct RejectedRowsTests {
    @Test func manyBadRowsSpillAndTheCSVListsAll() throws {
        var text = "sku,name,unit_price,tax_rate\n"
        for i in 1...12_000 { text += "S\(i),Item \(i),\(i % 3 == 0 ? "12.50" : "x\(i)"),13\n" }
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "p.csv", headerStart: nil)
        let plan = try DataImport(file: file, kind: .products, settings: ImportSettings())
        #expect(plan.rejected.count == 8_000 && plan.staging.count == 4_000)
        #expect(plan.rejected.first.count == RejectedRows.keptInMemory && plan.problems.count == 100)
        #expect(plan.rejected.spilledRows >= 4_096 && plan.rejected.peakBufferedRows <= ImportStaging.bufferCapacity)
        var lines: [String] = []
        try plan.writeRejectedCSV(style: .raw) { lines.append($0) }
        #expect(lines.count == 8_001 && lines[0] == "row,problems,sku,name,unit_price,tax_rate\n")
        #expect(lines[1].hasPrefix("2,\"row 2, column unit_price: ") && lines[1].hasSuffix(",S1,Item 1,x1,13\n"))
        #expect(lines[8_000].hasSuffix(",S11999,Item 11999,x11999,13\n"))
    }

    @Test func fileAndLedgerRejectsMergeInRowOrder() throws {
        func rows(_ numbers: [Int]) throws -> RejectedRows {
            let out = RejectedRows()
            for n in numbers {
                try out.append(DataImport.Rejected(row: n, cells: ["c\(n)"],
                                                   problems: [ImportProblem(row: n, column: "x", message: "bad \(n)")]))
            }
            return out
        }
        let merged = try RejectedRows.merged(try rows(Array(stride(from: 2, to: 9_000, by: 2))),
                                             try rows(Array(stride(from: 3, to: 9_000, by: 2))))
        #expect(merged.map(\.row) == Array(2..<9_000))
        #expect(merged[5].cells == ["c7"] && merged[5].problems.map(\.description) == ["row 7, column x: bad 7"])
        #expect(try merged.filtered { $0.row % 1_000 == 0 }.map(\.row) == [1_000, 2_000, 3_000, 4_000, 5_000, 6_000,
                                                                           7_000, 8_000])
    }
}

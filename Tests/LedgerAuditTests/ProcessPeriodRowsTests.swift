@testable import LedgerAudit
import LedgerCore
import Testing

/// The compact row stores of the process metrics (issue 10): ids found by binary search, allocations in id order
/// whatever order they came in.
@Suite struct ProcessPeriodRowsTests {
    @Test func sortedIDsFindEveryIDAndNothingElse() {
        let ids = ProcessMetrics.SortedIDs([9, 3, 7, 3, 1])
        #expect(ids.ids == [1, 3, 7, 9])
        #expect(ids.index(of: 7) == 2)
        #expect(ids.index(of: 1) == 0)
        #expect(ids.index(of: 9) == 3)
        #expect(ids.index(of: 4) == nil && ids.index(of: 0) == nil && ids.index(of: 10) == nil)
        #expect(!ProcessMetrics.SortedIDs().contains(1))
    }

    @Test func allocationsOutOfOrderAreSortedWithTheirDays() throws {
        let day = { (text: String) in try #require(CivilDate(iso: text)) }
        var rows = ProcessMetrics.PeriodAllocations(keepsReceipts: true)
        rows.append(ProcessAllocation(id: 20, date: try day("2026-03-05"), receiptID: 7,
                                      receiptDate: try day("2026-03-01")))
        rows.append(ProcessAllocation(id: 10, date: try day("2026-02-10"), receiptID: 5,
                                      receiptDate: try day("2026-02-01")))
        rows.seal()
        #expect(rows.ids.ids == [10, 20])
        let first = rows.row(0)
        #expect(first.receiptID == 5 && first.ownDay - first.receiptDay == 9)
        let second = rows.row(1)
        #expect(second.receiptID == 7 && second.ownDay - second.receiptDay == 4)
    }

    @Test func actorMarksTellTheUserFromOthers() {
        var marks = ProcessMetrics.ActorMarks(count: 3)
        marks.set(0, actor: "clerk1", user: "clerk1")
        marks.set(2, actor: "clerk2", user: "clerk1")
        #expect(marks[0] == .user && marks[1] == .unknown && marks[2] == .other)
    }
}

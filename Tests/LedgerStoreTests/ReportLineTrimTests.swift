import LedgerReports
import Testing

/// s31-audit: a text table line writes padding only before a non-empty cell (the audit log's wide records column
/// padded every line only for the spaces to be trimmed one by one). The lines are the same: cells padded to
/// their column, two spaces apart, no trailing spaces.
@Suite struct ReportLineTrimTests {
    @Test func trailingEmptyCellsAndPaddingLeaveNoSpaces() {
        let table = ReportTable(name: "t", columns: [ReportColumn("seq", .count), ReportColumn("records", .text),
                                                     ReportColumn("changes", .text)],
                                rows: [[.count(1), .text("+invoice#1 +allocation#2"), .text("")],
                                       [.count(12), .text("+receipt#3"), .text("")],
                                       [.count(3), .text(""), .text("status: posted → void")],
                                       [.count(4), .text("x  "), .text("")]])
        #expect(ReportRenderer.text(table) == """
            seq  records                   changes
            ---  ------------------------  ---------------------
              1  +invoice#1 +allocation#2
             12  +receipt#3
              3                            status: posted → void
              4  x

            """)
    }

    @Test func rightAlignedLastColumnKeepsItsPadding() {
        let table = ReportTable(name: "t", columns: [ReportColumn("name", .text), ReportColumn("n", .count)],
                                rows: [[.text("客户"), .count(7)], [.text(""), .empty], [.text("a b"), .count(12345)]])
        #expect(ReportRenderer.text(table) == """
            name      n
            ----  -----
            客户      7

            a b   12345

            """)
    }
}

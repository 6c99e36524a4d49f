import LedgerCore
import LedgerReports
import Testing

/// Tryout s30: an empty `report fapiao invoiced-unpaid` printed its header alone, where the TUI's table says
/// "(no rows)". The text form of any report — whole or streamed — says so under its header; CSV and JSON keep
/// their header alone (programs read them).
struct EmptyReportTextTests {
    static let table = ReportTable(name: "empty", columns: [ReportColumn("customer", .text, en: "Customer", zh: "客户"),
                                                            ReportColumn("open", .money, en: "Open", zh: "应收余额")])

    func streamed(_ format: ReportFormat, chinese: Bool) throws -> String {
        var out = ""
        try ReportStream(table: Self.table, format: format, chinese: chinese)
            .write(rows: { _ in }, output: { out += $0 })
        return out
    }

    @Test func aTextTableWithoutRowsSaysSo() throws {
        for chinese in [false, true] {
            let whole = ReportRenderer.text(Self.table, chinese: chinese).split(separator: "\n").map(String.init)
            #expect(whole.count == 3)
            #expect(whole.last == (chinese ? "（无数据）" : "(no rows)"))
            #expect(try streamed(.table, chinese: chinese) == whole.joined(separator: "\n") + "\n")
        }
        #expect(try !streamed(.csv, chinese: false).contains("no rows"))
        #expect(try !streamed(.json, chinese: true).contains("无数据"))
    }
}

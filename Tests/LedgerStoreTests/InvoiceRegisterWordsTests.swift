import LedgerCore
import LedgerReports
import Testing

/// `invoice list --lang zh` printed the machine words `invoice`, `credit_note` and `posted` in its Chinese table
/// (session-16 tryout): a Chinese text table names the kind and status in the glossary's words; CSV keeps the
/// machine words (programs and `import` read them).
struct InvoiceRegisterWordsTests {
    @Test func kindAndStatusInBothLanguages() throws {
        let day = try #require(CivilDate(iso: "2026-11-02"))
        let rows = [(DocumentKind.invoice, DocumentStatus.posted, "INV-1"), (.creditNote, .void, "CN-1"),
                    (.invoice, .draft, "INV-2")].enumerated().map { i, r in
            InvoiceListRow(id: Int64(i), number: r.2, kind: r.0, status: r.1, date: day, dueDate: day,
                           customerCode: "C001", customerName: "北京星河", total: Money(minorUnits: 100, currency: .cny),
                           open: 100)
        }
        let table = InvoiceRegisterTable.make(rows)
        let zh = ReportRenderer.text(table, chinese: true).split(separator: "\n").map(String.init)
        #expect(zh.contains { $0.contains("INV-1") && $0.contains("销售单") && $0.contains("已过账") })
        #expect(zh.contains { $0.contains("CN-1") && $0.contains("红字冲销单") && $0.contains("已作废") })
        #expect(zh.contains { $0.contains("INV-2") && $0.contains("草稿") })
        #expect(!zh.joined().contains("posted") && !zh.joined().contains("credit_note"))
        let csv = ReportRenderer.render(table, .csv)
        #expect(csv.contains("INV-1,invoice,posted,") && csv.contains("CN-1,credit_note,void,"))
    }
}

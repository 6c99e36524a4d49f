import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s14: `c` on today's sales (F3, ^L) reversed the whole invoice after asking only for a reason. The question
/// now says it reverses every line not yet credited, with the invoice total, and names F9's credit by line; the
/// message after names the credit note's amount.
@Suite struct TodaysSalesCreditTests {
    @Test(arguments: [Language.en, .zh]) func theCreditQuestionSaysWhatItReverses(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 30), seedLedger: FapiaoEntryTests.seed)
        h.press(.ctrl("l"), .char("c"))
        let text = h.text.replacingOccurrences(of: "\n", with: "")
        #expect(h.text.contains("1,130.00"), "the invoice total is shown\n\(h.text)")
        #expect(text.contains(language == .en ? "not yet credited" : "全部尚未冲销的行"), "\(h.text)")
        h.type("damaged")
        h.press(.enter)
        #expect(h.text.contains("CN-2026-000001") && h.text.contains("1,130.00"), "\(h.text)")
        let open = try h.store.invoices(filter: InvoiceFilter(customerCode: "C1"), page: PageRequest(limit: 5))
        #expect(open.first { $0.number == "INV-2026-000001" }?.open == 0)
    }
}

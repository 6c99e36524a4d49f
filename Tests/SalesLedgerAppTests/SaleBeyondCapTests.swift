import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s33-fix (tryout): a sale whose document total is over the ledger's cap (`LedgerLimits`, 10,000,000,000,000.00)
/// was refused only after the user had confirmed the "please check" warnings; now the refusal comes first and no
/// question is asked about a sale that cannot be saved.
@Suite struct SaleBeyondCapTests {
    /// Two lines of P004 at 99,999,999 × 80,000.00 (+13 %): 9,039,999,909,600.00 each, over the cap together.
    @Test(arguments: [Language.en, .zh])
    func theCapIsSaidBeforeAnyQuestion(language: Language) throws {
        var h = try SalesEntryTryoutTests.atFirstLine(language)
        for line in 0..<2 {
            if line > 0 { h.press(.ctrl("n")) }
            h.type("P004"); h.press(.enter)
            h.type("99999999"); h.press(.tab)
            h.type("80000"); h.press(.tab)
        }
        h.press(.function(2))
        #expect(!h.text.contains(language == .en ? "Please check" : "请核对"), "\(h.text)")
        #expect(!h.text.contains(language == .en ? "Credit check" : "信用检查"), "\(h.text)")
        let cap = language == .en ? "document total is too large (at most 10,000,000,000,000.00)"
                                  : "单据合计过大（最多 10,000,000,000,000.00）"
        #expect(h.app.salesEntry.errors.values.contains(cap), "\(h.app.salesEntry.errors)")
        #expect(try h.context.store.summary().invoices == 0)
    }
}

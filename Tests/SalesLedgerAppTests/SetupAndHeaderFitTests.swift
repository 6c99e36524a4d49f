import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Tryout s33 layout findings: after the set-up wizard the status line at 80×24 was cut
/// (`… set up. Add your first products (a), then customers (F4,~`); F4 at 200×50 cut its last header
/// (`12-month sa~`) beside a name column with ~90 empty columns.
@Suite struct SetupAndHeaderFitTests {
    @Test(arguments: [Language.en, .zh])
    func theNextStepAfterSetUpFitsAt80Columns(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24))
        h.app.modals.push(SetupModal(wizard: SetupWizard(context: h.context)))
        h.type(language == .zh ? "重庆山城贸易集团股份有限公司华东分公司" : "Riverside Supplies Trading Company Limited")
        h.press(.ctrl("s"))
        #expect(h.app.modals.first(SetupModal.self) == nil)
        let status = h.screen()[22]
        let expected = language == .zh ? "账套已设置。下一步：新增商品（a），再新增客户（F4，a）。"
                                        : "Ledger set up. Next: products (a), then customers (F4, a)."
        #expect(status.contains(expected), "\(h.text)")
        #expect(!status.contains("~"), "\(status)")
    }

    @Test(arguments: [Language.en, .zh])
    func customerHeadersGetTheirWidthAt200Columns(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 200, height: 50), seedLedger: seedGenerated)
        h.press(.function(4))
        let s = Strings(language)
        let header = try #require(h.screen().first { $0.contains(s.balance) && $0.contains(s.overdue) }, "\(h.text)")
        for title in [s.code, s.name, s.customerClass, s.region, s.channel, s.lastPurchase, s.sales12] {
            #expect(header.contains(title), "\(title) in \(header)")
        }
        #expect(!header.contains("~"), "\(header)")
    }
}

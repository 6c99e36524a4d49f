import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s14-search, tryout findings: English left in the Chinese UI. Codes in capitals (`RETAIL`, `NET30`) pass
/// `ChineseEverywhereTests`, so these look for the words themselves on the cell grid, at 80×24 and 200×50.
@Suite struct ChineseCodesTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 50)]
    static let channelCodes = ["DIRECT", "DEALER", "ONLINE", "RETAIL"]

    @Test(arguments: sizes)
    func salesEntryNamesTheTermsAndTheChannel(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        let customer = try #require(try h.store.customerList(filter: ClassFilter(), asOf: h.context.today,
                                                             sort: CustomerSort(), page: PageRequest(limit: 1)).first)
        let full = try #require(try h.store.customer(code: customer.code))
        h.type(customer.code)
        h.press(.enter)
        #expect(h.app.salesEntry.customer?.code == customer.code)
        let s = h.context.strings
        #expect(h.text.contains(s.termsName(full.paymentTerms)), "\(h.text)")
        let channelRow = try #require(h.screen().first { $0.contains(s.channel + " ") && $0.contains(full.channel) })
        #expect(channelRow.contains(s.channelName(full.channel)), "\(channelRow)")
        #expect(s.channelName(full.channel) != full.channel)
    }

    @Test(arguments: sizes)
    func channelBarsAreNamed(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        h.press(.function(6), .char("d"), .char("d"))   // the sales-by chart, then its next dimension: channel
        #expect(h.app.charts.dimensionIndex == 1)
        let text = h.text
        for code in Self.channelCodes { #expect(!text.contains(code), "\(code) on F6:\n\(text)") }
        #expect(["直销", "经销商", "线上", "零售"].contains { text.contains($0) }, "\(text)")
    }

    @Test(arguments: sizes)
    func classDimensionsAreNamed(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        h.press(.function(4), .char("f"))
        let text = h.text
        #expect(!text.contains("payment_risk") && !text.contains("rfm_segment"), "\(text)")
        #expect(text.contains("回款风险") && text.contains("RFM 客户细分"), "\(text)")
    }

    @Test(arguments: sizes)
    func auditLogNamesTheCommands(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        h.press(.function(11), .tab)                     // findings → log
        #expect(h.app.audit.panel == .log)
        let text = h.text
        for machine in ["receipt.record", "invoice.post", "customer.create", "+receipt#", "allocation#"] {
            #expect(!text.contains(machine), "\(machine) on F11:\n\(text)")
        }
        // The receipt by its number, not its row id (s16-fix).
        #expect(text.contains("登记收款单") && text.contains("RCT-") && !text.contains("收款单#"), "\(text)")
    }

    @Test func theTooSmallNoticeIsChinese() throws {
        let h = try AppHarness(language: .zh, size: Size(width: 60, height: 20), seedLedger: seedGenerated)
        let backend = InMemoryBackend(size: Size(width: 60, height: 20))
        Runtime(backend: backend).renderFrame(h.app)
        let text = backend.lines.joined(separator: "\n")
        #expect(text.contains("终端窗口太小"), "\(text)")
        #expect(!text.contains("terminal too small"))
    }
}

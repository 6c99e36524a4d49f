import Testing
import TerminalUI
@testable import SalesLedgerApp

/// Every function-key tab is visible (and so reachable) at every width from 80 columns, in both languages: labels
/// narrow first, nothing is dropped (issues 12 and 14).
@Suite struct ScreenTabsTests {
    static let keys = ["F3", "F4", "F5", "F6", "F7", "F8", "F9", "F11"]

    @Test(arguments: [Language.en, .zh], [80, 90, 100, 120, 160])
    func everyTabIsVisible(language: Language, width: Int) throws {
        var h = try AppHarness(language: language, size: Size(width: width, height: 24), seedLedger: seedGenerated)
        for (index, key) in Self.keys.enumerated() {
            h.press(.function(Int(key.dropFirst())!))
            let bar = h.screen()[1]
            for other in Self.keys {
                #expect(bar.contains(other + " ") || bar.hasSuffix(other) || bar.contains(other + "\u{20}"),
                        "\(language) \(width): \(other) missing when \(key) is active: \(bar)")
            }
            // The active tab keeps its full name.
            let s = h.context.strings
            let names = [s.screenSalesEntry, s.screenCustomers, s.screenReceivables, s.screenCharts, s.screenReports,
                         s.screenProducts, s.screenDocuments, s.screenAudit]
            #expect(bar.contains("\(key) \(names[index])"), "\(language) \(width): \(bar)")
            #expect(DisplayWidth.of(bar.trimmingCharacters(in: .whitespaces)) <= width)
        }
    }

    @Test func narrowingStepsAreInOrder() {
        let tabs = ScreenTabs(keys: Self.keys, full: ["Sales entry", "Customers", "Receivables", "Charts", "Reports",
                                                      "Products", "Documents", "Audit"],
                              short: ["Sales", "Cust.", "A/R", "Chart", "Rep.", "Prod.", "Docs", "Audit"], selected: 2)
        #expect(tabs.bar(width: 200).padding == 1)
        #expect(tabs.bar(width: 100).padding == 0)
        #expect(tabs.bar(width: 100).titles[0] == "F3 Sales entry")
        #expect(tabs.bar(width: 80).titles == ["F3 Sales", "F4 Cust.", "F5 Receivables", "F6 Chart", "F7 Rep.", "F8 Prod.",
                                               "F9 Docs", "F11 Audit"])
        let narrow = tabs.bar(width: 40).titles
        #expect(narrow.count == 8)
        #expect(narrow[2] == "F5 Receivables")
        #expect(TabBar.width(of: narrow, padding: 0) <= 40)
    }
}

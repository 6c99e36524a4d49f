import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 12: no number is ever cut. Every screen (and its sub-views) at 80×24 and 200×50, in Chinese and English:
/// no cell run shows digits followed by the ellipsis `~` (a money value cut short, like `141,414,636.~`).
@Suite struct NothingCutTests {
    static func cutNumbers(in lines: [String]) -> [String] {
        lines.flatMap { line in line.matches(of: /[0-9][0-9,.]*~/).map { String($0.output) } }
    }

    @Test(arguments: [Language.zh, .en], [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func noMoneyIsCutOnAnyScreen(language: Language, size: Size) throws {
        var h = try AppHarness(language: language, size: size, seedLedger: seedGenerated)
        var found: [String: [String]] = [:]
        func look(_ name: String) {
            let cut = Self.cutNumbers(in: h.screen())
            if !cut.isEmpty { found[name] = cut }
        }
        for screen in [3, 4, 5, 6, 7, 8, 9, 11] {
            h.press(.function(screen))
            look("F\(screen)")
        }
        h.press(.function(7))
        for tab in 1...2 { h.press(.tab); look("F7 tab \(tab)") }
        h.press(.function(6))
        for tab in 1...3 { h.press(.tab); look("F6 tab \(tab)") }
        h.press(.function(4), .enter)
        look("customer detail")
        h.press(.char("s"))
        look("statement")
        #expect(found.isEmpty, "numbers cut at \(size.width)×\(size.height) \(language): \(found.sorted { $0.key < $1.key })")
    }
}

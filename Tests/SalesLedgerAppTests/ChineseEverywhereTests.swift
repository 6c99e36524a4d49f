import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 12: in the Chinese UI no screen shows English words. Codes (all capitals and digits: CNY, INV-2026-…,
/// C0001, CN-15-06, F1…), numbers and the ledger's file name are allowed; any other ASCII word of 2+ letters fails.
@Suite struct ChineseEverywhereTests {
    /// Key names as printed on keyboards (also in Chinese software).
    static let keyNames: Set<String> = ["Tab", "Enter", "Esc", "Bksp", "Del", "Ins", "Home", "End", "PgUp", "PgDn", "Space"]
    /// SI unit symbols, written so in Chinese too (a product's unit, the user's data).
    static let unitSymbols: Set<String> = ["kg", "ml", "cm", "mm", "km"]

    static func englishWords(in lines: [String]) -> [String] {
        var words = Set<String>()
        for line in lines {
            // The file name and e-mail addresses are the user's, not the UI's.
            let cleaned = line.replacing("test.sqlite", with: "").replacing(/[\w.+-]+@[\w.-]+/, with: "")
            for match in cleaned.matches(of: /[A-Za-z][A-Za-z]+/) {
                let word = String(match.output)
                if word.allSatisfy({ $0.isUppercase || $0.isNumber }) { continue }   // a code
                if Self.keyNames.contains(word) { continue }   // printed on the keys themselves
                if Self.unitSymbols.contains(word) { continue }
                words.insert(word)
            }
        }
        return words.sorted()
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 200, height: 50)])
    func everyScreenAndItsHelpAreChinese(size: Size) throws {
        var h = try AppHarness(language: .zh, size: size, seedLedger: seedGenerated)
        var found: [String: [String]] = [:]
        for screen in [3, 4, 5, 6, 7, 8, 9, 11] {
            h.press(.function(screen))
            let words = Self.englishWords(in: h.screen())
            if !words.isEmpty { found["F\(screen)"] = words }
            h.press(.function(1))
            let help = Self.englishWords(in: h.screen())
            if !help.isEmpty { found["F\(screen) help"] = help }
            h.press(.escape)
        }
        // Sub-views: today's sales, a customer's detail and statement, the receipt and follow-up forms.
        h.press(.function(3), .ctrl("l"))
        found["today's sales"] = Self.englishWords(in: h.screen())
        h.press(.escape, .function(4), .enter)
        found["customer detail"] = Self.englishWords(in: h.screen())
        h.press(.char("s"))
        found["statement"] = Self.englishWords(in: h.screen())
        h.press(.escape, .escape, .function(5), .char("l"))
        found["follow-up form"] = Self.englishWords(in: h.screen())
        found = found.filter { !$0.value.isEmpty }
        #expect(found.isEmpty, "English words on Chinese screens: \(found.sorted { $0.key < $1.key })")
    }
}

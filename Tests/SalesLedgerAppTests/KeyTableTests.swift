import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 9: the key table that dispatches keys is what the hint bar and the help overlay show. For each screen (and
/// each modal state reached from it), every key in the hint bar does something, and every key that does something
/// is in help.
@Suite struct KeyTableTests {
    /// Every key a user can press that could be a shortcut.
    static let candidates: [Key] = {
        var keys: [Key] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?+-. ".map { .char($0) }
        keys += "abdefghklnopqrstuvwxyz".map { .ctrl($0) }
        keys += [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter, .escape,
                 .backspace, .delete, .insert]
        return keys + (1...12).map { .function($0) }
    }()

    /// A text field's editing keys (TextInput): they move the cursor or delete while a field has focus.
    static let editing: Set<Key> = [.left, .right, .home, .end, .backspace, .delete, .ctrl("a"), .ctrl("e"),
                                    .ctrl("u"), .ctrl("k"), .ctrl("w"), .ctrl("d")]

    /// The digits that switch screens are documented in the screens line's help text, not as keys.
    static let documentedInText: Set<Key> = Set("12345678".map { .char($0) })

    /// The screen drawn (text and styles) and the cursor.
    static func frame(_ h: AppHarness) -> (CellBuffer, Point?) {
        var buffer = CellBuffer(size: h.size)
        let cursor = h.app.render(into: &buffer, context: RenderContext(size: h.size, supportsUnicode: true))
        return (buffer, cursor)
    }

    /// What a key changes: the screen drawn (a selection's highlight too), the cursor, or the outcome (quit).
    static func effect(of key: Key, on harness: AppHarness) -> Bool {
        var h = harness
        let before = frame(h)
        let outcome = h.send(.key(key))
        if case .quit = outcome { return true }
        let after = frame(h)
        return after.0 != before.0 || after.1 != before.1
    }

    /// The states checked: the screens whose keys are one table, and the modals opened on them.
    static func states() throws -> [(String, AppHarness)] {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30), seedLedger: seedGenerated)
        var out: [(String, AppHarness)] = []
        h.app.show(.customers)
        out.append(("customers", h))
        var detail = h
        detail.press(.enter)
        out.append(("customer detail", detail))
        var statement = detail
        statement.press(.char("s"))
        out.append(("statement", statement))
        h.app.show(.products)
        out.append(("products", h))
        h.app.show(.receivables)
        out.append(("receivables", h))
        h.press(.char("t"))
        out.append(("receivables overdue list", h))
        h.app.show(.documents)
        out.append(("documents", h))
        var document = h
        document.press(.enter)
        out.append(("document", document))
        h.app.show(.charts)
        out.append(("charts", h))
        h.app.show(.audit)
        out.append(("audit", h))
        h.press(.backTab)
        out.append(("audit confirmations", h))
        // Letters are written to the ledger: on a ledger of their own, so the other states see none.
        var sent = try AppHarness(language: .en, size: Size(width: 120, height: 30), seedLedger: seedGenerated)
        sent.app.show(.audit)
        sent.press(.backTab, .char("s"), .char("y"))
        out.append(("audit confirmations with letters", sent))
        var range = statement
        range.press(.char("r"))
        out.append(("statement range prompt", range))
        h.app.show(.reports)
        for kind in ReportsScreen.Kind.allCases {
            out.append(("reports \(kind)", h))
            if kind == .pivot {
                var drill = h
                drill.press(.enter)
                out.append(("pivot drill-down", drill))
            }
            h.press(.tab)
        }
        return out + (try salesStates()) + (try modalStates())
    }

    /// The allocation view (`k` on a customer with unapplied credit: each list, with and without a plan) and the
    /// receipt review (`i` on the receivables screen).
    static func modalStates() throws -> [(String, AppHarness)] {
        var allocation = try AllocationScreenTests.open(.en)
        var out = [("allocation", allocation)]
        allocation.press(.char("a"))
        out.append(("allocation planned", allocation))
        allocation.press(.tab)
        out.append(("allocation invoices", allocation))
        allocation.press(.tab)
        out.append(("allocation allocations", allocation))
        let review = try ReceiptReviewScreenTests.open(.en, Size(width: 120, height: 30))
        return out + [("receipt review", review)]
    }

    /// Sales entry: the form, today's sales (^L) and its void prompt, the drafts panel (^O, empty: `p` would
    /// write to the shared ledger).
    static func salesStates() throws -> [(String, AppHarness)] {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
            try SalesEntryTests.seed(service)
            try service.run(PostInvoice(customerCode: "C9002", date: service.clock.today(), lines: [
                LineInput(description: "goods", quantity: Quantity(1),
                          unitPrice: Money(minorUnits: 10_000, currency: .cny)),
            ]))
        }
        h.app.show(.salesEntry)
        var out = [("sales entry", h)]
        var line = h
        line.press(.ctrl("n"))
        out.append(("sales entry line", line))
        var unknown = h                                   // ^R: a customer that does not exist yet (tryout s30)
        unknown.type("nobody")
        out.append(("sales entry new customer", unknown))
        var list = h
        list.press(.ctrl("l"))
        out.append(("today's sales", list))
        var void = list
        void.press(.char("v"))
        out.append(("void reason", void))
        h.press(.ctrl("o"))
        out.append(("drafts", h))
        return out
    }

    @Test func everyHintedKeyDoesSomething() throws {
        for (name, h) in try Self.states() {
            for binding in h.app.keyBindings {
                let works = binding.keys.contains { Self.effect(of: $0, on: h) }
                #expect(works, "\(name): \(binding.keyText) \(binding.label) is in the hint bar but does nothing")
            }
        }
    }

    @Test func everyKeyThatActsIsInHelp() throws {
        for (name, h) in try Self.states() {
            let helped = Set(h.app.helpBindings.flatMap(\.keys))
            // While a text field has focus, printable keys are typed and the editing keys edit.
            let typing = h.app.currentScreen.capturesText
            for key in Self.candidates where !helped.contains(key) && !Self.documentedInText.contains(key) {
                if typing, case .char = key { continue }
                if typing, Self.editing.contains(key) { continue }
                let acts = Self.effect(of: key, on: h)
                #expect(!acts, "\(name): \(key) does something but help does not list it")
            }
        }
    }

    /// The help overlay lists no keys of its own: any key closes it (its footer says so).
    @Test func anyKeyClosesHelp() throws {
        let h = try AppHarness(language: .en, seedLedger: seedGenerated)
        for key in Self.candidates {
            var open = h
            open.press(.function(1))
            #expect(open.app.modals.top is HelpModal)
            open.press(key)
            #expect(open.app.modals.isEmpty, "\(key) should close help")
        }
    }
}

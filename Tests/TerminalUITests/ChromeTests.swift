import Testing
@testable import TerminalUI

@Suite struct ChromeTests {
    @Test func hintBarShowsKeysThatFit() {
        var buffer = CellBuffer(size: Size(width: 30, height: 1))
        let bindings = [KeyBinding(.function(2), "Save"), KeyBinding([.tab, .backTab], "Next field please"),
                        KeyBinding(.escape, "Back"), KeyBinding(.function(10), "Quit")]
        HintBar(bindings: bindings).render(into: &buffer, in: buffer.bounds)
        #expect(buffer.line(0) == "F2 Save Esc Back F10 Quit     ")
        #expect(buffer.roleLine(0) == "kkhhhhhhkkkhhhhhhkkkhhhhhhhhhh")
    }

    @Test func tabBarHighlightsActiveTab() {
        var buffer = CellBuffer(size: Size(width: 24, height: 1))
        let tabs = TabBar(titles: ["表单", "Table"], selected: 1)
        tabs.render(into: &buffer, in: buffer.bounds)
        #expect(buffer.line(0) == " 表单   Table           ")
        #expect(buffer.roleLine(0).prefix(14) == "tttttttAAAAAAA")
    }

    @Test func confirmDialogKeysAndDrawing() {
        var dialog = Dialog(title: "Discard?", message: "Discard changes to 北京星河?", kind: .confirm)
        #expect(dialog.handle(.key(.char("x"))) == .open)
        #expect(dialog.handle(.key(.char("n"))) == .declined)
        #expect(dialog.handle(.key(.enter)) == .confirmed)
        var buffer = CellBuffer(size: Size(width: 40, height: 9))
        dialog.render(into: &buffer, in: buffer.bounds, unicode: false)
        assertSnapshot(buffer.lines, named: "dialog.confirm.ascii.40x9")
        assertSnapshot(buffer.roleLines, named: "dialog.confirm.ascii.40x9.roles")
        #expect(buffer.lines.contains { $0.contains("[y] Yes   [n] No") })
    }

    @Test func pickerMovesAndPicks() {
        var dialog = Dialog(title: "Region", message: "Pick a region", kind: .picker(["华北", "华东", "华南"]))
        _ = dialog.handle(.key(.down))
        _ = dialog.handle(.key(.down))
        _ = dialog.handle(.key(.down))
        #expect(dialog.selection == 2)
        #expect(dialog.handle(.key(.enter)) == .picked(2))
        var empty = Dialog(title: "x", message: "", kind: .picker([]))
        #expect(empty.handle(.key(.enter)) == .dismissed)
        var message = Dialog(title: "Saved", message: "ok", kind: .message)
        #expect(message.handle(.key(.escape)) == .dismissed)
        // Too small an area draws nothing rather than trapping.
        var tiny = CellBuffer(size: Size(width: 3, height: 2))
        dialog.render(into: &tiny, in: tiny.bounds)
        #expect(tiny.lines == ["   ", "   "])
    }

    @Test func helpOverlayListsBindings() {
        var buffer = CellBuffer(size: Size(width: 50, height: 10))
        HelpOverlay(title: "Keys 按键", bindings: [KeyBinding(.function(2), "Save", help: "Save the invoice 保存"),
                                                  KeyBinding([.ctrl("u"), .ctrl("k")], "Clear", help: "Delete to start / end")])
            .render(into: &buffer, in: buffer.bounds)
        assertSnapshot(buffer.lines, named: "help.overlay.50x10")
        #expect(buffer.lines.contains { $0.contains("F2    Save the invoice 保存") })
        #expect(buffer.lines.contains { $0.contains("^U/^K Clear — Delete to start / end") })   // label, then help
    }

    @Test func keyBindingMatches() {
        let binding = KeyBinding([.char("q"), .function(10)], "Quit")
        #expect(binding.matches(.key(.function(10))))
        #expect(!binding.matches(.paste("q")))
        #expect(binding.keyText == "q/F10")
    }
}

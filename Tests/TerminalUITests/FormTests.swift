import Testing
@testable import TerminalUI

/// A strict demo money parser: digits, optional "," groups and up to 2 decimals → minor units.
@Sendable func parseMoney(_ text: String) -> Result<FieldValue, FieldIssue> {
    let trimmed = text.filter { $0 != "," && $0 != " " }
    if trimmed.isEmpty { return .success(.empty) }
    let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int64(parts[0]), parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isASCII)) else {
        return .failure(FieldIssue("not an amount (e.g. 1,234.50)"))
    }
    let cents = parts.count == 2 ? (Int64(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? -1) : 0
    guard cents >= 0 else { return .failure(FieldIssue("not an amount (e.g. 1,234.50)")) }
    return .success(.integer(whole * 100 + cents))
}

@Suite struct FormTests {
    private func makeForm() -> Form {
        Form(title: "New invoice 新发票", fields: [
            FormField(id: "customer", label: "Customer 客户", kind: .lookup(suggest: { text in
                ["北京星河科技有限公司", "北京大成贸易", "上海明远五金有限公司"].filter { $0.contains(text) }
            }), validators: [.required()]),
            FormField(id: "amount", label: "Amount", kind: .money, parse: parseMoney, validators: [.required(), .positive()]),
            .choice(id: "terms", label: "Terms", options: ["Net 30", "Net 60", "月结"]),
            FormField(id: "note", label: "Note", kind: .note(lines: 2)),
        ])
    }

    private func type(_ text: String, into form: inout Form) {
        for c in text { _ = form.handle(.key(.char(c))) }
    }

    @Test func submitOnlyWhenValidAndErrorsShowInlineAndInSummary() {
        var form = makeForm()
        #expect(form.handle(.key(.ctrl("s"))) == .none)
        #expect(form.hasTriedSubmit)
        #expect(form.focusIndex == 0)
        var buffer = CellBuffer(size: Size(width: 80, height: 14))
        form.render(into: &buffer, in: buffer.bounds)
        assertSnapshot(buffer.lines, named: "form.errors.80x14")
        #expect(buffer.line(2).contains("! required"))
        #expect(buffer.line(3).contains("! required"))
        #expect(buffer.line(8).hasPrefix("2 problems"))
        #expect(buffer.roleLine(2).contains("EEEEEEEEEE"))

        type("北京星河", into: &form)
        _ = form.handle(.key(.tab))
        type("12.3x", into: &form)
        #expect(form.handle(.key(.ctrl("s"))) == .none)
        #expect(form.fields[1].issue == FieldIssue("not an amount (e.g. 1,234.50)"))
        _ = form.handle(.key(.backspace))
        guard case .submitted(let values) = form.handle(.key(.ctrl("s"))) else {
            Issue.record("expected submit"); return
        }
        #expect(values["amount"] == .integer(1230))
        #expect(values["customer"] == .text("北京星河"))
        #expect(values["terms"] == .choice(0))
    }

    @Test func negativeAmountFailsPositiveRule() {
        var form = makeForm()
        _ = form.handle(.key(.tab))
        type("-5", into: &form)
        _ = form.handle(.key(.tab))
        #expect(form.fields[1].isTouched)
        #expect(form.fields[1].issue?.message == "must be greater than 0")
    }

    @Test func lookupSuggestionsAndEnterAccepts() {
        var form = makeForm()
        type("北京", into: &form)
        #expect(form.fields[0].suggestions == ["北京星河科技有限公司", "北京大成贸易"])
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.enter))
        #expect(form.fields[0].input.text == "北京大成贸易")
        #expect(form.focusIndex == 0)
        _ = form.handle(.key(.enter))
        #expect(form.focusIndex == 1)
    }

    @Test func choiceCyclesAndNoteTakesNewlines() {
        var form = makeForm()
        form.focus(2)
        _ = form.handle(.key(.right))
        _ = form.handle(.key(.right))
        #expect(form.fields[2].displayText == "月结")
        _ = form.handle(.key(.left))
        #expect(form.value(of: "terms") == .choice(1))
        _ = form.handle(.key(.tab))
        type("a", into: &form)
        _ = form.handle(.key(.enter))
        type("b", into: &form)
        #expect(form.fields[3].input.text == "a\nb")
        #expect(form.focusIndex == 3)
    }

    @Test func escapeAsksBeforeDiscarding() {
        var clean = makeForm()
        #expect(clean.handle(.key(.escape)) == .cancelled)
        var form = makeForm()
        type("x", into: &form)
        #expect(form.handle(.key(.escape)) == .none)
        #expect(form.discardDialog != nil)
        #expect(form.handle(.key(.char("n"))) == .none)
        #expect(form.discardDialog == nil)
        #expect(form.fields[0].input.text == "x")
        _ = form.handle(.key(.escape))
        var buffer = CellBuffer(size: Size(width: 80, height: 14))
        form.render(into: &buffer, in: buffer.bounds)
        #expect(buffer.lines.contains { $0.contains("Discard changes?") })
        #expect(form.handle(.key(.char("y"))) == .cancelled)
    }
}

@Suite struct TextInputTests {
    @Test func editingOverWideAndCombinedGraphemes() {
        var input = TextInput("北京Cafe\u{301}")
        #expect(input.cursor == 6)
        input.handle(.key(.backspace))                 // removes é as one grapheme
        #expect(input.text == "北京Caf")
        input.handle(.key(.home))
        input.handle(.key(.delete))                    // removes 北
        #expect(input.text == "京Caf")
        input.handle(.key(.right))
        input.handle(.key(.char("星")))
        #expect(input.text == "京星Caf")
        input.handle(.key(.ctrl("k")))
        #expect(input.text == "京星")
        input.handle(.paste("河\n科技"))
        #expect(input.text == "京星河 科技")
        input.handle(.key(.left))
        input.handle(.key(.ctrl("u")))
        #expect(input.text == "技")
        input.handle(.key(.end))
        input.handle(.key(.char("e")))
        input.handle(.key(.char("\u{301}")))          // combining mark typed separately joins
        #expect(input.text == "技e\u{301}")
        #expect(input.graphemes.count == 2)
    }

    /// s19 tryout: 10,000 characters typed one by one into a field (a paste without bracketed paste) are kept
    /// whole; the field shows the cells around the cursor.
    @Test func aTenThousandCharacterLineIsKeptAndScrolled() {
        var input = TextInput()
        let line = String(repeating: "0123456789", count: 999) + "012345678北"
        for c in line { input.handle(.key(.char(c))) }
        #expect(input.text == line && input.cursor == 10_000)
        var buffer = CellBuffer(size: Size(width: 10, height: 1))
        let end = input.render(into: &buffer, x: 0, y: 0, width: 10, style: Style(.input))
        #expect(buffer.lines[0] == "2345678北 ", "\(buffer.lines[0])")   // 9 cells, then the cursor's
        #expect(end == Point(x: 9, y: 0))
        input.handle(.key(.home))
        let start = input.render(into: &buffer, x: 0, y: 0, width: 10, style: Style(.input))
        #expect(buffer.lines[0] == "0123456789" && start == Point(x: 0, y: 0), "\(buffer.lines[0])")
    }

    @Test func cursorColumnCountsCells() {
        let input = TextInput("北京星河")
        var buffer = CellBuffer(size: Size(width: 20, height: 1))
        let cursor = input.render(into: &buffer, x: 2, y: 0, width: 10, style: Style(.input))
        #expect(cursor == Point(x: 10, y: 0))
        // Scrolled: the cursor stays inside a narrow field.
        let narrow = input.render(into: &buffer, x: 0, y: 0, width: 5, style: Style(.input))
        #expect(narrow.x <= 4)
    }
}

@Suite struct FormRobustnessTests {
    @Test func appChangingFieldsNeverTraps() {
        var form = Form(title: "t", fields: [FormField(id: "a", label: "A"), FormField(id: "b", label: "B")])
        form.focus(1)
        form.fields.removeLast()
        #expect(form.handle(.key(.char("x"))) == .none)
        #expect(form.fields[0].input.text == "x")
        form.fields.append(FormField(id: "c", label: "C"))
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.tab))
        #expect(form.focusIndex == 1)
        _ = form.keyBindings
        var empty = Form(title: "none", fields: [])
        #expect(empty.handle(.key(.enter)) == .none)
        #expect(empty.handle(.key(.escape)) == .cancelled)
        var buffer = CellBuffer(size: Size(width: 5, height: 2))
        form.render(into: &buffer, in: buffer.bounds)
        empty.render(into: &buffer, in: Rect(x: 0, y: 0, width: 0, height: 0))
    }
}

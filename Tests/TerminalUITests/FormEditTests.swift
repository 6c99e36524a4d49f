import Foundation
import Testing
@testable import TerminalUI

/// Counts calls of a parser (forms are Sendable: the counter is locked).
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    func hit(_ id: String) { lock.lock(); counts[id, default: 0] += 1; lock.unlock() }
    func count(_ id: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[id, default: 0] }
}

/// Tryout s30: a form validates the edited field once per edit (not every field on every key or frame), and a
/// prefilled money, quantity or date is replaced by the first typed character.
@Suite struct FormEditTests {
    static func form(_ counter: CallCounter, fields: Int = 12) -> Form {
        Form(title: "Big form", fields: (0..<fields).map { i in
            FormField(id: "f\(i)", label: "Field \(i)", kind: .money, text: i == 1 ? "500.00" : "",
                      parse: { text in counter.hit("f\(i)"); return parseMoney(text) }, validators: [.positive()])
        })
    }

    func type(_ text: String, into form: inout Form) {
        for c in text { _ = form.handle(.key(.char(c))) }
    }

    @Test func onlyTheEditedFieldIsValidatedOncePerEdit() {
        let counter = CallCounter()
        var form = Self.form(counter)
        #expect((0..<12).allSatisfy { counter.count("f\($0)") == 1 })       // each once when made
        var buffer = CellBuffer(size: Size(width: 80, height: 20))
        for c in "12.5x" {
            _ = form.handle(.key(.char(c)))
            form.render(into: &buffer, in: buffer.bounds)                  // a frame per key, as the app draws
            _ = form.isValid
            _ = form.visibleIssues
        }
        #expect(counter.count("f0") == 1 + 5)                              // one parse per edit of f0
        #expect((1..<12).allSatisfy { counter.count("f\($0)") == 1 }, "others were re-validated")
        #expect(form.fields[0].issue == FieldIssue("not an amount (e.g. 1,234.50)"))
        // Cursor moves do not re-validate; Backspace is an edit.
        _ = form.handle(.key(.left))
        _ = form.handle(.key(.right))
        #expect(counter.count("f0") == 6)
        _ = form.handle(.key(.backspace))
        #expect(counter.count("f0") == 7)
        #expect(form.fields[0].issue == nil)
        #expect(form.value(of: "f0") == .integer(1_250))
        // A value set by the app is validated when set.
        form.fields[3].input.setText("-1")
        #expect(counter.count("f3") == 2)
        #expect(form.fields[3].issue == FieldIssue("must be greater than 0"))
    }

    @Test func aPrefilledAmountIsReplacedByTheFirstTypedCharacter() {
        var form = Self.form(CallCounter())
        #expect(form.fields[1].isPrefilled && !form.fields[0].isPrefilled)
        _ = form.handle(.key(.tab))
        type("7", into: &form)
        #expect(form.fields[1].input.text == "7")
        type("5", into: &form)
        #expect(form.fields[1].input.text == "75")                          // then typing appends
        #expect(form.value(of: "f1") == .integer(7_500))
    }

    /// Tryout s30 (fix2): the product form's tax rate 13 became 138 when 8 was typed; a numeric text field is a cell
    /// too, a plain text field is not.
    @Test func aPrefilledPercentageIsReplacedButPlainTextIsNot() {
        var form = Form(title: "Product", fields: [
            FormField(id: "name", label: "Name", text: "Tea"),
            FormField(id: "tax", label: "Tax rate %", text: "13", numeric: true),
        ])
        #expect(!form.fields[0].isPrefilled && form.fields[1].isPrefilled)
        type("s", into: &form)
        #expect(form.fields[0].input.text == "Teas")
        _ = form.handle(.key(.tab))
        type("8", into: &form)
        #expect(form.fields[1].input.text == "8")
        type("5", into: &form)
        #expect(form.fields[1].input.text == "85")
    }

    @Test func backspaceOrAnArrowFirstKeepsThePrefilledText() {
        var form = Self.form(CallCounter())
        _ = form.handle(.key(.tab))
        _ = form.handle(.key(.backspace))
        type("5", into: &form)
        #expect(form.fields[1].input.text == "500.05")
        var other = Self.form(CallCounter())
        _ = other.handle(.key(.tab))
        _ = other.handle(.key(.home))
        type("1", into: &other)
        #expect(other.fields[1].input.text == "1500.00")
        // A paste replaces a prefilled value too.
        var pasted = Self.form(CallCounter())
        _ = pasted.handle(.key(.tab))
        _ = pasted.handle(.paste("88"))
        #expect(pasted.fields[1].input.text == "88")
    }

    @Test func aPrefilledDateOrQuantityBehavesTheSameAndTextDoesNot() {
        var form = Form(title: "t", fields: [
            FormField(id: "date", label: "Date", kind: .date, text: "2026-11-29"),
            FormField(id: "qty", label: "Qty", kind: .quantity, text: "1"),
            FormField(id: "name", label: "Name", text: "Acme"),
        ])
        type("2026-12-01", into: &form)
        _ = form.handle(.key(.tab))
        type("3", into: &form)
        _ = form.handle(.key(.tab))
        type(" Ltd", into: &form)
        #expect(form.fields.map(\.input.text) == ["2026-12-01", "3", "Acme Ltd"])
        // `prefill` marks an app's later value the same way.
        form.fields[1].prefill("4")
        _ = form.handle(.key(.backTab))
        type("9", into: &form)
        #expect(form.fields[1].input.text == "9")
    }

    /// Tryout s30: a value typed earlier was appended to when Tab came back to it. A number or date field entered
    /// again is replaced by the first typed character (a spreadsheet cell); a text field is still appended to, and
    /// Backspace first keeps the number to edit.
    @Test func aNumberTypedEarlierIsReplacedWhenTheFieldIsEnteredAgain() {
        var form = Form(title: "t", fields: [
            FormField(id: "amount", label: "Amount", kind: .money),
            FormField(id: "name", label: "Name"),
            FormField(id: "rate", label: "Tax rate %", numeric: true),
        ])
        type("120", into: &form)
        _ = form.handle(.key(.tab))
        type("Acme", into: &form)
        _ = form.handle(.key(.tab))
        type("13", into: &form)
        _ = form.handle(.key(.backTab))
        type(" Ltd", into: &form)
        _ = form.handle(.key(.backTab))
        type("95", into: &form)
        #expect(form.fields.map(\.input.text) == ["95", "Acme Ltd", "13"])
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.down))
        _ = form.handle(.key(.backspace))
        type("2", into: &form)
        #expect(form.fields[2].input.text == "12")
        // ↓/↑ are in the key list where they move between fields.
        #expect(form.keyBindings.contains { $0.keys == [.down, .up] && $0.label == "Next/Prev" })
    }

    /// Tryout s31: at 80×24 a long message said "! see below" but the list under the fields was past the box's
    /// bottom. A form too short for its fields and its problems keeps rows for the problems and scrolls the fields.
    @Test func theProblemsListedBelowAreShownInAShortArea() {
        let tooLarge: @Sendable (String) -> Result<FieldValue, FieldIssue> = { _ in
            .failure(FieldIssue(String(repeating: "too large, at most 10 ", count: 5)))
        }
        var form = Form(title: "Add customer", fields: (0..<16).map { (i: Int) -> FormField in
            i == 12 ? FormField(id: "f12", label: "Field 12", kind: .money, parse: tooLarge)
                : FormField(id: "f\(i)", label: "Field \(i)")
        })
        for _ in 0..<12 { _ = form.handle(.key(.tab)) }
        type("9", into: &form)
        _ = form.handle(.key(.ctrl("s")))
        var buffer = CellBuffer(size: Size(width: 60, height: 18))
        _ = form.render(into: &buffer, in: buffer.bounds)
        let text = (0..<18).map { buffer.line($0) }.joined(separator: "\n")
        #expect(text.contains("Field 12                                      9   !"))   // the pointer, then the list
        #expect(text.contains("Field 12: too large"))
        #expect(text.contains("Field 12 "))   // the focused field itself stays in view
    }
}

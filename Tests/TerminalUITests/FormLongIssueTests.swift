import Testing
@testable import TerminalUI

/// Tryout s30 (fix2): a message too long for its field's row in a 68-cell form box was cut ("! amount '│"), and
/// a box of fixed height showed the problems' heading with nothing under it. The message now shows whole, wrapped
/// under the fields, with "! see below" on the row; the box grows to the lines.
@Suite struct FormLongIssueTests {
    static let long = "amount '1000000000000000000' is too large (at most 10,000,000,000,000.00)"

    static func form() -> Form {
        Form(title: "Receipt", fields: [
            FormField(id: "amount", label: "Amount", kind: .money,
                      parse: { $0.isEmpty ? .success(.empty) : .failure(FieldIssue(FormLongIssueTests.long)) }),
            FormField(id: "ref", label: "Reference", validators: [.required()]),
        ])
    }

    func lines(_ form: Form, width: Int = 68, height: Int = 12) -> [String] {
        var buffer = CellBuffer(size: Size(width: width, height: height))
        form.render(into: &buffer, in: buffer.bounds)
        return buffer.lines
    }

    @Test func aLongInlineMessageIsListedWholeUnderTheFieldsBeforeSubmit() {
        var form = Self.form()
        for c in "1000000000000000000" { _ = form.handle(.key(.char(c))) }
        _ = form.handle(.key(.tab))
        let shown = lines(form)
        #expect(shown[2].contains("1000000000000000000   ! see below"), "\(shown)")
        let under = shown[5...].joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(under.contains("Amount: \(Self.long)"), "\(shown)")
        #expect(shown[5].hasPrefix("  Amount: amount '1000000000000000000' is too large"), "\(shown)")
        #expect(shown[6].hasPrefix("    10,000,000,000,000.00)"), "\(shown)")      // the figure whole
    }

    @Test func afterSubmitEveryProblemIsUnderItsHeadingAndTheHeightCountsThem() {
        var form = Self.form()
        for c in "1000000000000000000" { _ = form.handle(.key(.char(c))) }
        _ = form.handle(.key(.ctrl("s")))
        #expect(form.preferredHeight(width: 68) == 2 + 2 + 1 + 4)   // heading, amount (2 lines), reference
        let shown = lines(form, height: form.preferredHeight(width: 68))
        #expect(shown[5].hasPrefix("2 problems — fix them to save:"), "\(shown)")
        #expect(shown[6].hasPrefix("  Amount: amount '1000000000000000000'"), "\(shown)")
        #expect(shown[8].hasPrefix("  Reference: "), "\(shown)")
    }
}

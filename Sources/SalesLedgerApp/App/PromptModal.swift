import Foundation
import TerminalUI

/// A one-line text prompt (a reason to void, lines to credit, a date, a file): Enter runs `submit` with the text typed
/// (trimmed), which closes the prompt or keeps it open with an error; Esc closes it. Drawn on the owner's first line
/// (`atTop`) or its last (with a blank line above). A pre-filled text (a date) is replaced by the first character
/// typed or pasted, as a selected field is; any other key first (←, Backspace…) edits it instead.
struct PromptModal<Owner: ModalOwner>: Modal {
    var label: String
    var input: TextInput
    var atTop = false
    /// The input field's width; nil for the rest of the line.
    var width: Int?
    /// What Enter does, for the hint bar ("Confirm" when nil).
    var enterLabel: String?
    var submit: (String, AppContext) -> ModalStep<Owner>
    /// Whether the pre-filled text is still untouched, so that typing replaces it.
    var pristine: Bool

    init(_ label: String, text: String = "", atTop: Bool = false, width: Int? = nil, enterLabel: String? = nil,
         submit: @escaping (String, AppContext) -> ModalStep<Owner>) {
        self.label = label
        self.enterLabel = enterLabel
        input = TextInput(text)
        pristine = !text.isEmpty
        self.atTop = atTop
        self.width = width
        self.submit = submit
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<Owner> {
        if case .paste = event, pristine { input.setText("") }
        guard case .key(let key) = event else {
            if input.handle(event) { pristine = false }
            return .stay
        }
        switch key {
        case .escape: return .close
        case .enter: return submit(input.text.trimmingCharacters(in: .whitespaces), context)
        default:
            if pristine, case .char = key { input.setText("") }
            // A key the field does not use (^B, ↑) leaves the pre-filled text selected.
            if input.handle(event) { pristine = false }
            return .stay
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let y = atTop ? area.y : area.maxY - 1
        buffer.fill(Rect(x: area.x, y: atTop ? y : y - 1, width: area.width, height: atTop ? 1 : 2),
                    style: Style(.text))
        // The label is whole when it leaves the field 20 cells (at 80 columns: "Reason for the credit note (Enter
        // posts it): "); only a longer one is cut at half the width.
        let labelWidth = DisplayWidth.of(label) <= area.width - 22 ? DisplayWidth.of(label) : area.width / 2
        let x = area.x + 1 + buffer.setString(label, x: area.x + 1, y: y, maxWidth: labelWidth,
                                              style: Style(.accent, [.bold]))
        let field = width ?? max(1, area.maxX - x - 1)
        buffer.fill(Rect(x: x, y: y, width: field, height: 1), style: Style(.inputFocused))
        return input.render(into: &buffer, x: x, y: y, width: field,
                            style: pristine ? Style(.inputFocused, [.reverse]) : Style(.inputFocused))
    }

    func keys(_ s: Strings) -> [KeyBinding]? {
        [KeyBinding(.enter, enterLabel ?? s.t("Confirm", "确认")), KeyBinding(.escape, s.back)]
    }
    var capturesText: Bool { true }
}

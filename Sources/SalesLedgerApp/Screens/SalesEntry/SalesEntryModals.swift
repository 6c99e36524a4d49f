import LedgerCore
import TerminalUI

/// A reason asked in a box on Sales entry (voiding or crediting a sale, overriding a credit hold): Enter runs
/// `submit` with the reason typed (a blank one is refused and the box stays open), Esc closes it.
struct ReasonModal: Modal {
    var title: String
    var message: String
    /// A label above the field; nil for none.
    var label: String?
    var input = TextInput()
    var submit: (inout SalesEntryScreen, String, AppContext) -> ScreenOutcome

    init(_ title: String, _ message: String, label: String? = nil,
         submit: @escaping (inout SalesEntryScreen, String, AppContext) -> ScreenOutcome) {
        self.title = title
        self.message = message
        self.label = label
        self.submit = submit
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<SalesEntryScreen> {
        switch event {
        case .key(.escape): return .close
        case .key(.enter):
            let reason = input.text.trimmingCharacters(in: .whitespaces)
            guard !reason.isEmpty else { return .report(.error(context.strings.t("a reason is required",
                                                                                 "必须填写原因"))) }
            return .close { [submit] screen, context in submit(&screen, reason, context) }
        default:
            _ = input.handle(event)
            return .stay
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        // The message wraps (a figure in it is never cut, issue 12); the box grows by its extra lines.
        let width = min(area.width - 4, 66)
        let lines = Array(TextFitting.wrap(message, toWidth: max(1, width - 4)).prefix(max(1, area.height - 8)))
        let box = area.centered(Size(width: width, height: 6 + lines.count))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: title, style: Style(.border), unicode: unicode)
        for (i, line) in lines.enumerated() {
            buffer.setFitted(line, x: box.x + 2, y: box.y + 1 + i, width: box.width - 4, style: Style(.warning))
        }
        let y = box.y + 1 + lines.count
        if let label { buffer.setFitted(label, x: box.x + 2, y: y + 1, width: box.width - 4,
                                        style: Style(.dialog)) }
        let field = Rect(x: box.x + 2, y: y + 2, width: box.width - 4, height: 1)
        buffer.fill(field, style: Style(.inputFocused))
        return input.render(into: &buffer, x: field.x, y: field.y, width: field.width, style: Style(.inputFocused))
    }

    func keys(_ s: Strings) -> [KeyBinding]? {
        [KeyBinding(.enter, s.t("Confirm", "确认")), KeyBinding(.escape, s.back)]
    }
    var capturesText: Bool { true }
}

/// The plausibility warnings before posting (`EntryPlausibility`): `y` or Enter posts anyway; `n` or Esc goes back
/// to the form.
struct PlausibilityModal: Modal {
    var warnings: [String]

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<SalesEntryScreen> {
        switch event {
        case .key(.char("y")), .key(.char("Y")), .key(.enter):
            return .close { screen, context in screen.post(context: context, asDraft: false,
                                                           plausibilityConfirmed: true) }
        case .key(.char("n")), .key(.char("N")), .key(.escape):
            return .close { _, context in .message(context.strings.t("Not posted: check the figures",
                                                                     "未过账：请核对数字")) }
        default:
            return .stay
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        // Each warning wraps under its ⚠ (a figure is never cut, issue 12).
        let width = min(area.width - 4, 76)
        let lines = warnings.flatMap { warning in
            TextFitting.wrap(warning, toWidth: max(1, width - 6)).enumerated().map { ($0 == 0 ? "⚠ " : "  ") + $1 }
        }
        let box = area.centered(Size(width: width, height: min(area.height, lines.count + 5)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: s.t("Please check", "请核对"), style: Style(.border),
                    unicode: unicode)
        for (i, line) in lines.enumerated() where box.y + 1 + i < box.maxY - 2 {
            buffer.setFitted(line, x: box.x + 2, y: box.y + 1 + i, width: box.width - 4, style: Style(.warning))
        }
        buffer.setFitted(s.t("Post anyway? [y] Yes   [n] No", "仍要过账？[y] 是   [n] 否"), x: box.x + 2,
                         y: box.maxY - 2, width: box.width - 4, style: Style(.accent, [.bold]))
        return nil
    }

    func keys(_ s: Strings) -> [KeyBinding]? {
        [KeyBinding([.char("y"), .enter], s.t("Post anyway", "仍要过账")),
         KeyBinding([.char("n"), .escape], s.back)]
    }
    var capturesText: Bool { true }
}

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
        let box = area.centered(Size(width: min(area.width - 4, 66), height: 7))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: title, style: Style(.border), unicode: unicode)
        buffer.setFitted(message, x: box.x + 2, y: box.y + 1, width: box.width - 4, style: Style(.warning))
        if let label { buffer.setFitted(label, x: box.x + 2, y: box.y + 3, width: box.width - 4,
                                        style: Style(.dialog)) }
        let field = Rect(x: box.x + 2, y: box.y + 4, width: box.width - 4, height: 1)
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
        let box = area.centered(Size(width: min(area.width - 4, 76), height: min(area.height, warnings.count + 5)))
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: s.t("Please check", "请核对"), style: Style(.border),
                    unicode: unicode)
        for (i, warning) in warnings.enumerated() where box.y + 1 + i < box.maxY - 2 {
            buffer.setFitted("⚠ " + warning, x: box.x + 2, y: box.y + 1 + i, width: box.width - 4,
                             style: Style(.warning))
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

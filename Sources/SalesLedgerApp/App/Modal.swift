import TerminalUI

/// Something that owns a stack of modals (the app, a screen): its outcome type and the "nothing happened" value.
protocol ModalOwner {
    associatedtype Outcome
    static var nothing: Outcome { get }
    var modals: ModalStack<Self> { get set }
}

/// A modal (dialog, picker, form, detail view, prompt, help overlay) on an owner's stack (issue 9): the top one
/// gets keys first; drawing draws the owner, then each modal bottom-up.
protocol Modal<Owner> {
    associatedtype Owner: ModalOwner
    /// Handles an event; returns what the stack does next.
    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<Owner>
    /// Draws the modal into `area` (the owner's area); returns where the cursor goes, nil to hide it.
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point?
    /// The modal's keys that work now, for the hint bar; nil keeps those of the layer below (the help overlay).
    func keys(_ s: Strings) -> [KeyBinding]?
    /// All the modal's keys, for the help overlay; its hint bar keys by default.
    func helpKeys(_ s: Strings) -> [KeyBinding]?
    /// True while a text field has focus: digits, `q` and `?` are typed, not shortcuts.
    var capturesText: Bool { get }
    var hasUnsavedChanges: Bool { get }
    /// True when the modal fills its owner's area (a detail view): the owner and the modals below are not drawn.
    var isFullScreen: Bool { get }
}

extension Modal {
    func helpKeys(_ s: Strings) -> [KeyBinding]? { keys(s) }
    var capturesText: Bool { false }
    var hasUnsavedChanges: Bool { false }
    var isFullScreen: Bool { false }
}

/// What a modal did with an event.
enum ModalStep<Owner: ModalOwner> {
    /// Used the event; stays open.
    case stay
    /// Did not use the event: it goes to the layer below.
    case pass
    /// Stays open and runs `change` on the owner (a form's error in the status line).
    case update((inout Owner, AppContext) -> Owner.Outcome)
    /// Opens `modal` on top of this one.
    case push(any Modal<Owner>)
    /// Closes, then runs `then` on the owner (refresh, open a detail, report a message).
    case close(then: ((inout Owner, AppContext) -> Owner.Outcome)?)

    static var close: ModalStep { .close(then: nil) }

    /// Stays open and reports `outcome`.
    static func report(_ outcome: Owner.Outcome) -> ModalStep { .update { _, _ in outcome } }
}

/// The open modals of an owner, bottom first.
struct ModalStack<Owner: ModalOwner> {
    var items: [any Modal<Owner>] = []

    var isEmpty: Bool { items.isEmpty }
    var top: (any Modal<Owner>)? { items.last }
    var capturesText: Bool { items.last?.capturesText ?? false }
    var hasUnsavedChanges: Bool { items.contains { $0.hasUnsavedChanges } }
    /// True when a modal hides its owner.
    var coversOwner: Bool { items.contains { $0.isFullScreen } }

    mutating func push(_ modal: any Modal<Owner>) { items.append(modal) }

    /// The first modal of type `T` from the top, if open.
    func first<T>(_ type: T.Type) -> T? { items.reversed().lazy.compactMap { $0 as? T }.first }

    /// Replaces the topmost modal of type `T` (after reloading it, say).
    mutating func update<T: Modal<Owner>>(_ type: T.Type, _ change: (inout T) -> Void) {
        guard let index = items.lastIndex(where: { $0 is T }), var modal = items[index] as? T else { return }
        change(&modal)
        items[index] = modal
    }

    /// The hint bar's keys: the topmost modal that names its own; nil when no modal does.
    func keys(_ s: Strings) -> [KeyBinding]? {
        for modal in items.reversed() { if let keys = modal.keys(s) { return keys } }
        return nil
    }

    /// The help overlay's keys: the topmost modal that names its own; nil when no modal does.
    func helpKeys(_ s: Strings) -> [KeyBinding]? {
        for modal in items.reversed() { if let keys = modal.helpKeys(s) { return keys } }
        return nil
    }

    /// Draws the modals bottom-up; returns the top one's cursor (nil when none is open or it hides it).
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        var cursor: Point?
        let first = items.lastIndex { $0.isFullScreen } ?? 0
        for modal in items[first...] {
            cursor = modal.render(into: &buffer, in: area, context: context, unicode: unicode)
        }
        return cursor
    }
}

extension ModalOwner {
    /// Gives `event` to the modals, top first; nil when none is open or all passed it on.
    mutating func handleModals(_ event: Event, context: AppContext) -> Outcome? {
        var level = modals.items.count - 1
        while level >= 0 {
            var modal = modals.items[level]
            let step = modal.handle(event, context: context)
            switch step {
            case .pass:
                modals.items[level] = modal
                level -= 1
            case .stay:
                modals.items[level] = modal
                return Self.nothing
            case .update(let change):
                modals.items[level] = modal
                return change(&self, context)
            case .push(let next):
                modals.items[level] = modal
                modals.items.append(next)
                return Self.nothing
            case .close(let then):
                modals.items.removeSubrange(level...)
                return then?(&self, context) ?? Self.nothing
            }
        }
        return nil
    }
}

/// Draws a form centred in `area` in a bordered box at most `width` columns wide and `height` rows high (nil: as
/// high as `area`); returns the cursor.
func renderFormBox(_ form: Form, into buffer: inout CellBuffer, in area: Rect, width: Int = 70, height: Int? = nil,
                   unicode: Bool) -> Point? {
    // A fixed height grows to the form's problems (tryout s30: the fapiao form showed its heading alone).
    let boxWidth = min(area.width - 2, width)
    let wanted = height.map { max($0, form.preferredHeight(width: boxWidth - 2) + 2) }
    let box = area.centered(Size(width: boxWidth, height: wanted.map { min(area.height - 2, $0) } ?? area.height))
    buffer.fill(box, style: Style(.dialog))
    Border.draw(into: &buffer, rect: box, style: Style(.border), unicode: unicode)
    return form.render(into: &buffer, in: box.inset(by: 1), unicode: unicode)
}

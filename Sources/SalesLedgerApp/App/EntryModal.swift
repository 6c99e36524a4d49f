import TerminalUI

/// How an entry form (receipt, follow-up, fapiao) answered a key.
enum EntryResult { case open, cancelled, saved(String), failed(String) }

/// A form that records something and says what in a message.
protocol EntryForm {
    var form: Form { get }
    mutating func handle(_ event: Event, context: AppContext) -> EntryResult
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point?
    /// The hint bar's keys; the form's own by default.
    func entryKeys(_ s: Strings) -> [KeyBinding]
}

extension EntryForm {
    func entryKeys(_ s: Strings) -> [KeyBinding] { form.keyBindings }
}

/// An entry form on `Owner`'s stack; `saved` runs on the owner (reload what it shows) before the message is shown.
struct EntryModal<Owner: ModalOwner, Entry: EntryForm>: Modal where Owner.Outcome == ScreenOutcome {
    var entry: Entry
    var saved: (inout Owner, AppContext) -> Void = { _, _ in }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<Owner> {
        switch entry.handle(event, context: context) {
        case .open: return .stay
        case .cancelled: return .close
        case .saved(let message):
            return .close { [saved] owner, context in saved(&owner, context); return .message(message) }
        case .failed(let message): return .report(.error(message))
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        entry.render(into: &buffer, in: area, context: context, unicode: unicode)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { entry.entryKeys(s) }
    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { entry.form.hasUnsavedChanges }
}

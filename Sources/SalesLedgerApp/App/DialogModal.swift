import TerminalUI

/// A dialog (message, yes/no, picker) whose answer goes to `finish` on the owner.
struct DialogModal<Owner: ModalOwner>: Modal {
    var dialog: Dialog
    var finish: (Dialog.Outcome, inout Owner, AppContext) -> Owner.Outcome

    init(_ dialog: Dialog, finish: @escaping (Dialog.Outcome, inout Owner, AppContext) -> Owner.Outcome) {
        self.dialog = dialog
        self.finish = finish
    }

    /// A yes/no question; `yes` runs when confirmed. With `defaultNo` Enter answers No (only `y` is yes): for
    /// questions whose yes destroys something, such as replacing a file.
    static func confirm(_ title: String, _ message: String, defaultNo: Bool = false,
                        yes: @escaping (inout Owner, AppContext) -> Owner.Outcome) -> DialogModal {
        var dialog = Dialog(title: title, message: message, kind: .confirm)
        dialog.enterDeclines = defaultNo
        return DialogModal(dialog) { outcome, owner, context in
            outcome == .confirmed ? yes(&owner, context) : Owner.nothing
        }
    }

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<Owner> {
        let outcome = dialog.handle(event)
        if outcome == .open { return .stay }
        return .close { [finish] owner, context in finish(outcome, &owner, context) }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        LedgerApp.localized(dialog, context.strings).render(into: &buffer, in: area, unicode: unicode)
        return nil
    }

    func keys(_ s: Strings) -> [KeyBinding]? { LedgerApp.dialogBindings(dialog, s) }
    var capturesText: Bool { true }
}

import TerminalUI

/// One key binding of an `Owner` (a screen, a modal, the app) whose action returns `Result`, declared once
/// (issue 9): the dispatcher runs it, the hint bar and the help overlay list it,
/// so hints cannot drift from what keys do.
struct KeyCommand<Owner, Result> {
    var binding: KeyBinding
    /// Listed in the hint bar (when available) and in the help overlay.
    var inHints = true
    var inHelp = true
    /// The keys the hint bar shows when fewer than all (`F1` for `F1/?`).
    var hintKeys: [Key]?
    /// Whether it does something now; the hint bar leaves it out otherwise (help still lists it).
    var isAvailable: (Owner) -> Bool = { _ in true }
    /// Whether the hint bar shows it now (it may work, e.g. to say why not, without being hinted).
    var isHinted: (Owner) -> Bool = { _ in true }
    /// What it does; nil for keys a widget handles (a table's ↑/↓ and `/`, a form's fields), listed only.
    var run: ((inout Owner, AppContext) -> Result)?

    /// A key listed for help and hints only: a widget handles it (a table's ↑/↓ and `/`).
    init(_ keys: [Key], _ label: String, help: String? = nil, hint: Bool = true,
         when isAvailable: @escaping (Owner) -> Bool = { _ in true }) {
        binding = KeyBinding(keys, label, help: help)
        inHints = hint
        self.isAvailable = isAvailable
    }

    init(_ keys: [Key], _ label: String, help: String? = nil, hint: Bool = true,
         when isAvailable: @escaping (Owner) -> Bool = { _ in true },
         run: @escaping (inout Owner, AppContext) -> Result) {
        self.init(keys, label, help: help, hint: hint, when: isAvailable)
        self.run = run
    }

    init(_ key: Key, _ label: String, help: String? = nil, hint: Bool = true,
         when isAvailable: @escaping (Owner) -> Bool = { _ in true }) {
        self.init([key], label, help: help, hint: hint, when: isAvailable)
    }

    init(_ key: Key, _ label: String, help: String? = nil, hint: Bool = true,
         when isAvailable: @escaping (Owner) -> Bool = { _ in true },
         run: @escaping (inout Owner, AppContext) -> Result) {
        self.init([key], label, help: help, hint: hint, when: isAvailable, run: run)
    }
}

extension KeyCommand {
    /// The same command, hinted only when `isHinted` holds (it still works otherwise).
    func hinted(when isHinted: @escaping (Owner) -> Bool) -> KeyCommand {
        var command = self
        command.isHinted = isHinted
        return command
    }

    /// The same command, neither hinted nor in help (a key another, listed command names, e.g. ↓ of "↑/↓ Move").
    var unlisted: KeyCommand {
        var command = self
        command.inHints = false
        command.inHelp = false
        return command
    }

    /// The same command, working (and hinted) only when `isAvailable` holds.
    func when(_ isAvailable: @escaping (Owner) -> Bool) -> KeyCommand {
        var command = self
        command.isAvailable = isAvailable
        return command
    }

    /// The table's moves (↑/↓ in the hint bar; PgUp/PgDn/Home/End too in help), handled by the table widget.
    static func move(_ s: Strings, hint: Bool = true,
                     when isAvailable: @escaping (Owner) -> Bool = { _ in true }) -> KeyCommand {
        var command = KeyCommand([.up, .down, .pageUp, .pageDown, .home, .end], s.t("Move", "移动"), hint: hint,
                                 when: isAvailable)
        command.hintKeys = [.up, .down]
        return command
    }
}

extension KeyCommand {
    /// Esc (and `others`) closes the modal; the hint bar shows Esc.
    static func close<O>(_ s: Strings, also others: [Key] = [.backspace]) -> KeyCommand where Result == ModalStep<O> {
        var command = KeyCommand([.escape] + others, s.back) { _, _ in .close }
        command.hintKeys = [.escape]
        return command
    }
}

/// A modal whose keys are one table: the hint bar and help come from it.
protocol KeyedModal: Modal {
    func keyTable(_ s: Strings) -> KeyTable<Self, ModalStep<Owner>>
}

extension KeyedModal {
    func keys(_ s: Strings) -> [KeyBinding]? { keyTable(s).hints(for: self) }
    func helpKeys(_ s: Strings) -> [KeyBinding]? { keyTable(s).help }
}

/// A screen's (or modal's) keys: what dispatches them and what the hint bar and help show.
struct KeyTable<Owner, Result> {
    var commands: [KeyCommand<Owner, Result>]

    init(_ commands: [KeyCommand<Owner, Result>]) { self.commands = commands }

    /// The command bound to `event`'s key that works for `owner` now. While `typing` (a text field has focus)
    /// printable keys are text, not shortcuts.
    func command(for event: Event, owner: Owner, typing: Bool = false) -> KeyCommand<Owner, Result>? {
        guard case .key(let key) = event else { return nil }
        if typing, case .char = key { return nil }
        return commands.first { $0.run != nil && $0.binding.keys.contains(key) && $0.isAvailable(owner) }
    }

    /// Runs the command bound to `event` on `owner`; nil when no command takes the key (it goes to widgets).
    func dispatch(_ event: Event, on owner: inout Owner, context: AppContext, typing: Bool = false) -> Result? {
        guard let run = command(for: event, owner: owner, typing: typing)?.run else { return nil }
        return run(&owner, context)
    }

    /// The hint bar's keys for `owner` now.
    func hints(for owner: Owner) -> [KeyBinding] {
        commands.filter { $0.inHints && $0.isAvailable(owner) && $0.isHinted(owner) }.map { command in
            var binding = command.binding
            if let keys = command.hintKeys { binding.keys = keys }
            return binding
        }
    }

    /// Every key, for the help overlay and the README.
    var help: [KeyBinding] { commands.filter(\.inHelp).map(\.binding) }
}

/// A screen whose keys are one table and whose modals are a stack (issue 9).
protocol KeyedScreen: LedgerScreen, ModalOwner where Outcome == ScreenOutcome {
    /// The screen's keys in its current state.
    func keyTable(_ s: Strings) -> KeyTable<Self, ScreenOutcome>
    /// True while the screen's own text input (a table's filter) has focus: printable keys are typed.
    var isTyping: Bool { get }
}

extension KeyedScreen {
    static var nothing: ScreenOutcome { .none }
    func keyBindings(_ s: Strings) -> [KeyBinding] { modals.helpKeys(s) ?? keyTable(s).help }
    func hintBindings(_ s: Strings) -> [KeyBinding] { modals.keys(s) ?? keyTable(s).hints(for: self) }
    var capturesText: Bool { modals.isEmpty ? isTyping : modals.capturesText }
    var hasUnsavedChanges: Bool { modals.hasUnsavedChanges }

    /// Gives `event` to the modals, then (unless the screen's filter is being typed) to the key table; nil when it
    /// goes on to the screen's widgets.
    mutating func dispatch(_ event: Event, context: AppContext) -> ScreenOutcome? {
        if let outcome = handleModals(event, context: context) { return outcome }
        if isTyping { return nil }
        return keyTable(context.strings).dispatch(event, on: &self, context: context)
    }
}

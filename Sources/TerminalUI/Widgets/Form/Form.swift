/// A form: an ordered list of `FormField`s with focus, validation and submit/cancel.
///
/// Each field is parsed and checked when its text changes (once per edit), never on drawing. A prefilled money,
/// quantity or date is replaced by the first character typed (Backspace or an arrow first keeps it to edit).
/// Tab/↓ and Shift-Tab/↑ move between fields; Enter moves to the next field and, on the last one,
/// submits; Ctrl-S submits from anywhere (F-keys are left to the app's screens). Submit runs only when every field is
/// valid;
/// otherwise errors show inline and in a summary, and focus goes to the first invalid field.
/// Escape cancels at once when nothing changed, else asks first.
public struct Form: Sendable {
    /// What a key did to the form.
    public enum Outcome: Equatable, Sendable {
        /// Nothing for the app to do (state may have changed).
        case none
        /// Submitted; values by field id. Only when all fields are valid.
        case submitted([String: FieldValue])
        /// The user left the form, discarding changes.
        case cancelled
    }

    public var title: String
    public var fields: [FormField]
    /// Title and question of the "discard changes?" dialog (set them to translate).
    public var discardTitle = "Discard changes?"
    public var discardMessage = "The form has unsaved changes. Discard them?"
    /// The discard dialog's footer (its keys, translated: `[y] 是   [n] 否`); nil: the dialog's English default.
    public var discardFooter: String?
    /// The summary heading for one problem and for several (`%d` is the count); apps translate them.
    public var problemsHeadings = ["1 problem — fix it to save:", "%d problems — fix them to save:"]
    /// Shown inline (after "! ") when a field's message is too long for its row; the whole message is then listed
    /// under the fields, wrapped (tryout s30: "! amount '│" cut by a 70-column box).
    public var seeBelow = "see below"
    /// A field issue's message as shown (inline and in the summary): apps translate the parsers' English here.
    public var issueText: @Sendable (String) -> String = { $0 }
    /// Index of the focused field.
    public private(set) var focusIndex = 0
    /// Whether the user tried to submit (shows every error and the summary).
    public private(set) var hasTriedSubmit = false
    /// The "discard changes?" dialog, when open.
    public private(set) var discardDialog: Dialog?
    private var initialTexts: [String]

    /// A form with `fields`, focus on the first.
    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
        initialTexts = fields.map(\.displayText)
    }

    /// Whether any field differs from when the form was created (or last `markSaved()`).
    public var hasUnsavedChanges: Bool { fields.map(\.displayText) != initialTexts }

    /// Records the current contents as saved (after a successful submit).
    public mutating func markSaved() {
        initialTexts = fields.map(\.displayText)
        hasTriedSubmit = false
        for i in fields.indices { fields[i].isTouched = false }
    }

    /// Whether every field is valid.
    public var isValid: Bool { fields.allSatisfy { $0.issue == nil } }

    /// Issues to show: of touched fields, or of all fields after a submit attempt.
    public var visibleIssues: [(field: FormField, issue: FieldIssue)] {
        fields.compactMap { field in
            guard hasTriedSubmit || field.isTouched, let issue = field.issue else { return nil }
            return (field, issue)
        }
    }

    /// The parsed value of field `id`, nil when unknown or invalid.
    public func value(of id: String) -> FieldValue? {
        guard let field = fields.first(where: { $0.id == id }),
        case .success(let value) = field.result else { return nil }
        return value
    }

    /// Values by id of all fields that parse and validate.
    public var values: [String: FieldValue] {
        var out: [String: FieldValue] = [:]
        for field in fields { if case .success(let value) = field.result { out[field.id] = value } }
        return out
    }

    /// Moves focus to field `index` (clamped), marking the field being left as touched.
    public mutating func focus(_ index: Int) {
        guard !fields.isEmpty else { return }
        if focusIndex < fields.count, focusIndex < initialTexts.count,
        fields[focusIndex].displayText != initialTexts[focusIndex] {
            fields[focusIndex].isTouched = true
        }
        let previous = focusIndex
        focusIndex = min(max(0, index), fields.count - 1)
        fields[focusIndex].suggestionIndex = nil
        // Entering a number or date field again: the first typed character replaces it, as in a spreadsheet cell.
        if focusIndex != previous, fields[focusIndex].replacesOnEntry {
            fields[focusIndex].isPrefilled = !fields[focusIndex].input.text.isEmpty
        }
    }

    // MARK: - Events

    /// Handles one event.
    public mutating func handle(_ event: Event) -> Outcome {
        if var dialog = discardDialog {
            switch dialog.handle(event) {
            case .confirmed: discardDialog = nil; return .cancelled
            case .declined, .dismissed: discardDialog = nil
            default: discardDialog = dialog
            }
            return .none
        }
        guard !fields.isEmpty else { return event == .key(.escape) ? .cancelled : .none }
        // The app may have changed `fields`; keep the focus in range.
        focusIndex = min(max(0, focusIndex), fields.count - 1)
        if case .key(let key) = event {
            switch key {
            case .escape:
                if fields[focusIndex].suggestionIndex != nil { fields[focusIndex].suggestionIndex = nil; return .none }
                if !hasUnsavedChanges { return .cancelled }
                discardDialog = Dialog(title: discardTitle, message: discardMessage, kind: .confirm)
                discardDialog?.footer = discardFooter
                return .none
            case .tab:
                focus(focusIndex + 1)
                return .none
            case .down where !isNote && !isLookupWithSuggestions:
                focus(focusIndex + 1)
                return .none
            case .backTab:
                focus(focusIndex - 1)
                return .none
            case .up where !isNote && !isLookupWithSuggestions:
                focus(focusIndex - 1)
                return .none
            case .ctrl("s"):
                return submit()
            case .enter:
                if acceptSuggestion() { return .none }
                if isNote { break }
                if focusIndex == fields.count - 1 { return submit() }
                focus(focusIndex + 1)
                return .none
            default:
                break
            }
        }
        editFocused(event)
        return .none
    }

    /// Validates everything; returns `.submitted` when all valid, else shows errors.
    public mutating func submit() -> Outcome {
        hasTriedSubmit = true
        if let firstInvalid = fields.firstIndex(where: { $0.issue != nil }) {
            focus(firstInvalid)
            return .none
        }
        return .submitted(values)
    }

    private var isNote: Bool {
        if case .note = fields[focusIndex].kind { return true }
        return false
    }

    private var isLookupWithSuggestions: Bool {
        if case .lookup = fields[focusIndex].kind { return !fields[focusIndex].input.text.isEmpty
            && !fields[focusIndex].suggestions.isEmpty }
        return false
    }

    private mutating func acceptSuggestion() -> Bool {
        let field = fields[focusIndex]
        guard case .lookup = field.kind, let index = field.suggestionIndex else { return false }
        let options = field.suggestions
        guard index < options.count else { return false }
        fields[focusIndex].input.setText(options[index])
        fields[focusIndex].suggestionIndex = nil
        return true
    }

    private mutating func editFocused(_ event: Event) {
        var field = fields[focusIndex]
        switch field.kind {
        case .choice(let options):
            guard !options.isEmpty, case .key(let key) = event else { return }
            switch key {
            case .right, .char(" "): field.choiceIndex = (field.choiceIndex + 1) % options.count
            case .left: field.choiceIndex = (field.choiceIndex + options.count - 1) % options.count
            case .char(let c):
                // Jump to the next option starting with the typed character.
                let start = field.choiceIndex
                for step in 1...options.count {
                    let i = (start + step) % options.count
                    if options[i].lowercased().first == Character(c.lowercased()) { field.choiceIndex = i; break }
                }
            default: return
            }
        case .lookup:
            let suggestions = field.suggestions
            if case .key(.down) = event {
                field.suggestionIndex = suggestions.isEmpty ? nil : min((field.suggestionIndex ?? -1) + 1,
                                                                        suggestions.count - 1)
            } else if case .key(.up) = event {
                field.suggestionIndex = field.suggestionIndex.map { max(0, $0 - 1) }
            } else if field.input.handle(event) {
                field.suggestionIndex = nil
            }
        default:
            if field.isPrefilled {
                // A prefilled value is replaced by what is typed; other keys keep it to edit (tryout s30).
                switch event {
                case .key(.char), .paste: field.input.setText("")
                default: break
                }
            }
            if field.input.handle(event) { field.isPrefilled = false }
        }
        fields[focusIndex] = field
    }

    /// Keys that work in the form now (for the hint bar and help).
    public var keyBindings: [KeyBinding] {
        if let discardDialog { return discardDialog.keyBindings }
        var bindings = [KeyBinding([.tab, .backTab], "Next/Prev", help: "Move to the next / previous field"),
                        KeyBinding(.enter, "Next", help: "Next field; on the last field, save"),
                        KeyBinding(.ctrl("s"), "Save", help: "Check all fields and save"),
                        KeyBinding(.escape, "Cancel", help: "Leave the form (asks when there are changes)")]
        if focusIndex < fields.count {
            switch fields[focusIndex].kind {
            case .choice: bindings.insert(KeyBinding([.left, .right], "Change", help: "Pick another option"), at: 0)
            case .lookup: bindings.insert(KeyBinding([.down, .up], "Suggest",
                                                     help: "Choose a suggestion, Enter accepts"), at: 0)
            default: bindings.append(KeyBinding([.ctrl("u"), .ctrl("k")], "Clear",
                                                help: "Delete to start / end of the field"))
            }
            // ↓/↑ move too where the field does not use them (tryout s30: the key list named only Tab/S-Tab); last,
            // so a narrow hint bar leaves it out before the others.
            if !isNote && !isLookupWithSuggestions {
                bindings.append(KeyBinding([.down, .up], "Next/Prev", help: "Move to the next / previous field"))
            }
        }
        return bindings
    }
}

/// What kind of input a form field takes; decides editing keys and alignment.
public enum FieldKind: Sendable {
    /// Free text (any script).
    case text
    /// Money; the field's `parse` turns text into `.integer` minor units. Right-aligned.
    case money
    /// A quantity; `parse` gives `.integer`. Right-aligned.
    case quantity
    /// A date; `parse` gives `.date`.
    case date
    /// One of fixed options: ←/→ or Space cycle; the value is `.choice(index)`.
    case choice([String])
    /// Text with suggestions: `suggest(text)` lists matches; ↑/↓ pick one, Enter accepts it.
    case lookup(suggest: @Sendable (String) -> [String])
    /// Multi-line text; Enter inserts a line break, Tab leaves the field. `lines` rows tall.
    case note(lines: Int)
}

/// One labelled field of a `Form`: the raw text being edited, its parser and validators.
public struct FormField: Sendable {
    /// Stable identifier the app uses to read the value.
    public var id: String
    /// Label shown left of the input.
    public var label: String
    public var kind: FieldKind { didSet { revalidate() } }
    /// The editable text. A change of text re-validates this field (only): once per edit, not per frame.
    public var input: TextInput { didSet { if input.graphemes != oldValue.graphemes { revalidate() } } }
    /// For `.choice`: the selected option.
    public var choiceIndex: Int { didSet { if choiceIndex != oldValue { revalidate() } } }
    /// Turns raw text into a value or an issue (supplied by the app: money, dates…).
    public var parse: @Sendable (String) -> Result<FieldValue, FieldIssue> { didSet { revalidate() } }
    /// Rules checked, in order, after a successful parse.
    public var validators: [Validator] { didSet { revalidate() } }
    /// A value filled in for the user (money, quantity, date given with text): the first character typed or pasted
    /// replaces it, like a spreadsheet cell; any other editing key (Backspace, ←/→, Home…) first keeps it to edit.
    public var isPrefilled = false
    /// Whether the field holds a number or date whose text the first typed character replaces when the field is
    /// entered again (money, quantity, date, `numeric`): tryout s30, a value typed earlier was appended to.
    public let replacesOnEntry: Bool
    /// The parsed value, or the first issue (parse error or failed validator): kept from the last change of the
    /// field's text, choice, parser or rules.
    public private(set) var result: Result<FieldValue, FieldIssue> = .success(.empty)
    /// Whether the user has edited and left the field (errors are shown from then on).
    public var isTouched = false
    /// For `.lookup`: the highlighted suggestion, if any.
    public var suggestionIndex: Int?

    /// A field. `parse` defaults to: empty → `.empty`, else `.text`. `numeric`: a number kept as text (a
    /// percentage…) whose prefilled text is replaced by the first character typed, as money's (tryout s30: the tax
    /// rate 13, typing 8 gave 138).
    public init(id: String, label: String, kind: FieldKind = .text, text: String = "",
                parse: (@Sendable (String) -> Result<FieldValue, FieldIssue>)? = nil,
                validators: [Validator] = [], numeric: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        var lines = false
        if case .note = kind { lines = true }
        input = TextInput(text, allowsNewlines: lines)
        choiceIndex = 0
        self.parse = parse ?? { text in .success(text.isEmpty ? .empty : .text(text)) }
        self.validators = validators
        switch kind {
        case .money, .quantity, .date: replacesOnEntry = true
        default: replacesOnEntry = numeric
        }
        isPrefilled = replacesOnEntry && !text.isEmpty
        revalidate()
    }

    /// Sets a value filled in for the user: typing replaces it (see `isPrefilled`).
    public mutating func prefill(_ text: String) {
        input.setText(text)
        isPrefilled = !text.isEmpty
    }

    /// A choice field over `options`, starting at `selected`.
    public static func choice(id: String, label: String, options: [String], selected: Int = 0) -> FormField {
        var field = FormField(id: id, label: label, kind: .choice(options))
        field.choiceIndex = options.isEmpty ? 0 : min(max(0, selected), options.count - 1)
        return field
    }

    /// The text shown: the chosen option for choices, else the input text.
    public var displayText: String {
        if case .choice(let options) = kind { return options.isEmpty ? "" : options[min(choiceIndex,
                                                                                        options.count - 1)] }
        return input.text
    }

    /// Parses and checks the field now (`result`).
    private mutating func revalidate() {
        if case .choice(let options) = kind {
            result = options.isEmpty ? .success(.empty) : .success(.choice(choiceIndex))
            return
        }
        let text = input.text
        switch parse(text) {
        case .failure(let issue): result = .failure(issue)
        case .success(let value):
            result = validators.lazy.compactMap { $0.check(text, value) }.first.map { .failure($0) } ?? .success(value)
        }
    }

    /// The current issue, if any.
    public var issue: FieldIssue? {
        if case .failure(let issue) = result { return issue }
        return nil
    }

    /// Current suggestions for a lookup field (at most 8).
    public var suggestions: [String] {
        guard case .lookup(let suggest) = kind else { return [] }
        return Array(suggest(input.text).prefix(8))
    }

    /// Rows the field takes in the form.
    public var height: Int {
        if case .note(let lines) = kind { return max(1, lines) }
        return 1
    }
}

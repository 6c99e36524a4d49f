/// A problem with a field's input, shown inline and in the form's summary.
public struct FieldIssue: Error, Equatable, Sendable {
    /// Text for the user, e.g. "must be greater than 0".
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A field's parsed value. Money and quantities are integers (minor units / scaled) — the app's
/// parser decides the scale; the toolkit never parses numbers or dates itself.
public enum FieldValue: Equatable, Sendable {
    case empty
    case text(String)
    /// An integer amount: money in minor units, or a quantity in its smallest unit.
    case integer(Int64)
    /// A calendar day.
    case date(year: Int, month: Int, day: Int)
    /// The index of the chosen option of a choice field.
    case choice(Int)
}

/// A small named rule over a field's raw text and parsed value; returns an issue or nil.
/// Rules combine by listing several on a field; the first issue found is shown.
public struct Validator: Sendable {
    /// A short name for tests and debugging, e.g. "required".
    public var name: String
    /// The rule. Runs only when the text parsed; gets the raw text and the parsed value.
    public var check: @Sendable (_ text: String, _ value: FieldValue) -> FieldIssue?

    public init(_ name: String, check: @escaping @Sendable (_ text: String, _ value: FieldValue) -> FieldIssue?) {
        self.name = name
        self.check = check
    }

    /// The field may not be empty.
    public static func required(_ message: String = "required") -> Validator {
        Validator("required") { text, value in
            value == .empty || text.allSatisfy(\.isWhitespace) ? FieldIssue(message) : nil
        }
    }

    /// At most `count` graphemes.
    public static func maxLength(_ count: Int) -> Validator {
        Validator("maxLength(\(count))") { text, _ in
            text.count > count ? FieldIssue("at most \(count) characters") : nil
        }
    }

    /// An integer value must be greater than zero.
    public static func positive(_ message: String = "must be greater than 0") -> Validator {
        Validator("positive") { _, value in
            if case .integer(let n) = value, n <= 0 { return FieldIssue(message) }
            return nil
        }
    }

    /// An integer value must lie in `range`.
    public static func range(_ range: ClosedRange<Int64>, _ message: String) -> Validator {
        Validator("range") { _, value in
            if case .integer(let n) = value, !range.contains(n) { return FieldIssue(message) }
            return nil
        }
    }
}

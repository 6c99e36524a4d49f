/// A semantic style role. Widgets ask for roles, never colours; a `Theme` maps each role to colours.
public enum StyleRole: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case text, muted, accent, selection, error, warning, ok, overdue, header, border, title
    case hintKey, hintText, input, inputFocused, tabActive, tabInactive, dialog
    /// Chart series 1...8 (values outside are wrapped into range).
    case series(Int)

    /// Number of chart series roles a theme defines.
    public static let seriesCount = 8

    public static var allCases: [StyleRole] {
        [.text, .muted, .accent, .selection, .error, .warning, .ok, .overdue, .header, .border, .title,
         .hintKey, .hintText, .input, .inputFocused, .tabActive, .tabInactive, .dialog]
            + (1...seriesCount).map { .series($0) }
    }

    /// A chart series role for a 0-based series index, wrapping after `seriesCount`.
    public static func series(index: Int) -> StyleRole {
        let n = ((index % seriesCount) + seriesCount) % seriesCount
        return .series(n + 1)
    }

    /// The name used in theme files and role grids, e.g. `text`, `hint-key`, `series3`.
    public var description: String {
        switch self {
        case .text: "text"
        case .muted: "muted"
        case .accent: "accent"
        case .selection: "selection"
        case .error: "error"
        case .warning: "warning"
        case .ok: "ok"
        case .overdue: "overdue"
        case .header: "header"
        case .border: "border"
        case .title: "title"
        case .hintKey: "hint-key"
        case .hintText: "hint-text"
        case .input: "input"
        case .inputFocused: "input-focused"
        case .tabActive: "tab-active"
        case .tabInactive: "tab-inactive"
        case .dialog: "dialog"
        case .series(let n): "series\(n)"
        }
    }

    /// Parses a role name as written by `description`; nil for unknown names.
    public init?(name: String) {
        guard let role = StyleRole.allCases.first(where: { $0.description == name }) else { return nil }
        self = role
    }

    /// One-character code used in role grids of snapshot tests.
    public var code: Character {
        switch self {
        case .text: "."
        case .muted: "m"
        case .accent: "a"
        case .selection: "S"
        case .error: "E"
        case .warning: "W"
        case .ok: "K"
        case .overdue: "O"
        case .header: "H"
        case .border: "b"
        case .title: "T"
        case .hintKey: "k"
        case .hintText: "h"
        case .input: "i"
        case .inputFocused: "I"
        case .tabActive: "A"
        case .tabInactive: "t"
        case .dialog: "d"
        case .series(let n): Character(String(((n - 1) % 9 + 9) % 9 + 1))
        }
    }
}

/// Text attributes on top of a role's own attributes.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)
}

/// The style of a cell: a semantic role plus extra attributes.
public struct Style: Hashable, Sendable {
    /// The semantic role; the theme gives it colours.
    public var role: StyleRole
    /// Attributes added to the role's own.
    public var attributes: TextAttributes

    /// Creates a style for `role` with extra `attributes`.
    public init(_ role: StyleRole = .text, _ attributes: TextAttributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// Plain text.
    public static let text = Style(.text)

    /// This style with extra attributes.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(role, attributes.union(extra))
    }
}

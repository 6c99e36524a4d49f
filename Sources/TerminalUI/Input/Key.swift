/// A key press, decoded from the terminal's input into one typed value.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable grapheme (ASCII, Chinese from an input method, …).
    case char(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case tab, backTab, enter, escape, backspace, delete, insert
    /// Function key F1…F12 (the number is 1-based).
    case function(Int)
    /// Ctrl plus a lower-case letter `a`…`z`, except Ctrl-I (tab), Ctrl-M/J (enter) and Ctrl-H (backspace).
    case ctrl(Character)

    /// Ctrl-C: with `raw()` it arrives as a key, not SIGINT. Apps treat it as "interrupt/quit".
    public static let interrupt = Key.ctrl("c")

    /// A short human name for hint bars and help, e.g. `F2`, `^K`, `Enter`, `q`.
    public var description: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        case .ctrl(let c): "^" + String(c).uppercased()
        }
    }
}

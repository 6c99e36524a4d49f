/// A terminal colour: the terminal's default, one of the 16 named ANSI colours, or a 256-colour index.
public enum TerminalColor: Hashable, Sendable {
    case `default`
    /// ANSI colour 0…15 (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white, +8 bright).
    case ansi(Int)
    /// xterm 256-colour palette index 0…255.
    case indexed(Int)

    /// Names accepted in theme files, index = ANSI number.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                               "bright-black", "bright-red", "bright-green", "bright-yellow",
                               "bright-blue", "bright-magenta", "bright-cyan", "bright-white"]

    /// Parses `default`, a name from `names`, or `colour0`…`colour255` / a bare number 0…255.
    public init?(name: String) {
        let lower = name.lowercased()
        if lower == "default" { self = .default; return }
        if let i = Self.names.firstIndex(of: lower) { self = .ansi(i); return }
        let digits = lower.hasPrefix("colour") ? String(lower.dropFirst(6))
            : lower.hasPrefix("color") ? String(lower.dropFirst(5)) : lower
        if let n = Int(digits), (0...255).contains(n) { self = .indexed(n); return }
        return nil
    }

    /// The palette number for curses (`-1` for default), for a terminal with `colorCount` colours:
    /// indices beyond it fall back to the nearest of the 8 basic colours.
    public func paletteNumber(colorCount: Int) -> Int {
        switch self {
        case .default: return -1
        case .ansi(let n): return n < colorCount ? n : n % 8
        case .indexed(let n): return n < colorCount ? n : n % 8
        }
    }
}

/// How a theme shows one role: colours and attributes.
public struct RoleAppearance: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .default, background: TerminalColor = .default,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// Why a theme file could not be used: names the file, the line (when known) and the key.
public struct ThemeLoadError: Error, Equatable, CustomStringConvertible {
    /// Path of the theme file.
    public var file: String
    /// 1-based line of the problem, when known.
    public var line: Int?
    /// The key at fault, e.g. `roles.accent.fg`, when known.
    public var key: String?
    /// What is wrong.
    public var message: String

    /// `themes/dark.toml:12: roles.accent.fg: unknown colour "cyan2"`.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}

import TOMLKit

/// Why a settings or theme file could not be used: names the file, the line (when known) and the key.
public struct SettingsFileError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Path of the file.
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

    /// The TOML table of `text` read from `file`. - Throws: `SettingsFileError` naming the line of a syntax error.
    static func table(_ text: String, file: String) throws(SettingsFileError) -> TOMLTable {
        do { return try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw SettingsFileError(file: file, line: error.source.begin.line, key: nil,
                                    message: "TOML syntax: \(error.description)")
        } catch {
            throw SettingsFileError(file: file, line: nil, key: nil, message: "\(error)")
        }
    }
}

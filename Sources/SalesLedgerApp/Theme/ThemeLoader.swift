import Foundation
import TOMLKit
import TerminalUI

/// Loads colour themes from TOML files (`themes/<name>.toml`).
///
/// File shape: optional `monochrome = true`, then one table per semantic role:
/// ```toml
/// [roles.accent]
/// fg = "cyan"          # default, black…white, bright-*, colour0…colour255
/// bg = "default"
/// attributes = ["bold"] # bold, underline, reverse, dim, italic
/// ```
/// Roles the file leaves out come from the built-in default theme.
public enum ThemeLoader {
    /// Names of the themes shipped in `themes/`.
    public static let shippedNames = ["default", "dark", "light", "high-contrast", "mono"]

    /// The outcome of `load`: the theme to use and, if something went wrong, a warning to show.
    public struct Loaded: Sendable {
        public var theme: Theme
        /// Set when the asked theme could not be used (then `theme` is the default).
        public var warning: String?
    }

    /// Picks and loads a theme. `NO_COLOR` (set, non-empty) selects `mono`. A missing or broken
    /// file falls back to `default` (from its file if that loads, else built in) with a warning
    /// naming the file, line and key.
    public static func load(named name: String?, directory: String, environment: [String: String]) -> Loaded {
        var wanted = name ?? "default"
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { wanted = "mono" }
        do {
            return Loaded(theme: try loadFile(named: wanted, directory: directory), warning: nil)
        } catch {
            // Nobody asked for a theme and no themes folder is installed next to the program: the built-in default
            // is what the user gets anyway, so there is nothing to warn about.
            let path = (directory as NSString).appendingPathComponent(wanted + ".toml")
            if wanted == "default", !FileManager.default.fileExists(atPath: path) {
                return Loaded(theme: .builtInDefault, warning: nil)
            }
            let fallback = (try? loadFile(named: "default", directory: directory)) ?? .builtInDefault
            return Loaded(theme: fallback, warning: "\(error); using the default theme")
        }
    }

    /// Reads and parses `directory/name.toml`.
    /// - Throws: `SettingsFileError` for an unreadable file, a TOML syntax error, or a bad key/value.
    public static func loadFile(named name: String, directory: String) throws -> Theme {
        let path = (directory as NSString).appendingPathComponent(name + ".toml")
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), !name.isEmpty else {
            throw SettingsFileError(file: path, line: nil, key: nil, message: "invalid theme name \"\(name)\"")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SettingsFileError(file: path, line: nil, key: nil,
                                    message: "cannot read the theme file (known themes: "
                                        + "\(shippedNames.joined(separator: ", ")))")
        }
        return try parse(text, name: name, file: path)
    }

    /// Parses theme TOML `text`; `file` is used in error messages.
    /// - Throws: `SettingsFileError` naming the line and key at fault.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        let table = try SettingsFileError.table(text, file: file)
        var roles = Theme.builtInDefault.roles
        var isMonochrome = false
        for key in table.keys {
            switch key {
            case "name", "description": continue
            case "monochrome":
                guard let flag = table[key]?.bool else { throw issue(file, text, key, nil, "must be true or false") }
                isMonochrome = flag
            case "roles":
                guard let rolesTable = table[key]?.table else {
                    throw issue(file, text, key, nil, "must be a table of roles")
                }
                for roleName in rolesTable.keys {
                    guard let role = StyleRole(name: roleName) else {
                        throw issue(file, text, "roles.\(roleName)", nil,
                                    "unknown role (known: "
                                        + "\(StyleRole.allCases.map(\.description).joined(separator: ", ")))")
                    }
                    guard let entry = rolesTable[roleName]?.table else {
                        throw issue(file, text, "roles.\(roleName)", nil, "must be a table")
                    }
                    roles[role] = try appearance(entry, role: roleName, file: file, text: text)
                }
            default:
                throw issue(file, text, key, nil, "unknown key (expected monochrome, roles)")
            }
        }
        if isMonochrome { roles = roles.mapValues { RoleAppearance(attributes: $0.attributes) } }
        return Theme(name: name, roles: roles, isMonochrome: isMonochrome)
    }

    private static func appearance(_ entry: TOMLTable, role: String, file: String,
                                   text: String) throws -> RoleAppearance {
        var look = RoleAppearance()
        for key in entry.keys {
            let path = "roles.\(role).\(key)"
            switch key {
            case "fg", "bg":
                guard let name = entry[key]?.string else {
                    throw issue(file, text, path, role, "must be a colour name in quotes")
                }
                guard let color = TerminalColor(name: name) else {
                    throw issue(file, text, path, role, "unknown colour \"\(name)\" (use default, "
                                    + "\(TerminalColor.names.joined(separator: ", ")), or colour0…colour255)")
                }
                if key == "fg" { look.foreground = color } else { look.background = color }
            case "attributes":
                guard let list = entry[key]?.array else {
                    throw issue(file, text, path, role, "must be a list like [\"bold\"]")
                }
                for item in list {
                    switch item.string {
                    case "bold": look.attributes.insert(.bold)
                    case "underline": look.attributes.insert(.underline)
                    case "reverse": look.attributes.insert(.reverse)
                    case "dim": look.attributes.insert(.dim)
                    case "italic": look.attributes.insert(.italic)
                    default: throw issue(file, text, path, role,
                                         "unknown attribute \(item.string.map { "\"\($0)\"" } ?? "value") "
                                             + "(use bold, underline, reverse, dim, italic)")
                    }
                }
            default:
                throw issue(file, text, path, role, "unknown key (expected fg, bg, attributes)")
            }
        }
        return look
    }

    /// An error for `key`, with the line found by scanning the text (TOMLKit has no positions for values).
    private static func issue(_ file: String, _ text: String, _ key: String, _ role: String?,
                              _ message: String) -> SettingsFileError {
        SettingsFileError(file: file, line: lineNumber(of: key, role: role, in: text), key: key, message: message)
    }

    /// 1-based line where `key` is set: within `[roles.<role>]` when `role` is given.
    static func lineNumber(of key: String, role: String?, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let leaf = String(key.split(separator: ".").last ?? "")
        var inSection = role == nil
        for (i, line) in lines.enumerated() {
            if line.hasPrefix("[") {
                let header = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                if role == nil, header == key || header == "roles.\(leaf)" && key.hasPrefix("roles.") { return i + 1 }
                inSection = role.map { header == "roles.\($0)" } ?? false
                continue
            }
            if inSection, line.hasPrefix(leaf),
               line.dropFirst(leaf.count).trimmingCharacters(in: .whitespaces).hasPrefix("=") {
                return i + 1
            }
        }
        return nil
    }
}

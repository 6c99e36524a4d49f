import Foundation
import TOMLKit

/// The user's settings file, `$XDG_CONFIG_HOME/salesledger/config.toml` (else `~/.config/salesledger/config.toml`):
/// ```toml
/// theme = "dark"     # default, dark, light, high-contrast, mono
/// language = "zh"    # en or zh
/// ```
/// Command-line options win over the file. A broken file is reported (file, line, key) and ignored.
public struct AppConfig: Equatable, Sendable {
    public var theme: String?
    public var language: Language?

    public init(theme: String? = nil, language: Language? = nil) {
        self.theme = theme
        self.language = language
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/salesledger/config.toml" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/salesledger/config.toml"
    }

    /// Reads `path`; a missing file is an empty config. - Throws: `AppConfigError` naming file, line and key.
    public static func load(path: String) throws(AppConfigError) -> AppConfig {
        guard let data = FileManager.default.contents(atPath: path) else { return AppConfig() }
        let text = String(decoding: data, as: UTF8.self)
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw AppConfigError(file: path, line: error.source.begin.line, key: nil, message: "TOML syntax: \(error.description)")
        } catch {
            throw AppConfigError(file: path, line: nil, key: nil, message: "\(error)")
        }
        func line(of key: String) -> Int? {
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) }.map { $0 + 1 }
        }
        var config = AppConfig()
        for key in table.keys {
            switch key {
            case "theme":
                guard let name = table[key]?.string, !name.isEmpty else {
                    throw AppConfigError(file: path, line: line(of: key), key: key, message: "must be a theme name in quotes")
                }
                config.theme = name
            case "language":
                guard let raw = table[key]?.string, let language = Language(rawValue: raw) else {
                    throw AppConfigError(file: path, line: line(of: key), key: key, message: "must be \"en\" or \"zh\"")
                }
                config.language = language
            default:
                throw AppConfigError(file: path, line: line(of: key), key: key, message: "unknown setting (known: theme, language)")
            }
        }
        return config
    }
}

/// A settings file that could not be used: `file:line: key: message`.
public struct AppConfigError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var key: String?
    public var message: String
    public var description: String {
        "\(file)" + (line.map { ":\($0)" } ?? "") + ": " + (key.map { "\($0): " } ?? "") + message
    }
}

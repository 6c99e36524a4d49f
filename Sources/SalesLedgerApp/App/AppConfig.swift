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

    /// Reads `path`; a missing file is an empty config. - Throws: `SettingsFileError` naming file, line and key.
    public static func load(path: String) throws(SettingsFileError) -> AppConfig {
        guard let data = FileManager.default.contents(atPath: path) else { return AppConfig() }
        let text = String(decoding: data, as: UTF8.self)
        let table = try SettingsFileError.table(text, file: path)
        func line(of key: String) -> Int? {
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key) }.map { $0 + 1 }
        }
        var config = AppConfig()
        for key in table.keys {
            switch key {
            case "theme":
                guard let name = table[key]?.string, !name.isEmpty else {
                    throw SettingsFileError(file: path, line: line(of: key), key: key,
                                            message: "must be a theme name in quotes")
                }
                config.theme = name
            case "language":
                guard let raw = table[key]?.string, let language = Language(rawValue: raw) else {
                    throw SettingsFileError(file: path, line: line(of: key), key: key,
                                            message: "must be \"en\" or \"zh\"")
                }
                config.language = language
            default:
                throw SettingsFileError(file: path, line: line(of: key), key: key,
                                        message: "unknown setting (known: theme, language)")
            }
        }
        return config
    }
}

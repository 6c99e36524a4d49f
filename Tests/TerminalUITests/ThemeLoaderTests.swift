import Testing
import Foundation
import TerminalUI
@testable import SalesLedgerApp

@Suite struct ThemeLoaderTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../themes").standardized.path

    @Test(arguments: ThemeLoader.shippedNames)
    func shippedThemesLoad(name: String) throws {
        let theme = try ThemeLoader.loadFile(named: name, directory: Self.directory)
        #expect(theme.name == name)
        #expect(theme.roles[.text] != nil)
        #expect(theme.isMonochrome == (name == "mono"))
    }

    @Test func darkThemeValues() throws {
        let theme = try ThemeLoader.loadFile(named: "dark", directory: Self.directory)
        #expect(theme.appearance(of: Style(.accent)) == RoleAppearance(foreground: .indexed(81), background: .indexed(235), attributes: .bold))
        #expect(theme.appearance(of: Style(.text, .underline)).attributes == .underline)
    }

    @Test func noColorPicksMono() {
        let loaded = ThemeLoader.load(named: "dark", directory: Self.directory, environment: ["NO_COLOR": "1"])
        #expect(loaded.theme.name == "mono")
        #expect(loaded.theme.appearance(of: Style(.error)).foreground == .default)
        #expect(loaded.warning == nil)
    }

    @Test func brokenValueNamesFileLineAndKey() {
        let text = """
        # broken
        [roles.text]
        fg = "default"

        [roles.accent]
        fg = "cyan2"
        """
        #expect(throws: SettingsFileError(file: "themes/broken.toml", line: 6, key: "roles.accent.fg",
                                       message: "unknown colour \"cyan2\" (use default, \(TerminalColor.names.joined(separator: ", ")), or colour0…colour255)")) {
            try ThemeLoader.parse(text, name: "broken", file: "themes/broken.toml")
        }
    }

    @Test func syntaxErrorNamesLine() {
        do {
            _ = try ThemeLoader.parse("[roles.text]\nfg = \"red\"\nbg = \n", name: "x", file: "x.toml")
            Issue.record("expected an error")
        } catch let error as SettingsFileError {
            #expect(error.line == 3)
            #expect(error.description.hasPrefix("x.toml:3: TOML syntax"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownRoleAndAttribute() {
        #expect(throws: SettingsFileError.self) { try ThemeLoader.parse("[roles.sparkle]\nfg = \"red\"\n", name: "x", file: "x.toml") }
        do {
            _ = try ThemeLoader.parse("[roles.ok]\nattributes = [\"blink\"]\n", name: "x", file: "x.toml")
        } catch let error as SettingsFileError {
            #expect(error.line == 2)
            #expect(error.key == "roles.ok.attributes")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func brokenFileFallsBackToDefaultWithWarning() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[roles.header]\nbg = 42\n".write(to: dir.appendingPathComponent("bad.toml"), atomically: true, encoding: .utf8)
        let loaded = ThemeLoader.load(named: "bad", directory: dir.path, environment: [:])
        #expect(loaded.theme == .builtInDefault)
        #expect(loaded.warning?.contains("bad.toml:2: roles.header.bg: must be a colour name") == true)
        let missing = ThemeLoader.load(named: "nope", directory: dir.path, environment: [:])
        #expect(missing.warning?.contains("nope.toml") == true)
    }
}

@Suite struct BuiltInThemeTests {
    @Test func monoFileMatchesBuiltInMono() throws {
        let file = try ThemeLoader.loadFile(named: "mono", directory: ThemeLoaderTests.directory)
        for role in StyleRole.allCases {
            #expect(file.appearance(of: Style(role)) == Theme.mono.appearance(of: Style(role)), "role \(role)")
        }
    }

    @Test func defaultFileMatchesBuiltInDefault() throws {
        let file = try ThemeLoader.loadFile(named: "default", directory: ThemeLoaderTests.directory)
        for role in StyleRole.allCases {
            #expect(file.appearance(of: Style(role)) == Theme.builtInDefault.appearance(of: Style(role)), "role \(role)")
        }
    }

    @Test func monoSelectionStaysVisibleWithoutColour() {
        #expect(Theme.mono.appearance(of: Style(.selection)).attributes.contains(.reverse))
        #expect(Theme.mono.appearance(of: Style(.inputFocused)).attributes.contains(.reverse))
    }
}

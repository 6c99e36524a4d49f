import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Every screen in the shipped mono theme (`themes/mono.toml`, chosen by NO_COLOR), at 80×24 in both languages: the
/// text is the plain snapshot's; this snapshot is the attribute layer, one character per cell, so a test shows
/// what a terminal without colours tells apart (selection, active tab, headers, hint keys) — nothing by colour alone.
@Suite struct ScreenMonoSnapshotTests {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// One character per cell: blank for none, else the attribute set as a letter code (legend in the file).
    static func code(_ attributes: TextAttributes) -> Character {
        if attributes.isEmpty { return " " }
        let letters: [(TextAttributes, String)] = [(.reverse, "R"), (.bold, "B"), (.underline, "U"), (.dim, "D"),
                                                   (.italic, "I")]
        let names = letters.filter { attributes.contains($0.0) }.map(\.1).joined()
        let table = ["R": "r", "B": "b", "U": "u", "D": "d", "I": "i", "RB": "X", "BU": "H", "RU": "S", "RBU": "A",
                     "BD": "M", "UD": "N"]
        return Character(table[names] ?? "?")
    }

    static let legend = "legend: r reverse, b bold, u underline, d dim, i italic, X reverse+bold, H bold+underline, "
        + "S reverse+underline, A reverse+bold+underline, M bold+dim, N underline+dim, ? other"

    @Test(arguments: ScreenID.allCases)
    func screen(_ id: ScreenID) throws {
        let theme = try ThemeLoader.loadFile(named: "mono", directory: Self.repoRoot + "/themes")
        #expect(theme.isMonochrome)
        for language in [Language.en, .zh] {
            let size = Size(width: 80, height: 24)
            var harness = try AppHarness(language: language, size: size, seedLedger: seedGenerated)
            harness.press(.function(id.functionKey))
            var buffer = CellBuffer(size: size)
            _ = harness.app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
            var layer = [Self.legend]
            var reverseCells = 0
            for y in 0..<size.height {
                var line = ""
                for x in 0..<size.width {
                    var cell = buffer[x, y]
                    if cell.isContinuation, x > 0 { cell = buffer[x - 1, y] }
                    let appearance = theme.appearance(of: cell.style)
                    #expect(appearance.foreground == .default && appearance.background == .default)
                    if appearance.attributes.contains(.reverse) { reverseCells += 1 }
                    line.append(Self.code(appearance.attributes))
                }
                layer.append(line)
            }
            // The active tab and the hint keys are marked by an attribute, not by colour.
            #expect(reverseCells > 0, "\(id) \(language): nothing in reverse video in mono")
            assertScreen(layer, named: "\(id).\(language.rawValue).80x24.mono")
        }
    }
}

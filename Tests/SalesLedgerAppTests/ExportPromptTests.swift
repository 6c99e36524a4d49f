import Foundation
import Testing
import TerminalUI
@testable import SalesLedgerApp

/// s34-fix: `x` wrote its CSV into the folder the app was started from without asking. It now asks for the path
/// (the output folder's default name offered), refuses to replace a file without a yes, and says where it wrote.
@Suite struct ExportPromptTests {
    static func contents(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// A fresh output folder of the test's own (no file of an earlier run in it).
    static func folder(_ h: inout AppHarness) throws -> String {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sl-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        h.context.outputFolder = folder
        return folder
    }

    @Test func exportAsksForThePathAndNeverReplacesUnasked() throws {
        var h = try AppHarness(language: .en, size: Size(width: 200, height: 30), seedLedger: seedGenerated)
        let folder = try Self.folder(&h)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let offered = folder + "/salesledger-sales-by-month-\(h.context.today).csv"
        h.press(.function(7), .char("x"))
        #expect(h.text.contains("Export to: \(offered)"), "\(h.text)")
        #expect(!FileManager.default.fileExists(atPath: offered))             // nothing before Enter
        h.press(.escape)
        #expect(!FileManager.default.fileExists(atPath: offered))             // Esc writes nothing

        // A relative name is taken in the output folder; the dialog and the status line name the file.
        let mine = folder + "/mine.csv"
        h.press(.char("x")); h.type("mine.csv"); h.press(.enter)
        let first = try #require(Self.contents(mine))
        #expect(first.contains("2026-11"))
        let mode = try FileManager.default.attributesOfItem(atPath: mine)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(h.text.contains("written to:"), "\(h.text)")
        h.press(.enter)
        #expect(h.text.contains("Exported to \(mine)"), "\(h.text)")

        // The same name again: asked first; No leaves the file, Yes replaces it.
        try "old".write(toFile: mine, atomically: false, encoding: .utf8)
        h.press(.char("x")); h.type("mine.csv"); h.press(.enter)
        #expect(h.text.contains("Replace file?") && h.text.contains("exists. Replace it?"), "\(h.text)")
        h.press(.char("n"))
        #expect(Self.contents(mine) == "old")
        // s35-fix: No is the default, said on the dialog: Enter leaves the file; only `y` replaces it.
        h.press(.char("x")); h.type("mine.csv"); h.press(.enter)
        #expect(h.text.contains("[y] Yes   [n/Enter] No"), "\(h.text)")
        h.press(.enter)
        #expect(Self.contents(mine) == "old")
        h.press(.char("x")); h.type("mine.csv"); h.press(.enter); h.press(.char("y"))
        #expect(Self.contents(mine) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".") }.isEmpty)

        // A folder that does not exist, or a folder as the file: said on the prompt, nothing written.
        h.press(.enter)
        h.press(.char("x")); h.type("no-such-folder/x.csv"); h.press(.enter)
        #expect(h.text.contains("no folder \(folder)/no-such-folder"), "\(h.text)")
        h.press(.escape)
    }

    @Test func theChineseWords() throws {
        var h = try AppHarness(language: .zh, size: Size(width: 200, height: 30), seedLedger: seedGenerated)
        let folder = try Self.folder(&h)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "old".write(toFile: folder + "/a.csv", atomically: false, encoding: .utf8)
        h.press(.function(7), .char("x"))
        #expect(h.text.contains("导出到："), "\(h.text)")
        h.type("a.csv"); h.press(.enter)
        #expect(h.text.contains("替换文件？") && h.text.contains("已存在。是否替换？"), "\(h.text)")
        #expect(h.text.contains("[y] 是   [n/Enter] 否"), "\(h.text)")
        h.press(.enter)
        #expect(Self.contents(folder + "/a.csv") == "old")
        h.press(.char("x")); h.type("a.csv"); h.press(.enter)
        h.press(.escape)
        #expect(Self.contents(folder + "/a.csv") == "old")
    }
}

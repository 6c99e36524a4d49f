import Foundation
import Testing
import LedgerCore
import LedgerInterop
import TerminalUI
@testable import SalesLedgerApp

/// The README's "Keys" section lists exactly the keys the help overlay shows on each screen.
@Suite struct KeysDocumentedTests {
    static func markdown() throws -> String {
        var out = ["## Keys", "", "The same lists are shown by F1 (or `?`) on each screen.", ""]
        let h = try AppHarness(language: .en) { service in
            try service.run(CreateCustomer(CustomerFields(code: "C1", name: "Keys Co")))
        }
        let s = h.context.strings
        let global = h.app.helpBindings.prefix(4)
        out.append("### Everywhere")
        out += global.map(Self.line)
        let titles = [s.screenSalesEntry, s.screenCustomers, s.screenReceivables, s.screenCharts, s.screenReports,
                      s.screenProducts, s.screenDocuments, s.screenAudit]
        for id in ScreenID.allCases {
            var app = h.app
            app.show(id)
            out.append("")
            out.append("### \(titles[id.rawValue]) (F\(id.functionKey))")
            out += app.helpBindings.dropFirst(4).map(Self.line)
            switch id {
            case .salesEntry:
                app.salesEntry.isInList = true
                out += ["", "In today's sales list (^L):"] + app.helpBindings.dropFirst(4).map(Self.line)
            case .customers:
                app.customers.openDetail(code: "C1", context: h.context)
                out += ["", "In a customer (Enter):"] + app.helpBindings.dropFirst(4).map(Self.line)
            case .receivables:
                let bill = "交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注\n"
                    + "2025-03-02 10:15:00,转账,Keys Co,收款,收入,¥10.00,/,已收钱,42001\t,/,/\n"
                var settings = ImportSettings()
                settings.format = .wechat
                let file = try DelimitedFile.parse(data: Data(bill.utf8), source: "bill.csv",
                                                   headerStart: DataImport.headerStart(for: .wechat))
                try app.openReceiptReview(try DataImport(file: file, kind: .receipts, settings: settings),
                                          fileName: "bill.csv", exitAfter: false)
                out += ["", "In the receipt review (i):"] + app.helpBindings.dropFirst(4).map(Self.line)
            case .products:
                app.products.panel = .salespeople
                out += ["", "In the salespeople panel (Tab):"] + app.helpBindings.dropFirst(4).map(Self.line)
                app.products.panel = .settings
                out += ["", "In the ledger settings panel (Tab):"] + app.helpBindings.dropFirst(4).map(Self.line)
            default:
                break
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func line(_ b: KeyBinding) -> String {
        "- `\(b.keyText)` \(b.label)" + (b.help.isEmpty || b.help == b.label ? "" : " — \(b.help)")
    }

    @Test func readmeListsTheHelpOverlayKeys() throws {
        let expected = try Self.markdown()
        let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Keys\n") else {
            Issue.record("README.md has no '## Keys' section; it should be:\n\(expected)")
            return
        }
        let rest = readme[start.lowerBound...]
        let end = rest.dropFirst(3).range(of: "\n## ")?.lowerBound ?? rest.endIndex
        let section = String(rest[..<end]).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        #expect(section == expected, "README's Keys section should be:\n\(expected)")
    }
}

@Suite struct AppConfigTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sl-config-\(UUID().uuidString).toml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func readsThemeAndLanguage() throws {
        let path = try write("theme = \"dark\"\nlanguage = \"zh\"\n")
        #expect(try AppConfig.load(path: path) == AppConfig(theme: "dark", language: .zh))
        #expect(try AppConfig.load(path: path + ".missing") == AppConfig())
    }

    @Test func badSettingNamesFileLineAndKey() throws {
        let path = try write("theme = \"dark\"\n\nlanguage = \"fr\"\n")
        let error = #expect(throws: SettingsFileError.self) { try AppConfig.load(path: path) }
        #expect(error?.description == "\(path):3: language: must be \"en\" or \"zh\"")
        let syntax = try write("theme = \n")
        #expect(throws: SettingsFileError.self) { try AppConfig.load(path: syntax) }
    }
}

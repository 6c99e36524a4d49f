import Foundation
import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s35-fix: the salesperson form's unknown-region refusal listed eight regions and was cut at 80 columns; it names
/// two and counts the rest (`+N more`), whole on the status line.
@Suite struct SalespersonRegionFitTests {
    static func seed(_ service: LedgerService) throws {
        try SalesEntryTests.seed(service)
        try service.run(ImportClasses(rows: (1...6).map { i in
            ClassImportRow(line: i + 1, dimension: "region", code: "CN-3\(i)", nameEN: "Province \(i)",
                           nameZH: "省份\(i)")
        }, source: "test"))
    }

    @Test(arguments: [Language.en, .zh]) func theRefusalIsWholeAt80Columns(language: Language) throws {
        var h = try AppHarness(language: language, size: Size(width: 80, height: 24), seedLedger: Self.seed)
        h.press(.function(8), .tab, .char("a"))
        h.type("S09")
        h.press(.tab)
        h.type("赵六")
        h.press(.tab)
        h.type("Atlantis")
        h.press(.ctrl("s"))
        let status = h.screen()[22]
        let expected = language == .zh
            ? "区域：未知区域 'Atlantis'：已有区域 CN-31 省份1, CN-32 省份2 等，另有 4 个"
            : "region: unknown region 'Atlantis': known: CN-31 省份1, CN-32 省份2 +4 more"
        #expect(status.trimmingCharacters(in: .whitespaces) == expected, "\(h.text)")
        #expect(try h.store.salespeople().first { $0.code == "S09" } == nil)
    }
}

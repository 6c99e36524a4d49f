import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// Every screen in both languages at 80×24 and 200×50, compared with checked-in text.
@Suite struct ScreenSnapshotTests {
    static let cases: [(Language, Int, Int)] = [(.en, 80, 24), (.zh, 80, 24), (.en, 200, 50), (.zh, 200, 50)]

    @Test(arguments: ScreenID.allCases)
    func screen(_ id: ScreenID) throws {
        for (language, width, height) in Self.cases {
            var harness = try AppHarness(language: language, size: Size(width: width, height: height), seedLedger: seedGenerated)
            harness.press(.function(id.functionKey))
            assertScreen(harness.screen(), named: "\(id).\(language.rawValue).\(width)x\(height)")
        }
    }

    @Test func tooSmallTerminalShowsTheNotice() throws {
        let harness = try AppHarness(language: .en, size: Size(width: 40, height: 10), seedLedger: seedGenerated)
        #expect(harness.app.minimumSize == Size(width: 80, height: 24))
    }
}

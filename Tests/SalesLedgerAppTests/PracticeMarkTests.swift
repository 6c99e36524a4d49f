import Testing
import LedgerCore
import TerminalUI
@testable import SalesLedgerApp

/// s34-fix2: training at 80×24 hid the lesson's steps, and the TUI on a practice ledger (`--practice`) showed no
/// 练习 marker. The title bar now says `[练习 TRAINING]` on every screen of a practice ledger (in words, not by colour
/// alone), and a terminal too narrow for the side panel shows the steps in a compact strip under the app.
@Suite struct PracticeMarkTests {
    static func practiceSeed(_ service: LedgerService) throws {
        try seedGenerated(service)
        try service.run(MarkPracticeLedger(language: "zh"))
    }

    @Test(arguments: [Language.en, .zh]) func everyScreenOfAPracticeLedgerIsMarked(language: Language) throws {
        for size in [Size(width: 80, height: 24), Size(width: 200, height: 50)] {
            var h = try AppHarness(language: language, size: size, seedLedger: Self.practiceSeed)
            for key in [3, 4, 5, 6, 7, 8, 9, 11] {
                h.press(.function(key))
                let title = h.screen()[0]
                #expect(title.hasPrefix(" [练习 TRAINING] "), "F\(key) \(size): \(title)")
                #expect(title.contains("test.sqlite") || size.width == 80, "\(title)")
            }
            h.press(.char("?"))                                            // help over the screen: still marked
            #expect(h.screen()[0].hasPrefix(" [练习 TRAINING] "), "\(h.text)")
        }
    }

    @Test func aRealLedgerHasNoMark() throws {
        let h = try AppHarness(language: .zh, seedLedger: seedGenerated)
        #expect(!h.text.contains("练习"), "\(h.text)")
    }

    @Test func theStepsAreShownCompactAt80x24() throws {
        var h = try TrainingScreenTests.Harness(size: Size(width: 80, height: 24))
        var lines = h.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 24)
        #expect(lines[0].contains("[练习 TRAINING]"), "\(lines[0])")
        #expect(lines.contains { $0.contains("练习 TRAINING │ 没有进行中的课程") && $0.contains("F12 培训菜单") },
                "\(lines.joined(separator: "\n"))")
        #expect(lines[23].contains("按 F12 → 选择课程。"), "\(lines.joined(separator: "\n"))")
        h.press(.function(12), .down, .enter, .enter)                      // Choose a lesson → 1
        lines = h.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let strip = try #require(lines.firstIndex { $0.contains("第1课/共8课：录入两行的销售单") },
                                 "\(lines.joined(separator: "\n"))")
        #expect(strip >= 20 && strip <= 22, "strip at \(strip)")
        let steps = lines[(strip + 1)...].joined()
        #expect(steps.contains("1. F3 销售录入；客户栏输入 C0001"), "\(steps)")
        #expect(steps.contains("2. Tab 到第1行"), "\(steps)")
        // The app above keeps its title bar, tabs, status line and hints.
        #expect(lines[1].contains("F3") && lines[strip - 1].contains("F1"), "\(lines.joined(separator: "\n"))")
        // Hidden with F12 → Hide the steps: the app has every row again.
        h.press(.function(12), .down, .down, .down, .enter)
        #expect(!h.text.contains("第1课/共8课"), "\(h.text)")
    }

    /// Every lesson's steps fit the strip at 80×24 (4 rows), none cut.
    @Test(arguments: [Language.en, .zh]) func everyLessonFitsTheStripAt80x24(language: Language) throws {
        var h = try TrainingScreenTests.Harness(size: Size(width: 80, height: 24), language: language)
        for lesson in TrainingLessons.all {
            h.app.startLesson(lesson)
            let rows = h.app.compactSteps(width: 80, height: 24)
            #expect(rows.count <= 5, "\(lesson.id): \(rows.map(\.0))")
            #expect(!(rows.last?.0.hasSuffix("~") ?? true), "\(lesson.id): \(rows.map(\.0))")
        }
    }

    @Test func theSidePanelStaysOnAWideTerminal() throws {
        let h = try TrainingScreenTests.Harness(size: Size(width: 130, height: 34))
        #expect(h.text.contains("F12 培训菜单"))
        #expect(!h.text.contains("练习 TRAINING │"), "\(h.text)")
    }
}

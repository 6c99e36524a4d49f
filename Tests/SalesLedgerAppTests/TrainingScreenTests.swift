import LedgerCore
import LedgerStore
import TerminalUI
import Testing

@testable import SalesLedgerApp

/// Training mode in the cell grid: the 练习 TRAINING title, the lesson panel, the F12 menu and a check's verdict.
struct TrainingScreenTests {
    struct Harness {
        let practice: LedgerService
        let real: SQLiteLedgerStore
        var app: TrainingApp
        var size: Size

        init(size: Size, language: Language = .zh) throws {
            let store = try SQLiteLedgerStore()
            practice = LedgerService(store: store, clock: FixedClock(CivilDate(iso: "2026-11-29")!), actor: "S01")
            try seedGenerated(practice)
            try practice.run(MarkPracticeLedger(language: "zh"))
            real = try SQLiteLedgerStore()
            let realService = LedgerService(store: real, clock: practice.clock, actor: "S01")
            let context = AppContext(
                store: store, service: practice, language: language,
                ledgerName: "t.practice.sqlite")   // the title bar marks a practice ledger itself (isPractice)
            let session = TrainingSession(practice: practice, practiceQueries: store, real: realService,
                                          chinese: language == .zh)
            app = TrainingApp(context: context, session: session)
            self.size = size
        }

        mutating func press(_ keys: Key...) { for key in keys { _ = app.handle(.key(key)) } }

        var text: String {
            var buffer = CellBuffer(size: size)
            _ = app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
            return buffer.lines.joined(separator: "\n")
        }
    }

    @Test func lessonPanelMenuAndAnExplainedMistake() throws {
        var h = try Harness(size: Size(width: 130, height: 34))
        #expect(h.text.split(separator: "\n")[0].contains("练习 TRAINING"))
        #expect(h.text.contains("按 F12 → 选择课程。"))
        h.press(.function(12))
        #expect(h.text.contains("检查本课") && h.text.contains("重置练习账套"))
        h.press(.down, .enter)
        #expect(h.text.contains("8. 用拼音查找销售单"))
        h.press(.enter)
        #expect(h.text.contains("第1课/共8课") && h.text.contains("已开始第1课：录入两行的销售单"))
        #expect(h.text.contains("1. F3 销售录入；客户栏输入"))
        var post = PostInvoice(
            customerCode: "C0001", date: h.practice.clock.today(),
            lines: [
                LineInput(productSKU: "P001", quantity: Quantity(3)),
                LineInput(productSKU: "P002", quantity: Quantity(1)),
            ])
        post.creditOverrideReason = "test"
        try h.practice.run(post)
        h.press(.function(12), .enter)
        #expect(h.text.contains("未通过（第1次）："))
        #expect(h.text.contains("• 第2行：数量为 1，应为 2。"))
        h.press(.enter)
        #expect(h.text.contains("已检查 1 次，尚未通过。"))
        #expect(try h.real.trainingLog(user: nil).map(\.score) == [0])
    }

    /// s34-fix2: at 80×24 the steps are in a compact strip under the app (they were hidden), F12 hides them.
    @Test func narrowTerminalShowsCompactStepsAndKeepsTheBadge() throws {
        var h = try Harness(size: Size(width: 80, height: 24))
        let lines = h.text.split(separator: "\n")
        #expect(lines[0].contains("练习 TRAINING"))
        #expect(h.text.contains("F12 培训菜单"))
        h.press(.function(12))
        #expect(h.text.contains("隐藏步骤"))
        h.press(.down, .down, .down, .enter)
        #expect(!h.app.panelVisible)
        #expect(!h.text.contains("F12 培训菜单"))
    }
}

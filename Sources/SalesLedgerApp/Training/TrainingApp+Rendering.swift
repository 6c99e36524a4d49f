import LedgerCore
import TerminalUI

extension TrainingApp {
    /// The ledger app on the left (its own title bar, tabs, screen, status and hints), the lesson panel on the right
    /// when the terminal is wide enough (80 + panel) and the steps are shown; the training dialogs on top.
    public func render(into buffer: inout CellBuffer, context renderContext: RenderContext) -> Point? {
        let size = renderContext.size
        let showPanel = panelVisible && size.width >= 80 + Self.panelWidth
        let appWidth = showPanel ? size.width - Self.panelWidth : size.width
        var inner = CellBuffer(size: Size(width: appWidth, height: size.height))
        var cursor = app.render(
            into: &inner, context: RenderContext(size: inner.size, supportsUnicode: renderContext.supportsUnicode))
        buffer.blit(inner, at: Point(x: 0, y: 0))
        if showPanel {
            renderPanel(
                into: &buffer, in: Rect(x: appWidth, y: 0, width: Self.panelWidth, height: size.height),
                unicode: renderContext.supportsUnicode)
        }
        if !modals.isEmpty {
            _ = modals.render(into: &buffer, in: Rect(size: size), context: context,
                              unicode: renderContext.supportsUnicode)
            cursor = nil
        }
        return cursor
    }

    /// The side panel: the 练习 TRAINING badge on the title row, then the lesson, its numbered steps and the state.
    func renderPanel(into buffer: inout CellBuffer, in area: Rect, unicode: Bool) {
        let title = area.row(0)
        buffer.fill(title, style: Style(.title))
        buffer.setFitted(
            " " + PracticeLedger.badge + "  F12 " + s.t("menu", "培训菜单"), x: area.x, y: 0, width: area.width,
            style: Style(.warning, [.bold, .reverse]))
        let box = Rect(x: area.x, y: 1, width: area.width, height: max(0, area.height - 1))
        guard box.height >= 3 else { return }
        let number = lesson.map { TrainingLessons.number(of: $0.id) }
        let heading =
            number.map { s.t("Lesson \($0)/\(TrainingLessons.all.count)",
                             "第\($0)课/共\(TrainingLessons.all.count)课") }
            ?? s.t("Lessons", "课程")
        buffer.fill(box, style: Style(.text))
        Border.draw(into: &buffer, rect: box, title: heading, style: Style(.border), unicode: unicode)
        let text = box.inset(top: 1, left: 2, bottom: 1, right: 1)
        var rows: [(String, Style)] = []
        func add(_ paragraph: String, _ style: Style = Style(.text), indent: String = "") {
            for (i, line) in TextFitting.wrap(paragraph, toWidth: max(1, text.width - indent.count)).enumerated() {
                rows.append(((i == 0 ? "" : indent) + line, style))
            }
        }
        if let lesson {
            add(lesson.title.text(zh: s.zh), Style(.accent, [.bold]))
            rows.append(("", Style(.text)))
            for (i, step) in session.steps(lesson, state: state).enumerated() {
                add("\(i + 1). " + step, indent: "   ")
            }
            rows.append(("", Style(.text)))
            if let state {
                if state.passed {
                    add(
                        s.t(
                            "Passed (score \(TrainingSession.score(passed: true, attempts: state.attempts))).",
                            "已通过（得分 \(TrainingSession.score(passed: true, attempts: state.attempts))）。"),
                        Style(.ok, [.bold]))
                } else if state.attempts > 0 {
                    add(
                        s.t("Checked \(state.attempts)×, not passed yet.",
                            "已检查 \(state.attempts) 次，尚未通过。"),
                        Style(.warning))
                }
            }
        } else {
            add(s.t("Press F12 → Choose a lesson.", "按 F12 → 选择课程。"), Style(.accent, [.bold]))
            rows.append(("", Style(.text)))
            for (i, item) in TrainingLessons.all.enumerated() {
                add("\(i + 1). " + item.title.text(zh: s.zh), indent: "   ")
            }
        }
        for (i, row) in rows.prefix(max(0, text.height - 1)).enumerated() {
            buffer.setFitted(row.0, x: text.x, y: text.y + i, width: text.width, style: row.1)
        }
        buffer.setFitted(
            s.t("F12 Training menu", "F12 培训菜单"), x: text.x, y: text.maxY - 1, width: text.width,
            style: Style(.hintKey, [.bold]))
    }
}

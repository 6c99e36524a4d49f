import LedgerCore
import TerminalUI

extension TrainingApp {
    /// The ledger app on the left (its own title bar, tabs, screen, status and hints), the lesson panel on the right
    /// when the terminal is wide enough (80 + panel) and the steps are shown; narrower, the steps in a compact strip
    /// under the app (`compactSteps`; s34-fix2: at 80×24 they were hidden); the training dialogs on top.
    public func render(into buffer: inout CellBuffer, context renderContext: RenderContext) -> Point? {
        let size = renderContext.size
        let showPanel = panelVisible && size.width >= 80 + Self.panelWidth
        let strip = panelVisible && !showPanel ? compactSteps(width: size.width, height: size.height) : []
        let appWidth = showPanel ? size.width - Self.panelWidth : size.width
        var inner = CellBuffer(size: Size(width: appWidth, height: size.height - strip.count))
        var cursor = app.render(
            into: &inner, context: RenderContext(size: inner.size, supportsUnicode: renderContext.supportsUnicode))
        buffer.blit(inner, at: Point(x: 0, y: 0))
        if showPanel {
            renderPanel(
                into: &buffer, in: Rect(x: appWidth, y: 0, width: Self.panelWidth, height: size.height),
                unicode: renderContext.supportsUnicode)
        }
        for (i, row) in strip.enumerated() {
            let y = size.height - strip.count + i
            buffer.setFitted(row.0, x: 0, y: y, width: size.width, style: row.1)
        }
        if !modals.isEmpty {
            _ = modals.render(into: &buffer, in: Rect(size: size), context: context,
                              unicode: renderContext.supportsUnicode)
            cursor = nil
        }
        return cursor
    }

    /// The steps in compact form for a terminal too narrow for the side panel: a heading row (the 练习 TRAINING
    /// badge, the lesson, F12) and the numbered steps run together and wrapped, at most 4 rows at 24 lines (every
    /// lesson's steps fit in 4 rows of 80 columns, in English and Chinese; up to 6 on taller terminals), so the app
    /// keeps at least 19 rows; steps that do not fit end in `~`.
    func compactSteps(width: Int, height: Int) -> [(String, Style)] {
        let maxRows = max(1, min(6, height - 20))
        let heading: String
        let text: String
        if let lesson {
            let number = TrainingLessons.number(of: lesson.id), count = TrainingLessons.all.count
            let passed = state?.passed == true ? s.t(" — passed", " — 已通过") : ""
            heading = s.t("Lesson \(number)/\(count): ", "第\(number)课/共\(count)课：")
                + lesson.title.text(zh: s.zh) + passed
            text = session.steps(lesson, state: state).enumerated().map { "\($0.offset + 1). \($0.element)" }
                .joined(separator: s.t("  ", "　"))
        } else {
            heading = s.t("No lesson in progress", "没有进行中的课程")
            text = s.t("Press F12 → Choose a lesson.", "按 F12 → 选择课程。")
        }
        let head = " " + PracticeLedger.badge + " │ " + heading
        let menu = "F12 " + s.t("menu", "培训菜单") + " "
        let room = max(0, width - DisplayWidth.of(menu) - 1)
        let title = TextFitting.fit(head, toWidth: room) + " " + menu
        var lines = TextFitting.wrap(text, toWidth: max(1, width - 2)).map { " " + $0 }
        if lines.count > maxRows {
            // The last row shown runs into the next and ends in `~`: there is more (F12 lists every step).
            lines[maxRows - 1] = TextFitting.truncate(lines[maxRows - 1] + " " + lines[maxRows], toWidth: width - 1)
            lines = Array(lines.prefix(maxRows))
        }
        return [(title, Style(.warning, [.bold, .reverse]))] + lines.map { ($0, Style(.text)) }
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

import LedgerCore
import TerminalUI

/// Training mode (培训) around the ledger app: the practice ledger's screens on the left, the lesson and its steps
/// in a side panel on the right, and F12 for the training menu (check the lesson, choose a lesson, quiz, show or
/// hide the steps, reset the practice ledger). The title bar says 练习 TRAINING (the context's ledger name).
public struct TrainingApp: TerminalApplication, ModalOwner {
    var app: LedgerApp
    let session: TrainingSession
    var context: AppContext { app.context }
    var panelVisible = true
    /// The training menu and the dialogs it opens, each with what its answer does.
    var modals = ModalStack<TrainingApp>()
    /// The lesson in progress, re-read after every training action.
    var state: TrainingLessonState?
    /// The quiz in progress: lesson, answers so far, start (wall seconds).
    var quiz: (lesson: TrainingLesson, answers: [Int], started: Int64)?
    /// Set when the trainee chose "reset": the launcher rebuilds the practice ledger and starts again.
    public private(set) var resetRequested = false
    /// Width of the side panel (cells).
    static let panelWidth = 38

    static var nothing: EventOutcome { .continue }

    public init(context: AppContext, session: TrainingSession) {
        app = LedgerApp(context: context)
        self.session = session
        state = try? session.currentState()
    }

    public var minimumSize: Size { app.minimumSize }
    public var hasPendingWork: Bool { app.hasPendingWork }
    public var tooSmallText: (@Sendable (Size, Size) -> String)? { app.tooSmallText }
    public mutating func willTerminate(_ reason: TerminationReason) { app.willTerminate(reason) }

    var lesson: TrainingLesson? { state.flatMap { TrainingLessons.lesson($0.lessonID) } }
    var s: Strings { context.strings }

    public mutating func handle(_ event: Event) -> EventOutcome {
        if !modals.isEmpty {
            guard case .key = event else { return app.handle(event) }
            return handleModals(event, context: context) ?? .continue
        }
        if case .key(.function(12)) = event {
            openMenu()
            return .continue
        }
        return app.handle(event)
    }

    // MARK: - Menu and dialogs

    static func menuOptions(_ s: Strings, panelVisible: Bool) -> [String] {
        [
            s.t("Check lesson", "检查本课"), s.t("Choose a lesson", "选择课程"),
            s.t("Quiz of this lesson", "本课测验"),
            panelVisible ? s.t("Hide the steps", "隐藏步骤") : s.t("Show the steps", "显示步骤"),
            s.t("Reset the practice ledger", "重置练习账套"), s.t("Close", "关闭"),
        ]
    }

    mutating func openMenu() {
        let title = s.t("Training", "培训") + " — " + PracticeLedger.badge
        let current =
            lesson.map { "\(TrainingLessons.number(of: $0.id)). \($0.title.text(zh: s.zh))" }
            ?? s.t("No lesson in progress.", "没有进行中的课程。")
        show(Dialog(title: title, message: current, kind: .picker(Self.menuOptions(s, panelVisible: panelVisible)))) {
            training, index in training.menuPicked(index)
        }
    }

    /// Shows `dialog`; `picked` runs with the option chosen (a picker) or 0 (a confirmed question), `cancelled`
    /// with any other answer.
    mutating func show(_ dialog: Dialog, picked: @escaping (inout TrainingApp, Int) -> EventOutcome = { _,
                       _ in .continue }, cancelled: @escaping (inout TrainingApp) -> Void = { _ in }) {
        modals.push(DialogModal(dialog) { outcome, training, _ in
            switch outcome {
            case .picked(let index): return picked(&training, index)
            case .confirmed: return picked(&training, 0)
            default:
                cancelled(&training)
                return .continue
            }
        })
    }

    mutating func message(_ title: String, _ text: String) {
        show(Dialog(title: title, message: text, kind: .message))
    }

    mutating func menuPicked(_ index: Int) -> EventOutcome {
        switch index {
        case 0: checkLesson()
        case 1:
            let titles = TrainingLessons.all.enumerated().map { "\($0.offset + 1). \($0.element.title.text(zh: s.zh))" }
            show(
                Dialog(
                    title: s.t("Choose a lesson", "选择课程"),
                    message: s.t(
                        "Preparing a lesson may add documents to the practice ledger.",
                        "开始课程时可能会在练习账套中准备单据。"),
                    kind: .picker(titles))) { training, index in
                training.startLesson(TrainingLessons.all[index])
                return .continue
            }
        case 2: startQuiz()
        case 3: panelVisible.toggle()
        case 4:
            // Replaces the practice ledger: Enter answers No (s35-fix), only `y` resets.
            var reset = Dialog(
                title: s.t("Reset the practice ledger", "重置练习账套"),
                message: s.t(
                    "Everything in the practice ledger is replaced by a fresh sample. "
                        + "Your scores stay in the real ledger.",
                    "练习账套的全部内容将被新的示例数据替换；成绩保留在正式账套中。"), kind: .confirm)
            reset.enterDeclines = true
            show(reset) { training, _ in
                training.resetRequested = true
                return .quit(exitCode: 0)
            }
        default: break
        }
        return .continue
    }

    // MARK: - Lessons

    mutating func startLesson(_ lesson: TrainingLesson) {
        do {
            state = try session.start(lesson)
            context.dataChanged()
            app.status = (
                s.t(
                    "Lesson \(TrainingLessons.number(of: lesson.id)) started: ",
                    "已开始第\(TrainingLessons.number(of: lesson.id))课：")
                    + lesson.title.text(zh: s.zh), false
            )
            panelVisible = true
        } catch {
            app.status = (context.describe(message: "\(error)"), true)
        }
    }

    mutating func checkLesson() {
        guard let lesson, let state else {
            message(
                s.t("Check lesson", "检查本课"),
                s.t("Choose a lesson first (F12 → Choose a lesson).",
                    "请先选择课程（F12 → 选择课程）。"))
            return
        }
        if lesson.expectations.contains(where: { if case .pickInvoice = $0 { true } else { false } }), !state.passed {
            show(
                Dialog(
                    title: s.t("Which invoice did you find?", "你找到的是哪张销售单？"),
                    message: s.t("Pick the number of the newest invoice of ", "请选择最新销售单的单号：")
                        + (state.refs["target.name"] ?? ""),
                    kind: .picker(session.answerChoices(lesson, state: state)))) { training, index in
                if let lesson = training.lesson, let state = training.state {
                    training.runCheck(answer: training.session.answerChoices(lesson, state: state)[safe: index])
                }
                return .continue
            }
            return
        }
        runCheck(answer: nil)
    }

    mutating func runCheck(answer: String?) {
        do {
            let outcome = try session.check(answer: answer)
            state = try session.currentState()
            message(
                s.t("Check lesson", "检查本课") + " — \(TrainingLessons.number(of: outcome.lesson.id))",
                TrainingApp.resultText(outcome, s))
        } catch {
            app.status = (context.describe(message: "\(error)"), true)
        }
    }

    /// The check's verdict and every difference, in the UI language.
    static func resultText(_ outcome: TrainingSession.CheckOutcome, _ s: Strings) -> String {
        let time = "\(outcome.seconds / 60):" + String(format2(outcome.seconds % 60))
        if outcome.passed {
            return s.t(
                "Passed. Score \(outcome.score), attempts \(outcome.attempts), time \(time).",
                "通过！得分 \(outcome.score)，尝试 \(outcome.attempts) 次，用时 \(time)。")
                + (outcome.logged != nil ? s.t(" Recorded in the training log.", " 已记入培训记录。") : "")
        }
        let head = s.t("Not passed yet (attempt \(outcome.attempts)):", "未通过（第\(outcome.attempts)次）：")
        return ([head] + outcome.differences.map { "• " + $0.text(zh: s.zh) }).joined(separator: "\n")
    }

    static func format2(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: - Quiz

    mutating func startQuiz() {
        guard let lesson else {
            message(s.t("Quiz", "测验"), s.t("Choose a lesson first (F12 → Choose a lesson).",
                                           "请先选择课程（F12 → 选择课程）。"))
            return
        }
        quiz = (lesson, [], session.practice.wallClock())
        askQuizQuestion()
    }

    mutating func askQuizQuestion() {
        guard let quiz else { return }
        let index = quiz.answers.count
        let question = quiz.lesson.quiz[index]
        show(
            Dialog(
                title: s.t("Quiz", "测验") + " \(index + 1)/\(quiz.lesson.quiz.count)",
                message: question.question.text(zh: s.zh),
                kind: .picker(question.choices.map { $0.text(zh: s.zh) })),
            picked: { training, index in
                training.answerQuiz(index)
                return .continue
            },
            cancelled: { $0.quiz = nil })
    }

    mutating func answerQuiz(_ index: Int) {
        guard var current = quiz else { return }
        current.answers.append(index)
        quiz = current
        if current.answers.count < current.lesson.quiz.count {
            askQuizQuestion()
            return
        }
        quiz = nil
        do {
            let outcome = try session.scoreQuiz(
                current.lesson, answers: current.answers,
                seconds: max(0, session.practice.wallClock() - current.started))
            var lines = [
                s.t(
                    "Score \(outcome.score) (\(outcome.correct) of \(outcome.total) right)",
                    "得分 \(outcome.score)（答对 \(outcome.correct)/\(outcome.total)）")
                    + (outcome.passed ? s.t(" — passed.", " — 通过。") : s.t(" — not passed.",
                                                                          " — 未通过。"))
            ]
            if !outcome.corrections.isEmpty { lines.append(s.t("Right answers:", "正确答案：")) }
            lines += outcome.corrections
            message(s.t("Quiz", "测验"), lines.joined(separator: "\n"))
        } catch {
            app.status = (context.describe(message: "\(error)"), true)
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

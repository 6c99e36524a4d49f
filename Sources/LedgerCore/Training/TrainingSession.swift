import Foundation

/// Runs training mode over two ledgers: lessons are prepared and checked in the PRACTICE ledger; results are
/// written to the REAL ledger's training log. Shared by the CLI (`salesledger train …`) and the terminal UI.
public final class TrainingSession {
    /// The practice ledger's command service (its store is the practice file).
    public let practice: LedgerService
    public let practiceQueries: any TrainingQueries
    /// The real ledger's command service, where results are logged; nil logs nothing (tests of the checker).
    public let real: LedgerService?
    public let chinese: Bool

    public init(practice: LedgerService, practiceQueries: any TrainingQueries, real: LedgerService?, chinese: Bool) {
        self.practice = practice
        self.practiceQueries = practiceQueries
        self.real = real
        self.chinese = chinese
    }

    /// What one check of a lesson found.
    public struct CheckOutcome: Sendable {
        public var lesson: TrainingLesson
        public var differences: [LocalText]
        public var passed: Bool
        public var score: Int
        public var attempts: Int
        public var seconds: Int64
        /// The logged result; nil when nothing was logged (already passed, or no real ledger).
        public var logged: TrainingResult?
    }

    /// The lesson in progress (from the practice ledger), if any.
    public func currentState() throws -> TrainingLessonState? {
        guard let text = try practice.store.ledgerSetting(PracticeLedger.lessonKey) else { return nil }
        return try? JSONDecoder().decode(TrainingLessonState.self, from: Data(text.utf8))
    }

    /// Starts `lesson`: prepares its documents in the practice ledger, then records the baseline (everything after
    /// it is the trainee's) and the start time.
    @discardableResult
    public func start(_ lesson: TrainingLesson) throws -> TrainingLessonState {
        var refs: [String: String] = [:]
        let today = practice.clock.today()
        for step in lesson.setup {
            switch step {
            case .postInvoice(let ref, let customer, let daysAgo, let lines):
                var post = PostInvoice(
                    customerCode: customer, date: today.adding(days: -daysAgo),
                    lines: lines.map {
                        LineInput(
                            productSKU: $0.sku, quantity: Quantity($0.quantity),
                            taxRate: $0.taxBP.map { Rate(basisPoints: $0) })
                    })
                post.creditOverrideReason = "training set-up"
                let invoice = try practice.run(post)
                refs[ref] = invoice.displayNumber
                refs[ref + ".total.minor"] = String(invoice.total.minorUnits)
                refs[ref + ".total"] = Money.format(
                    invoice.total.minorUnits, digits: invoice.total.currency.minorDigits,
                    grouping: true)
                refs[ref + ".customer"] = customer
                if let record = try practice.store.customer(code: customer) {
                    refs[ref + ".name"] = record.name
                    refs[ref + ".initials"] = record.pinyinInitials.split(separator: "|").first.map(String.init) ?? ""
                }
            }
        }
        let state = TrainingLessonState(
            lessonID: lesson.id, baseline: try practiceQueries.trainingBaseline(), refs: refs,
            startedAt: practice.wallClock())
        return try practice.run(SaveTrainingLessonState(state: state))
    }

    /// The lesson's steps in the UI language with the prepared documents filled in.
    public func steps(_ lesson: TrainingLesson, state: TrainingLessonState?) -> [String] {
        lesson.steps.map { fill($0.text(zh: chinese), refs: state?.refs ?? [:]) }
    }

    /// `{ref}`, `{ref.total}`, … replaced by the prepared values (longest keys first).
    public func fill(_ text: String, refs: [String: String]) -> String {
        var out = text
        for (key, value) in refs.sorted(by: { $0.key.count > $1.key.count }) {
            out = out.replacingOccurrences(of: "{\(key)}", with: value)
        }
        return out
    }

    /// Choices for a `pickInvoice` lesson: the prepared invoice among the three numbers before it, in an order that
    /// depends on the number (so the answer is not always first).
    public func answerChoices(_ lesson: TrainingLesson, state: TrainingLessonState) -> [String] {
        guard
            case .pickInvoice(let ref)? = lesson.expectations.first(where: {
                if case .pickInvoice = $0 { return true } else { return false }
            }), let number = state.refs[ref]
        else { return [] }
        let parts = number.split(separator: "-")
        guard parts.count == 3, let year = Int(parts[1]), let n = Int(parts[2]) else { return [number] }
        var choices = (1...3).compactMap {
            n - $0 > 0 ? Invoice.formatNumber(series: String(parts[0]), year: year, number: n - $0) : nil
        }
        choices.insert(number, at: n % (choices.count + 1))
        return choices
    }

    /// Checks the lesson in progress: compares the practice ledger with the expectations, counts the attempt,
    /// and logs the result (pass or not) in the real ledger. Score: 100 on the first attempt, 20 less for each
    /// further attempt, at least 40; 0 while not passed.
    /// - Throws: `LedgerError.refused` when no lesson is in progress.
    public func check(answer: String? = nil) throws -> CheckOutcome {
        guard var state = try currentState(), let lesson = TrainingLessons.lesson(state.lessonID) else {
            throw LedgerError.refused(chinese ? "没有进行中的课程：先选择一课" : "no lesson in progress: "
                                                                   + "start one first")
        }
        let today = practice.clock.today()
        let facts = try practiceQueries.trainingFacts(since: state.baseline, today: today)
        let differences = TrainingChecker.differences(lesson, state: state, facts: facts, answer: answer, today: today)
        let seconds = max(0, practice.wallClock() - state.startedAt)
        if state.passed {
            return CheckOutcome(
                lesson: lesson, differences: differences, passed: true,
                score: Self.score(passed: true, attempts: state.attempts), attempts: state.attempts,
                seconds: seconds, logged: nil)
        }
        state.attempts += 1
        state.passed = differences.isEmpty
        try practice.run(SaveTrainingLessonState(state: state))
        let score = Self.score(passed: state.passed, attempts: state.attempts)
        let logged = try log(
            kind: .lesson, lesson: lesson, passed: state.passed, score: score, attempts: state.attempts,
            seconds: seconds, date: today)
        return CheckOutcome(
            lesson: lesson, differences: differences, passed: state.passed, score: score,
            attempts: state.attempts, seconds: seconds, logged: logged)
    }

    /// Lesson score: 0 while not passed; else 100 − 20 × (attempts − 1), at least 40.
    public static func score(passed: Bool, attempts: Int) -> Int {
        passed ? max(40, 100 - 20 * max(0, attempts - 1)) : 0
    }

    /// What a quiz scored.
    public struct QuizOutcome: Sendable {
        public var correct: Int
        public var total: Int
        /// Percent, rounded half up.
        public var score: Int
        public var passed: Bool
        /// For each wrong answer: the question and the right answer, in the UI language.
        public var corrections: [String]
        public var logged: TrainingResult?
    }

    /// Scores `answers` (choice index per question) of `lesson`'s quiz and logs it; passed at 60 % or more.
    public func scoreQuiz(_ lesson: TrainingLesson, answers: [Int], seconds: Int64) throws -> QuizOutcome {
        var correct = 0
        var corrections: [String] = []
        for (i, question) in lesson.quiz.enumerated() {
            if i < answers.count, answers[i] == question.answer {
                correct += 1
            } else {
                corrections.append(
                    "\(i + 1). \(question.question.text(zh: chinese)) → "
                        + question.choices[question.answer].text(zh: chinese))
            }
        }
        let total = lesson.quiz.count
        let score = total == 0 ? 100 : (correct * 200 + total) / (total * 2)
        let passed = score >= 60
        let logged = try log(
            kind: .quiz, lesson: lesson, passed: passed, score: score, attempts: 1, seconds: seconds,
            date: practice.clock.today())
        return QuizOutcome(
            correct: correct, total: total, score: score, passed: passed, corrections: corrections,
            logged: logged)
    }

    func log(
        kind: TrainingResult.Kind, lesson: TrainingLesson, passed: Bool, score: Int, attempts: Int, seconds: Int64,
        date: CivilDate
    ) throws -> TrainingResult? {
        guard let real else { return nil }
        let result = TrainingResult(
            user: real.actor, kind: kind, lesson: lesson.id, date: date, passed: passed,
            score: score, attempts: attempts, seconds: seconds, language: chinese ? "zh" : "en")
        return try real.run(RecordTrainingResult(result: result))
    }
}

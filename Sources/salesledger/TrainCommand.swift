import ArgumentParser
import Foundation
import LedgerCore
import LedgerInterop
import LedgerReports
import LedgerStore

/// `salesledger train`: training mode (培训). Without a subcommand, opens the terminal UI on the practice ledger
/// beside the real one (made from the generated sample when missing), with the lesson panel and F12 menu.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training mode (培训): a practice ledger, lessons with checks, quizzes; scores go to the real "
                  + "ledger.",
        discussion: "--db names the REAL ledger; the practice ledger is <name>.practice.sqlite beside it.",
        subcommands: [Reset.self, Lessons.self, Start.self, Check.self, Quiz.self, Report.self])

    @OptionGroup var global: GlobalOptions
    @Option(help: "Language of the practice sample when it is made: zh or en (default: the UI language).") var sample:
        String?
    @Option(help: "Colour theme: default, dark, light, high-contrast, mono.") var theme: String?

    func run() throws {
        try TrainLauncher.run(global: global, sample: sample, theme: theme)
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the practice ledger by a fresh sample (scores stay).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Language of the new practice sample: zh or en (default: the UI language).") var sample: String?
        func run() throws {
            _ = try TrainingFiles.practiceOptions(global)
            let path = try TrainingFiles.reset(global, language: try TrainingFiles.language(sample, global: global))
            print(global.isChinese ? "练习账套已重置：\(path)" : "practice ledger reset: \(path)")
        }
    }

    struct Lessons: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the lessons.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            for (i, lesson) in TrainingLessons.all.enumerated() {
                print("\(i + 1)  \(lesson.id)  \(lesson.title.text(zh: global.isChinese))")
            }
        }
    }

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start a lesson in the practice ledger and print its steps.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lesson number (1…8) or key.") var lesson: String
        func run() throws {
            guard let chosen = TrainingLessons.lesson(lesson) else {
                throw UserError("lesson: no lesson '\(lesson)' (see train lessons)")
            }
            let session = try TrainingFiles.session(global)
            let state = try session.start(chosen)
            print("\(TrainingLessons.number(of: chosen.id)). \(chosen.title.text(zh: session.chinese))")
            for (i, step) in session.steps(chosen, state: state).enumerated() { print("  \(i + 1). \(step)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Check the lesson in progress against the practice ledger; the result goes to the real ledger's log.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Your answer, for lessons that ask one (an invoice number).") var answer: String?
        func run() throws {
            let session = try TrainingFiles.session(global)
            let outcome = try session.check(answer: answer)
            let zh = session.chinese
            print("\(TrainingLessons.number(of: outcome.lesson.id)). \(outcome.lesson.title.text(zh: zh))")
            if outcome.passed {
                print(
                    zh
                        ? "通过：得分 \(outcome.score)，尝试 \(outcome.attempts) 次，用时 "
                          + "\(outcome.seconds) 秒"
                        : "passed: score \(outcome.score), attempts \(outcome.attempts), \(outcome.seconds) s")
                return
            }
            print(zh ? "未通过（第\(outcome.attempts)次）：" : "not passed (attempt \(outcome.attempts)):")
            for difference in outcome.differences { print("  - " + difference.text(zh: zh)) }
            throw ExitCode(1)
        }
    }

    struct Quiz: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a lesson's quiz (asked on the terminal, or --answers).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Lesson number (1…8) or key.") var lesson: String
        @Option(help: "Choice numbers, one per question, e.g. 2,1 (1-based).") var answers: String?
        func run() throws {
            guard let chosen = TrainingLessons.lesson(lesson) else {
                throw UserError("lesson: no lesson '\(lesson)' (see train lessons)")
            }
            let session = try TrainingFiles.session(global)
            let zh = session.chinese
            let started = session.practice.wallClock()
            var picked: [Int] = []
            if let answers {
                for (i, part) in answers.split(separator: ",").enumerated() {
                    guard let n = Int(part.trimmingCharacters(in: .whitespaces)), n >= 1,
                        i < chosen.quiz.count, n <= chosen.quiz[i].choices.count
                    else {
                        throw UserError(
                            "--answers: item \(i + 1) '\(part)' is not a choice number of question \(i + 1)")
                    }
                    picked.append(n - 1)
                }
                guard picked.count == chosen.quiz.count else {
                    throw UserError("--answers: \(picked.count) answers for \(chosen.quiz.count) questions")
                }
            } else {
                for (i, question) in chosen.quiz.enumerated() {
                    print("\(i + 1). \(question.question.text(zh: zh))")
                    for (j, choice) in question.choices.enumerated() { print("   \(j + 1)) \(choice.text(zh: zh))") }
                    let line = Swift.readLine() ?? ""
                    picked.append((Int(line.trimmingCharacters(in: .whitespaces)) ?? 0) - 1)
                }
            }
            let outcome = try session.scoreQuiz(
                chosen, answers: picked, seconds: max(0, session.practice.wallClock() - started))
            print(
                zh
                    ? "得分 \(outcome.score)（答对 \(outcome.correct)/\(outcome.total)）\(outcome.passed ? "通过" : "未通过")"
                    : "score \(outcome.score) (\(outcome.correct) of \(outcome.total) right), "
                        + (outcome.passed ? "passed" : "not passed")
            )
            for line in outcome.corrections { print("  " + line) }
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The training assessment (培训评估): every user's lesson and quiz results (manager or admin).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this user.") var trainee: String?
        @Option(help: "table, csv or json.") var format: OutputFormat = .table
        func run() throws {
            _ = try TrainingFiles.practiceOptions(global)
            let (store, service) = try global.openExistingLedger()
            try service.authorize(.trainingReport, detail: trainee ?? "")
            // CSV and JSON keep English values for programs, like every report.
            let chinese = global.isChinese && format == .table
            printReport(
                TrainingReport.table(try store.trainingLog(user: trainee), chinese: chinese), format, chinese: chinese)
        }
    }
}

import Foundation
import LedgerCore
import TerminalUI

/// Work the terminal UI does after its first frame (issue 10, start-up): the daily backup with its checks, then the
/// figures that need more than the first screen's queries (the title bar's "N reminders"). Foreground steps run
/// one per tick (the runtime sends ticks without waiting while `LedgerApp.hasPendingWork`), so keys typed meanwhile
/// are handled between steps. A step marked `runsInBackground` (the daily backup: seconds on a big ledger) runs on
/// its own thread while the screen keeps answering keys; the title bar names it ("[daily backup 1/2...]") until the
/// tick after it ends. The first frame never waits for any of them.
public struct StartupStep {
    /// The step's title-bar label in English and Chinese (e.g. "daily backup", "每日备份").
    public let label: (en: String, zh: String)
    /// Whether the step runs on a background thread (it must only use thread-safe objects: the store, the service).
    public let runsInBackground: Bool
    /// Runs the step; returns a warning for the status line, or nil.
    public let run: () -> String?
    /// Asks the step to stop (`LedgerApp.skipKey`, named in the title bar while the step is pending or runs); nil
    /// when it cannot be skipped. Called on the main thread; `run` must notice it (and audit the skip) itself.
    public let skip: (() -> Void)?

    public init(label: (en: String, zh: String), runsInBackground: Bool = false, skip: (() -> Void)? = nil,
                run: @escaping () -> String?) {
        self.label = label
        self.runsInBackground = runsInBackground
        self.skip = skip
        self.run = run
    }
}

/// A thread-safe "stop asked" flag shared by a skippable step's `skip` and its `run`.
public final class SkipFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    public init() {}
    /// Asks the step to stop.
    public func raise() { lock.withLock { raised = true } }
    /// Whether the step was asked to stop.
    public var isRaised: Bool { lock.withLock { raised } }
}

/// A step running on a background thread; its warning is read on the main loop's ticks.
final class BackgroundStep: @unchecked Sendable {
    let label: (en: String, zh: String)
    private let lock = NSLock()
    private var outcome: String?? = nil

    init(_ step: StartupStep) {
        label = step.label
        let run = UncheckedRun(run: step.run)
        let thread = Thread { [self] in
            let warning = run.run()
            lock.withLock { outcome = .some(warning) }
        }
        thread.name = "salesledger-startup"
        thread.start()
    }

    /// nil while running; then the step's warning (itself nil when none).
    var result: String?? { lock.withLock { outcome } }

    /// Blocks until the step has ended.
    func wait() {
        while result == nil { Thread.sleep(forTimeInterval: 0.05) }
    }

    /// The step's closure, handed to the thread that alone calls it.
    private struct UncheckedRun: @unchecked Sendable { let run: () -> String? }
}

/// The queue of `StartupStep`s, in order; `LedgerApp` starts one per tick.
struct StartupWork {
    private(set) var steps: [StartupStep] = []
    private(set) var done = 0
    /// The background step still running, if any.
    private(set) var running: BackgroundStep?
    /// The running step's `skip`.
    private var runningSkip: (() -> Void)?
    /// Whether the user asked to skip the running (or next) step.
    private(set) var skipRequested = false
    /// Whether the receivables figures (reminders badge) are still to be computed after the first frame.
    var remindersPending = false

    init(steps: [StartupStep], remindersPending: Bool) {
        self.steps = steps
        self.remindersPending = remindersPending
    }

    init() {}

    /// Whether a step can run now (the loop then polls input without waiting); a running background step alone
    /// does not count, so the loop waits for keys as usual and polls it on its ticks.
    var hasImmediateWork: Bool { !steps.isEmpty || remindersPending }
    private var total: Int { done + steps.count + (remindersPending ? 1 : 0) }

    /// Whether the running step, or the next one when none runs, can be skipped now.
    var canSkip: Bool {
        guard !skipRequested else { return false }
        return running != nil ? runningSkip != nil : steps.first?.skip != nil
    }

    /// Asks the running (or next) step to stop; it ends on its own, auditing the skip.
    mutating func skip() {
        guard canSkip else { return }
        skipRequested = true
        if running != nil { runningSkip?() } else { steps.first?.skip?() }
    }

    /// The title-bar text for the running or next step ("[daily backup 1/2... ^G skip]"; "[skipping daily
    /// backup...]" once asked), or nil when nothing is pending. Three ASCII dots, never `…`: it is ambiguous width
    /// (2 cells on a CJK terminal) and the 80-column title bar is laid out in 1-cell characters (s35-fix).
    func label(_ s: Strings) -> String? {
        let skipHint = canSkip ? " \(LedgerApp.skipKey.description) \(s.t("skip", "跳过"))" : ""
        if let running {
            let name = s.t(running.label.en, running.label.zh)
            if skipRequested { return s.t("[skipping \(name)...]", "[正在跳过\(name)...]") }
            return "[\(name) \(done)/\(total)...\(skipHint)]"
        }
        let position = "\(done + 1)/\(total)"
        if let step = steps.first {
            return "[\(s.t(step.label.en, step.label.zh)) \(position)...\(skipHint)]"
        }
        if remindersPending { return "[\(s.t("counting reminders", "统计回款提醒")) \(position)...]" }
        return nil
    }

    /// Takes the next step (nil when only the reminders are left).
    mutating func next() -> StartupStep? {
        guard !steps.isEmpty else { return nil }
        done += 1
        return steps.removeFirst()
    }

    /// Starts `step` on its thread.
    mutating func start(_ step: StartupStep) {
        runningSkip = step.skip
        running = BackgroundStep(step)
    }

    /// The running step's warning once it has ended, and whether a skip had been asked of it, clearing it; nil
    /// while it runs or when none runs.
    mutating func takeFinished() -> (warning: String?, skipAsked: Bool)? {
        guard let result = running?.result else { return nil }
        let asked = skipRequested
        running = nil
        runningSkip = nil
        skipRequested = false
        return (result, asked)
    }

    /// Marks the reminders as counted.
    mutating func finishReminders() {
        if remindersPending { done += 1 }
        remindersPending = false
    }
}

extension LedgerApp {
    /// Whether a start-up step (the daily backup) still runs on its thread.
    public var isBackgroundWorkRunning: Bool { startup.running.map { $0.result == nil } ?? false }

    /// The key that skips the start-up backup while the title bar shows it (and in help): ^G, "give up" as in
    /// Emacs; free everywhere, typed text never uses it.
    static let skipKey = Key.ctrl("g")

    /// ^G: asks the running (or next) start-up step to stop; the status line says so.
    mutating func skipStartupStep() -> EventOutcome {
        guard startup.canSkip else { return .continue }
        startup.skip()
        status = (context.strings.t("Skipping the daily backup…", "正在跳过每日备份…"), false)
        return .continue
    }

    /// Blocks until the running start-up step, if any, has ended (called after the loop, before exit).
    public func waitForBackgroundWork() { startup.running?.wait() }

    /// Runs one pending start-up step (starting the backup on its thread first, then the reminders count), or
    /// takes the background step's result once it ended; false when there was nothing to do.
    mutating func runStartupStep() -> Bool {
        if let finished = startup.takeFinished() {
            if let warning = finished.warning {
                status = (warning, true)
            } else if finished.skipAsked {
                // ^G came too late: the backup had been written (and audited as `ledger.backup`); the status line
                // says so instead of "Skipping…" forever (tryout s30, a small ledger).
                status = (context.strings.t("The daily backup had finished before ^G; it is kept",
                                            "每日备份在 ^G 之前已完成，已保留"), false)
            }
            return true
        }
        guard startup.hasImmediateWork else { return false }
        if let step = startup.next() {
            if step.runsInBackground && startup.running == nil {
                startup.start(step)
            } else if let warning = step.run() {
                status = (warning, true)
            }
            return true
        }
        startup.finishReminders()
        if seenVersions[.receivables] != context.dataVersion { refresh(.receivables) }
        return true
    }
}

import LedgerCore
import TerminalUI

/// Work the terminal UI does after its first frame (issue 10, start-up): the daily backup with its checks, then the
/// figures that need more than the first screen's queries (the title bar's "N reminders"). One step runs per tick
/// (the runtime sends ticks without waiting while `LedgerApp.hasPendingWork`), so the frame drawn before a step
/// names it in the title bar ("[daily backup 1/2…]"), keys typed meanwhile are handled between steps, and the first
/// frame never waits for a whole-ledger computation.
public struct StartupStep {
    /// The step's title-bar label in English and Chinese (e.g. "daily backup", "每日备份").
    public let label: (en: String, zh: String)
    /// Runs the step; returns a warning for the status line, or nil.
    public let run: () -> String?

    public init(label: (en: String, zh: String), run: @escaping () -> String?) {
        self.label = label
        self.run = run
    }
}

/// The queue of `StartupStep`s, in order; `LedgerApp` runs one per tick.
struct StartupWork {
    private(set) var steps: [StartupStep] = []
    private(set) var done = 0
    /// Whether the receivables figures (reminders badge) are still to be computed after the first frame.
    var remindersPending = false

    init(steps: [StartupStep], remindersPending: Bool) {
        self.steps = steps
        self.remindersPending = remindersPending
    }

    init() {}

    var isEmpty: Bool { steps.isEmpty && !remindersPending }
    private var total: Int { done + steps.count + (remindersPending ? 1 : 0) }

    /// The title-bar text for the next step ("[daily backup 1/2…]"), or nil when nothing is pending.
    func label(_ s: Strings) -> String? {
        let position = "\(done + 1)/\(total)"
        if let step = steps.first {
            return "[\(s.t(step.label.en, step.label.zh)) \(position)…]"
        }
        if remindersPending { return "[\(s.t("counting reminders", "统计回款提醒")) \(position)…]" }
        return nil
    }

    /// Takes the next step (nil when only the reminders are left).
    mutating func next() -> StartupStep? {
        guard !steps.isEmpty else { return nil }
        done += 1
        return steps.removeFirst()
    }

    /// Marks the reminders as counted.
    mutating func finishReminders() {
        if remindersPending { done += 1 }
        remindersPending = false
    }
}

extension LedgerApp {
    /// Runs one pending start-up step (backup first, then the reminders count); false when none was pending.
    mutating func runStartupStep() -> Bool {
        guard !startup.isEmpty else { return false }
        if let step = startup.next() {
            if let warning = step.run() { status = (warning, true) }
            return true
        }
        startup.finishReminders()
        if seenVersions[.receivables] != context.dataVersion { refresh(.receivables) }
        return true
    }
}

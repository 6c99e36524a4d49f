import Foundation

/// The practice ledger (练习账套) of training mode: a separate file beside the real ledger, made from the generated
/// sample and marked as practice in the file itself (setting `practice_ledger`), so the program never opens it as
/// the real ledger and never makes a real ledger the practice target.
public enum PracticeLedger {
    /// Setting key whose presence marks a ledger file as a practice ledger.
    public static let markerKey = "practice_ledger"
    /// Setting key holding the current lesson's state (JSON `TrainingLessonState`).
    public static let lessonKey = "training.lesson"

    /// `<folder>/<name>.practice.sqlite` for the real ledger `<folder>/<name>.sqlite` (any other extension: appended).
    public static func path(forRealLedger real: String) -> String {
        let url = URL(fileURLWithPath: real)
        let folder = url.deletingLastPathComponent().path
        let base = url.pathExtension == "sqlite" ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
        return folder + "/" + base + ".practice.sqlite"
    }

    /// The title-bar badge: both words, so it is understood whatever the UI language.
    public static let badge = "练习 TRAINING"
}

/// The watermark every export and statement carries while a practice ledger is open (set once at start-up by
/// the executable). Read by `CSVOutput`, `ReportRenderer` and `StatementTable`; nil for a real ledger.
public enum PracticeWatermark {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var current: String?

    /// The line written at the top of every export; nil when the open ledger is real.
    public static var text: String? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return current
        }
        set {
            lock.lock()
            current = newValue
            lock.unlock()
        }
    }

    /// The standard watermark text (both languages).
    public static let standard = "练习账套 — 仅供培训，非真实数据 / TRAINING LEDGER — practice data, "
                                 + "not real"

    /// `text` with the watermark line in front (and a blank line after it) when one is set.
    public static func mark(_ text: String) -> String {
        guard let mark = Self.text else { return text }
        return mark + "\n" + text
    }
}

/// Marks the ledger as a practice ledger (run once, right after the practice sample is generated). Outcome: none.
public struct MarkPracticeLedger: LedgerCommand {
    public static let name = "training.mark_practice"
    public var language: String
    public init(language: String) { self.language = language }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws {
        let before = try tx.setting(PracticeLedger.markerKey)
        try tx.setSetting(PracticeLedger.markerKey, language)
        context.recordChange(entity: "setting", id: 0, before: before, after: language)
    }
}

/// Stores the current lesson's state in the practice ledger (start, each check). Outcome: the state.
public struct SaveTrainingLessonState: LedgerCommand {
    public static let name = "training.lesson_state"
    public static var allowedRoles: Set<UserRole> { AccessRoles.everyone }
    public var state: TrainingLessonState

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> TrainingLessonState {
        guard try tx.setting(PracticeLedger.markerKey) != nil else {
            throw LedgerError.validation([FieldIssue("ledger", "is not a practice ledger; lessons run only in one")])
        }
        let before = try tx.setting(PracticeLedger.lessonKey)
        let after = AuditJSON.encode(state) ?? "{}"
        try tx.setSetting(PracticeLedger.lessonKey, after)
        context.recordChange(entity: "setting", id: 0, before: before, after: after)
        return state
    }
}

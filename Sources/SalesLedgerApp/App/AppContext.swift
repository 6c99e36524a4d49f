import Foundation
import LedgerCore
import TerminalUI

/// What every screen works with: the store (read queries), the command service (the only write path),
/// the clock, the language, and facts for the title bar. One per running app.
public final class AppContext {
    public let store: any LedgerStore
    public let service: LedgerService
    public let strings: Strings
    /// File name of the ledger, for the title bar.
    public let ledgerName: String
    /// Where drafts are kept (a JSON file beside the ledger), or nil (tests).
    public let draftPath: String?
    /// True when backups exist but none is younger than 24 h (the title bar warns); wired by the executable.
    public var isBackupOverdue: () -> Bool = { false } {
        didSet { backupCheck = nil }
    }
    private var backupCheck: (at: Int64, overdue: Bool)?

    /// `isBackupOverdue`, asked at most once a minute (the title bar is drawn on every key press).
    public var backupWarning: Bool {
        let now = Int64(Date().timeIntervalSince1970)   // real time: the pinned --today clock does not move
        if let check = backupCheck, now - check.at < 60 { return check.overdue }
        let overdue = isBackupOverdue()
        backupCheck = (now, overdue)
        return overdue
    }
    /// Loads a sample data set (the executable wires the loaders), for the welcome dialog.
    public var loadSample: ((SampleChoice) throws -> String)?
    /// The last failed screen query, worded for the user (see `read(_:)`); nil when reads succeed.
    public internal(set) var readFailure: String?
    /// Watches for other programs' writes (`pollExternalChanges`).
    var externalChanges = ExternalChangeWatch()
    /// True on a practice ledger (training mode, `--practice`; the store's marker): the title bar shows
    /// `[练习 TRAINING]` on every screen, at any width (s34-fix2: `--practice` showed no marker).
    public lazy var isPractice: Bool = (try? store.ledgerSetting(PracticeLedger.markerKey)) != nil
    /// True when "today" is pinned by the ledger (the IBM sample), not by `--today`: the title bar says so.
    public var isClockPinnedByLedger = false
    /// Where screens write files the user asks for (audit reports, letters): the working folder unless set (tests).
    public var outputFolder: String?
    /// `outputFolder`, else the working folder.
    public var outputDirectory: String { outputFolder ?? FileManager.default.currentDirectoryPath }
    /// True when the ledger has users (roles are enforced): the title bar shows the role after the user.
    public var showsRole = false
    /// Shown on the status line at start (e.g. loose file permissions, a failed daily backup); wired by the
    /// executable.
    public var startupWarning: String?
    /// Steps to run after the first frame (the daily backup), and whether start-up defers the whole-ledger figures
    /// until after it (issue 10; the executable sets both, tests keep the eager start); see `StartupWork`.
    public var startupSteps: [StartupStep] = []
    public var defersStartupWork = false
    /// Rows of the screen body at the last frame (0 before the first): lists size their first page to it.
    var bodyRows = 0
    /// Bumped after every successful write, so screens know to re-query.
    public private(set) var dataVersion = 0

    public init(store: any LedgerStore, service: LedgerService, language: Language, ledgerName: String,
                draftPath: String? = nil) {
        self.store = store
        self.service = service
        self.strings = Strings(language)
        self.ledgerName = ledgerName
        self.draftPath = draftPath
    }

    public var today: CivilDate { service.clock.today() }
    public var user: String { service.actor }

    private var classNames: (version: Int, names: [String: [String: String]]) = (-1, [:])

    /// The display name of class `code` in `dimension` (e.g. region `CN-33-01` → 杭州市 / Hangzhou), in the UI
    /// language; the code itself when the class table does not know it.
    public func className(_ dimension: String, _ code: String) -> String {
        if code.isEmpty { return code }
        if classNames.version != dataVersion { classNames = (dataVersion, [:]) }
        if classNames.names[dimension] == nil {
            var names: [String: String] = [:]
            for node in read({ try store.classNodes(dimension: dimension) }) ?? [] {
                names[node.code] = strings.className(node)
            }
            classNames.names[dimension] = names
        }
        return classNames.names[dimension]?[code] ?? code
    }

    /// Runs a command through the service and bumps `dataVersion` on success.
    @discardableResult
    public func run<C: LedgerCommand>(_ command: C) throws(LedgerError) -> C.Outcome {
        let outcome = try service.run(command)
        dataVersion += 1
        return outcome
    }

    /// Marks data as changed (after a batch load).
    public func dataChanged() { dataVersion += 1 }

    /// Formats minor units of `currency` with grouping.
    public func money(_ minor: Int64, _ currency: Currency) -> String {
        Money.format(minor, digits: currency.minorDigits, grouping: true)
    }

    /// A document's figure as lists show it: a credit note's negative (−1,638.78), an invoice's as it is; 0 is
    /// 0.00, never -0.00. Amounts are bounded by `LedgerLimits`, so the negation cannot overflow.
    func documentMoney(_ kind: DocumentKind, _ minor: Int64, _ currency: Currency) -> String {
        money(kind == .creditNote ? -minor : minor, currency)
    }
}

/// Sample ledgers offered on first start.
public enum SampleChoice: Int, Sendable, CaseIterable {
    case northwind, ibm, generatedChinese
}

/// Where a screen asks the shell to go next.
public enum ScreenID: Int, CaseIterable, Sendable {
    case salesEntry, customers, receivables, charts, reports, products, documents, audit

    /// The function key of the screen: F3…F9, then F11 for the audit screen (F10 quits).
    public var functionKey: Int { self == .audit ? 11 : rawValue + 3 }
}

/// What a screen's key handling asks of the shell.
public enum ScreenOutcome: Equatable, Sendable {
    case none
    /// Show a one-line message in the status line (an empty one clears it: the screen moved on).
    case message(String)
    /// Show an error in the status line.
    case error(String)
    /// Switch to a screen.
    case show(ScreenID)
    /// Copy a document's lines into a new sale on the sales entry screen.
    case copySale(Int64)
    /// Open a customer's detail on the customers screen.
    case openCustomer(String)
    /// Start a new sale for a customer on the sales entry screen.
    case newSale(String)
}

/// A screen of the app: state plus event handling and drawing into a cell buffer.
protocol LedgerScreen {
    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome
    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point?
    /// Every key of the screen now, for the help overlay.
    func keyBindings(_ strings: Strings) -> [KeyBinding]
    /// The keys that work now, for the hint bar.
    func hintBindings(_ strings: Strings) -> [KeyBinding]
    /// True while a text field has focus: digits, `q` and `?` are typed, not shortcuts.
    var capturesText: Bool { get }
    var hasUnsavedChanges: Bool { get }
    /// Re-query the store when `context.dataVersion` changed or the screen is shown.
    mutating func refresh(context: AppContext)
}

import LedgerCore
import TerminalUI

/// The SalesLedger terminal app: title bar, screen tabs, the active screen, a status line and the hint bar.
///
/// Keys everywhere: F3–F9 and F11 switch screens (also `1`…`8` outside text fields), F1 (or `?` outside text fields)
/// shows help, F10 (or `q` outside text fields) quits — asking first when a sale being entered is not posted.
public struct LedgerApp: TerminalApplication {
    let context: AppContext
    var active: ScreenID = .salesEntry
    var salesEntry: SalesEntryScreen
    var customers = CustomersScreen()
    var receivables = ReceivablesScreen()
    var charts = ChartsScreen()
    var reports = ReportsScreen()
    var products = ProductsScreen()
    var documents = DocumentsScreen()
    var audit = AuditScreen()
    var isShowingHelp = false
    var dialog: Dialog?
    /// The first-run set-up form ("Start empty" on the welcome dialog).
    var setup: SetupWizard?
    var pendingDialog: PendingDialog = .none
    var status: (text: String, isError: Bool)?
    /// A sample chosen on the welcome dialog, loaded on the next event (after "Loading…" has been drawn).
    var pendingLoad: SampleChoice?
    /// The data version each screen last queried at; a screen re-queries when it is shown with an older one.
    var seenVersions: [ScreenID: Int] = [:]
    /// Why a screen's last refresh could not read the ledger (shown on its error line instead of empty lists).
    var readErrors: [ScreenID: String] = [:]
    /// Work left after the first frame (daily backup, reminders count); see `StartupWork`.
    var startup = StartupWork()
    /// Opened by `import receipts` on a terminal: quit when its receipt review closes.
    var exitsAfterReview = false

    enum PendingDialog { case none, quit, welcome, restoreDraft }

    public var minimumSize: Size { Size(width: 80, height: 24) }

    /// The app on `context`; offers samples when the ledger is empty and a draft restore when one was left.
    public init(context: AppContext) {
        self.context = context
        salesEntry = SalesEntryScreen(context: context)
        let isEmpty = context.read { try context.store.summary().isEmpty } ?? false
        if isEmpty, context.loadSample != nil {
            dialog = Dialog(title: context.strings.welcomeTitle, message: context.strings.welcomeMessage,
                            kind: .picker(context.strings.welcomeOptions))
            pendingDialog = .welcome
        } else if salesEntry.hasStoredDraft(context: context) {
            dialog = Dialog(title: context.strings.restoreDraftTitle, message: context.strings.restoreDraftMessage, kind: .confirm)
            pendingDialog = .restoreDraft
        }
        if context.defersStartupWork {
            refresh(active)   // issue 10: the first frame queries its own screen only
            startup = StartupWork(steps: context.startupSteps, remindersPending: true)
        } else {
            for step in context.startupSteps { if let warning = step.run() { status = (warning, true) } }
            refreshAll()
        }
        if let warning = context.startupWarning { status = (warning, true) }
    }

    // MARK: - Events

    public mutating func handle(_ event: Event) -> EventOutcome {
        refreshIfChangedElsewhere()
        if case .tick = event, runStartupStep() { return .continue }
        if let choice = pendingLoad {
            pendingLoad = nil
            loadSample(choice)
            return .continue
        }
        if case .resize = event { return .continue }
        if case .tick = event { return .continue }
        if var open = dialog {
            let outcome = open.handle(event)
            dialog = outcome == .open ? open : nil
            if outcome != .open { return finishDialog(outcome) }
            return .continue
        }
        if var wizard = setup {
            switch wizard.handle(event, context: context) {
            case .open: setup = wizard
            case .cancelled: setup = nil
            case .saved(let message):
                setup = nil
                show(.products)
                status = (message, false)
            case .failed(let message): setup = wizard; status = (message, true)
            }
            return .continue
        }
        if isShowingHelp {
            if case .key = event { isShowingHelp = false }
            return .continue
        }
        if case .key(let key) = event {
            let typing = currentScreen.capturesText
            switch key {
            case .ctrl("c"), .function(10):
                return requestQuit()
            case .char("q") where !typing:
                return requestQuit()
            case .function(1):
                isShowingHelp = true
                return .continue
            case .char("?") where !typing:
                isShowingHelp = true
                return .continue
            case .function(let n) where (3...9).contains(n) || n == 11:
                show(ScreenID.allCases.first { $0.functionKey == n } ?? .salesEntry)
                return .continue
            case .char(let c) where !typing && ("1"..."8").contains(c):
                show(ScreenID(rawValue: Int(String(c))! - 1) ?? .salesEntry)
                return .continue
            default:
                break
            }
        }
        let outcome = handleScreen(event)
        if exitsAfterReview && receivables.reviewEnded != nil { return .quit(exitCode: 0) }
        apply(outcome)
        if let failure = context.takeReadFailure() { status = (failure, true) }
        if seenVersions[active] != context.dataVersion { refresh(active) }
        return .continue
    }

    mutating func handleScreen(_ event: Event) -> ScreenOutcome {
        switch active {
        case .salesEntry: return salesEntry.handle(event, context: context)
        case .customers: return customers.handle(event, context: context)
        case .receivables: return receivables.handle(event, context: context)
        case .charts: return charts.handle(event, context: context)
        case .reports: return reports.handle(event, context: context)
        case .products: return products.handle(event, context: context)
        case .documents: return documents.handle(event, context: context)
        case .audit: return audit.handle(event, context: context)
        }
    }

    mutating func apply(_ outcome: ScreenOutcome) {
        switch outcome {
        case .none: break
        case .message(let text): status = (text, false)
        case .error(let text): status = (context.describe(message: text), true)
        case .show(let id): show(id)
        case .copySale(let id):
            show(.salesEntry)
            if !salesEntry.hasUnsavedChanges, let document = context.read({ try context.store.documentDetail(id: id)?.document }) {
                salesEntry.copy(document, context: context)
            }
        case .openCustomer(let code):
            show(.customers)
            customers.openDetail(code: code, context: context)
        case .newSale(let code):
            show(.salesEntry)
            if !salesEntry.hasUnsavedChanges {
                salesEntry.selectCustomer(code: code, context: context, keepTerms: false)
                salesEntry.focus = .date
            }
        }
    }

    mutating func show(_ id: ScreenID) {
        active = id
        status = nil
        if seenVersions[id] != context.dataVersion || readErrors[id] != nil { refresh(id) }
    }

    /// Re-queries one screen (the others wait until they are shown: a 100,000-customer ledger stays quick).
    mutating func refresh(_ id: ScreenID) {
        seenVersions[id] = context.dataVersion
        _ = context.takeReadFailure()
        switch id {
        case .salesEntry: salesEntry.refresh(context: context)
        case .customers: customers.refresh(context: context)
        case .receivables: receivables.refresh(context: context)
        case .charts: charts.refresh(context: context)
        case .reports: reports.refresh(context: context)
        case .products: products.refresh(context: context)
        case .documents: documents.refresh(context: context)
        case .audit: audit.refresh(context: context)
        }
        readErrors[id] = context.takeReadFailure()
    }

    /// Re-queries every screen (start-up and after loading a sample), so the title bar's reminder count is right.
    mutating func refreshAll() {
        // The audit screen runs its checks when shown, not at start-up.
        for id in ScreenID.allCases where id != .audit { refresh(id) }
    }

    mutating func requestQuit() -> EventOutcome {
        if salesEntry.hasUnsavedChanges || customers.hasUnsavedChanges || receivables.hasUnsavedChanges
            || products.hasUnsavedChanges {
            dialog = Dialog(title: context.strings.unsavedTitle, message: context.strings.unsavedQuit, kind: .confirm)
            pendingDialog = .quit
            return .continue
        }
        salesEntry.discardStoredDraft(context: context)
        return .quit(exitCode: 0)
    }

    mutating func finishDialog(_ outcome: Dialog.Outcome) -> EventOutcome {
        let pending = pendingDialog
        pendingDialog = .none
        switch (pending, outcome) {
        case (.quit, .confirmed):
            salesEntry.discardStoredDraft(context: context)
            return .quit(exitCode: 0)
        case (.welcome, .picked(let index)):
            if let choice = SampleChoice(rawValue: index), context.loadSample != nil {
                pendingLoad = choice
                status = (context.strings.loading, false)
            } else {
                setup = SetupWizard(context: context)
            }
        case (.restoreDraft, .confirmed):
            let dropped = salesEntry.restoreStoredDraft(context: context)
            if !dropped.isEmpty { status = (dropped.joined(separator: "; "), true) }
        case (.restoreDraft, .declined):
            salesEntry.discardStoredDraft(context: context)
        default:
            break
        }
        return .continue
    }

    mutating func loadSample(_ choice: SampleChoice) {
        guard let load = context.loadSample else { return }
        do {
            status = (try load(choice), false)
            context.dataChanged()
        } catch {
            status = ("\(error)", true)
        }
        refreshAll()
    }

    /// True while a chosen sample waits to be loaded (the runtime then delivers a tick promptly).
    public var hasPendingWork: Bool { pendingLoad != nil || !startup.isEmpty }

    var currentScreen: any LedgerScreen {
        switch active {
        case .salesEntry: return salesEntry
        case .customers: return customers
        case .receivables: return receivables
        case .charts: return charts
        case .reports: return reports
        case .products: return products
        case .documents: return documents
        case .audit: return audit
        }
    }

    /// The keys that work now, for the hint bar.
    var keyBindings: [KeyBinding] {
        let s = context.strings
        if let dialog { return LedgerApp.dialogBindings(dialog, s) }
        if let setup { return setup.form.keyBindings.map(s.localized) }
        let screen = currentScreen
        let working = screen.keyBindings(s).filter { (screen as? HintAvailability)?.isAvailable($0) ?? true }
        return ([KeyBinding(.function(1), s.help), KeyBinding(.function(10), s.quit)] + working).map(s.localized)
    }

    /// A dialog's keys in the UI language.
    static func dialogBindings(_ dialog: Dialog, _ s: Strings) -> [KeyBinding] {
        switch dialog.kind {
        case .message: return [KeyBinding(.enter, s.t("Close", "关闭"))]
        case .confirm: return [KeyBinding([.char("y"), .enter], s.t("Yes", "是")), KeyBinding([.char("n"), .escape], s.t("No", "否"))]
        case .picker: return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding(.enter, s.t("Pick", "选择")),
                              KeyBinding(.escape, s.t("Cancel", "取消"))]
        }
    }

    /// The dialog's footer in the UI language.
    static func localized(_ dialog: Dialog, _ s: Strings) -> Dialog {
        var d = dialog
        switch d.kind {
        case .message: d.footer = s.t("[Enter] OK", "[Enter] 确定")
        case .confirm: d.footer = s.t("[y] Yes   [n] No", "[y] 是   [n] 否")
        case .picker: d.footer = s.t("[Enter] Pick   [Esc] Cancel", "[Enter] 选择   [Esc] 取消")
        }
        return d
    }

    /// Every key of the app, for the help overlay and the README.
    var helpBindings: [KeyBinding] {
        let s = context.strings
        return [KeyBinding(ScreenID.allCases.map { .function($0.functionKey) }, s.screens,
                           help: [s.screenSalesEntry, s.screenCustomers, s.screenReceivables, s.screenCharts, s.screenReports,
                                  s.screenProducts, s.screenDocuments, s.screenAudit]
                               .joined(separator: " / ") + s.t(" (also 1–8 outside text fields)", "（输入框外按 1–8）")),
                KeyBinding([.function(1), .char("?")], s.help),
                KeyBinding([.function(10), .char("q"), .ctrl("c")], s.quit)]
            + currentScreen.keyBindings(s).map(s.localized)
    }
}

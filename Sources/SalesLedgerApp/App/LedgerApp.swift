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
    /// The app's own modals (welcome, draft restore, quit question, set-up form, help), bottom first.
    var modals = ModalStack<LedgerApp>()
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

    public var minimumSize: Size { Size(width: 80, height: 24) }

    /// The app on `context`; offers samples when the ledger is empty and a draft restore when one was left.
    public init(context: AppContext) {
        self.context = context
        salesEntry = SalesEntryScreen(context: context)
        let isEmpty = context.read { try context.store.isEmpty() } ?? false   // not summary(): counts (issue 10)
        let s = context.strings
        if isEmpty, context.loadSample != nil {
            offerSamples()
        } else if salesEntry.hasStoredDraft(context: context) {
            modals.push(DialogModal(Dialog(title: s.restoreDraftTitle, message: s.restoreDraftMessage,
                                           kind: .confirm)) {
                outcome, app, context in
                if outcome == .confirmed {
                    let dropped = app.salesEntry.restoreStoredDraft(context: context)
                    if !dropped.isEmpty { app.status = (dropped.joined(separator: "; "), true) }
                } else if outcome == .declined {
                    app.salesEntry.discardStoredDraft(context: context)
                }
                return .continue
            })
        }
        if context.defersStartupWork {
            refresh(active)   // issue 10: the first frame queries its own screen only
            startup = StartupWork(steps: context.startupSteps, remindersPending: true)
        } else {
            for step in context.startupSteps { if let warning = step.run() { status = (warning, true) } }
            refreshAll()
        }
        if let warning = context.startupWarning {
            // A warning too long for the status line (a path in it) is a dialog, wrapped whole (tryout s15).
            if DisplayWidth.of(warning) <= minimumSize.width - 2 { status = (warning, true) } else {
                modals.push(DialogModal(Dialog(title: s.t("Warning", "警告"), message: warning, kind: .message)) {
                    _, _, _ in .continue
                })
            }
        }
    }

    // MARK: - Events

    public mutating func handle(_ event: Event) -> EventOutcome {
        let outcome = handleEvent(event)
        // A key may have read a big report: what it freed goes back to the system before the next one (issue 10).
        if case .key = event { FreedMemory.returnToSystem() }
        return outcome
    }

    mutating func handleEvent(_ event: Event) -> EventOutcome {
        refreshIfChangedElsewhere()
        if case .tick = event, runStartupStep() { return .continue }
        if let choice = pendingLoad {
            pendingLoad = nil
            loadSample(choice)
            return .continue
        }
        if case .resize = event { return .continue }
        if case .tick = event { return .continue }
        // ^G skips the start-up backup even over a form or dialog (the title bar names it while it runs).
        if case .key(LedgerApp.skipKey) = event, startup.canSkip { return skipStartupStep() }
        if let outcome = handleModals(event, context: context) { return outcome }
        if let outcome = keyTable(context.strings).dispatch(event, on: &self, context: context,
                                                            typing: currentScreen.capturesText) {
            return outcome
        }
        // A screen whose query failed shows the failure, not its data: its keys would act on what is not shown.
        // Enter reads again (issue 9).
        if readErrors[active] != nil {
            if case .key(.enter) = event {
                status = nil
                refresh(active)
            }
            return .continue
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
        case .message(let text): status = text.isEmpty ? nil : (text, false)
        case .error(let text): status = (context.describe(message: text), true)
        case .show(let id): show(id)
        case .copySale(let id):
            show(.salesEntry)
            if !salesEntry.hasUnsavedChanges,
               let document = context.read({ try context.store.documentDetail(id: id)?.document }) {
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
            modals.push(DialogModal.confirm(context.strings.unsavedTitle, context.strings.unsavedQuit) { app, context in
                app.salesEntry.discardStoredDraft(context: context)
                return .quit(exitCode: 0)
            })
            return .continue
        }
        salesEntry.discardStoredDraft(context: context)
        return .quit(exitCode: 0)
    }

    /// The welcome dialog of an empty ledger: a sample to load, or start empty (the set-up form).
    mutating func offerSamples() {
        let s = context.strings
        let welcome = Dialog(title: s.welcomeTitle, message: s.welcomeMessage, kind: .picker(s.welcomeOptions))
        modals.push(DialogModal(welcome) { outcome, app, context in
            guard case .picked(let index) = outcome else { return .continue }
            if let choice = SampleChoice(rawValue: index), context.loadSample != nil {
                app.pendingLoad = choice
                app.status = (context.strings.loading, false)
            } else {
                app.modals.push(SetupModal(wizard: SetupWizard(context: context)))
            }
            return .continue
        })
    }

    mutating func loadSample(_ choice: SampleChoice) {
        guard let load = context.loadSample else { return }
        do {
            let summary = context.strings.core(try load(choice))
            context.dataChanged()
            // A summary too long for the status line (every sample's is at 80 columns) is a dialog (tryout s18).
            if DisplayWidth.of(summary) <= minimumSize.width - 2 { status = (summary, false) } else {
                let title = context.strings.t("Sample loaded", "示例账套已载入")
                modals.push(DialogModal(Dialog(title: title, message: summary, kind: .message)) { _, _, _ in
                    .continue
                })
            }
        } catch {
            // The reason in a dialog (wrapped, never cut), then the welcome again while the ledger is still empty:
            // start empty, or another sample (tryout s15: a copied binary without its SampleData folder).
            let s = context.strings, text = "\(error)"
            let message = s.core(text.hasPrefix("storage error: ") ? String(text.dropFirst(15)) : text)
            let isEmpty = context.read { try context.store.isEmpty() } ?? false
            status = isEmpty ? nil : (message, true)
            if isEmpty { offerSamples() }
            modals.push(DialogModal(Dialog(title: s.t("Sample not loaded", "示例账套未载入"), message: message,
                                           kind: .message)) { _, _, _ in .continue })
        }
        refreshAll()
    }

    /// True while a chosen sample waits to be loaded (the runtime then delivers a tick promptly).
    public var hasPendingWork: Bool { pendingLoad != nil || startup.hasImmediateWork }

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
        if let keys = modals.keys(s) { return keys }
        if readErrors[active] != nil {
            return (keyTable(s).hints(for: self) + [KeyBinding(.enter, s.t("Read again", "重新读取"))]).map(s.localized)
        }
        return (keyTable(s).hints(for: self) + currentScreen.hintBindings(s)).map(s.localized)
    }

    /// A dialog's keys in the UI language.
    static func dialogBindings(_ dialog: Dialog, _ s: Strings) -> [KeyBinding] {
        switch dialog.kind {
        case .message: return [KeyBinding(.enter, s.t("Close", "关闭"))]
        case .confirm where dialog.enterDeclines:
            return [KeyBinding(.char("y"), s.t("Yes", "是")),
                    KeyBinding([.char("n"), .enter, .escape], s.t("No", "否"))]
        case .confirm: return [KeyBinding([.char("y"), .enter], s.t("Yes", "是")),
                               KeyBinding([.char("n"), .escape], s.t("No", "否"))]
        case .picker: return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding(.enter, s.t("Pick", "选择")),
                              KeyBinding(.escape, s.t("Cancel", "取消"))]
        }
    }

    /// The dialog's footer in the UI language.
    static func localized(_ dialog: Dialog, _ s: Strings) -> Dialog {
        var d = dialog
        switch d.kind {
        case .message: d.footer = s.t("[Enter] OK", "[Enter] 确定")
        case .confirm: d.footer = d.enterDeclines ? s.confirmFooterNoDefault : s.confirmFooter
        case .picker: d.footer = s.t("[Enter] Pick   [Esc] Cancel", "[Enter] 选择   [Esc] 取消")
        }
        return d
    }

    /// Every key of the app, for the help overlay and the README.
    var helpBindings: [KeyBinding] {
        let s = context.strings
        return keyTable(s).help + currentScreen.keyBindings(s).map(s.localized)
    }
}

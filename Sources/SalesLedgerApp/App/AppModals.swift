import TerminalUI

/// The help overlay (F1): every key of the app and the current screen; any key closes it.
struct HelpModal: Modal {
    var bindings: [KeyBinding]

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<LedgerApp> {
        if case .key = event { return .close }
        return .stay
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        var overlay = HelpOverlay(title: s.keysTitle, bindings: bindings)
        overlay.footer = s.t("Any key closes", "按任意键关闭")
        overlay.moreFooter = s.t("%d more keys: enlarge the window · any key closes",
                                 "另有%d个键：请放大窗口 · 按任意键关闭")
        overlay.render(into: &buffer, in: LedgerApp.body(of: area), unicode: unicode)
        return nil
    }

    func keys(_ s: Strings) -> [KeyBinding]? { nil }
}

/// The first-run set-up form, opened from the welcome dialog ("Start empty").
struct SetupModal: Modal {
    var wizard: SetupWizard

    mutating func handle(_ event: Event, context: AppContext) -> ModalStep<LedgerApp> {
        switch wizard.handle(event, context: context) {
        case .open: return .stay
        case .cancelled: return .close
        case .saved(let message):
            return .close { app, _ in
                app.show(.products)
                app.status = (message, false)
                return .continue
            }
        case .failed(let message):
            return .update { app, _ in app.status = (message, true); return .continue }
        }
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        wizard.render(into: &buffer, in: LedgerApp.body(of: area), unicode: unicode)
    }

    func keys(_ s: Strings) -> [KeyBinding]? { wizard.form.keyBindings.map(s.localized) }
    var capturesText: Bool { true }
    var hasUnsavedChanges: Bool { wizard.form.hasUnsavedChanges }
}

extension LedgerApp: ModalOwner {
    static var nothing: EventOutcome { .continue }

    /// The screen body: the area less the title and tab rows and the status and hint lines.
    static func body(of area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 4))
    }

    /// The keys that work everywhere: one table for dispatch, the hint bar and help.
    func keyTable(_ s: Strings) -> KeyTable<LedgerApp, EventOutcome> {
        let names = [s.screenSalesEntry, s.screenCustomers, s.screenReceivables, s.screenCharts, s.screenReports,
                     s.screenProducts, s.screenDocuments, s.screenAudit]
        // Listed once for help; each screen's own command below dispatches.
        let screens = KeyCommand<LedgerApp, EventOutcome>(ScreenID.allCases.map { .function($0.functionKey) },
                                            s.screens,
                                            help: names.joined(separator: " / ")
                                                + s.t(" (also 1–8 outside text fields)", "（输入框外按 1–8）"),
                                            hint: false)
        var help = KeyCommand<LedgerApp, EventOutcome>([.function(1), .char("?")], s.help) { app, _ in
            app.modals.push(HelpModal(bindings: app.helpBindings))
            return .continue
        }
        help.hintKeys = [.function(1)]
        var quit = KeyCommand<LedgerApp, EventOutcome>([.function(10), .char("q"), .ctrl("c")], s.quit) { app, _ in
            app.requestQuit()
        }
        quit.hintKeys = [.function(10)]
        let skip = KeyCommand<LedgerApp, EventOutcome>(LedgerApp.skipKey, s.t("Skip backup", "跳过备份"),
                                                       help: s.t("While the title bar shows the start-up backup: "
                                                                 + "skip it today (recorded in the audit log)",
                                                                 "标题栏显示启动备份时：今天跳过（记入审计日志）"),
                                                       hint: false, when: { $0.startup.canSkip }) { app, _ in
            app.skipStartupStep()
        }
        var commands = [screens, help, quit, skip]
        for id in ScreenID.allCases {
            var key = KeyCommand<LedgerApp, EventOutcome>([.function(id.functionKey),
                                                           .char(Character(String(id.rawValue + 1)))],
                                             names[id.rawValue], hint: false) { app, _ in
                app.show(id); return .continue
            }
            key.inHelp = false
            commands.append(key)
        }
        return KeyTable(commands)
    }
}

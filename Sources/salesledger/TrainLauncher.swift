import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import SalesLedgerApp
import TerminalUI
import TerminalUINcurses

/// Opens the terminal UI of training mode on the practice ledger, scores logged in the real ledger. "Reset" in the
/// F12 menu leaves the loop, rebuilds the practice ledger and opens it again.
enum TrainLauncher {
    static func run(global: GlobalOptions, sample: String?, theme: String?) throws -> Never {
        let practiceGlobal = try TrainingFiles.practiceOptions(global)
        let (_, realService) = try global.openLedger(askUser: true)
        let sampleLanguage = try TrainingFiles.language(sample, global: global)
        var config = AppConfig()
        if let loaded = try? AppConfig.load(path: AppConfig.defaultPath()) { config = loaded }
        let language: Language =
            global.lang != nil
            ? (global.isChinese ? .zh : .en)
            : (config.language ?? (global.isChinese ? .zh : .en))
        var path = try TrainingFiles.ensure(global, language: sampleLanguage)
        let (runtime, _) = TUILauncher.startRuntime(theme: theme ?? config.theme)
        while true {
            let (reason, reset) = try runOnce(
                practiceGlobal, path: path, realService: realService, language: language,
                runtime: runtime)
            if reset {
                path = try TrainingFiles.reset(global, language: sampleLanguage)
                continue
            }
            SignalMonitor.uninstall()
            if case .failure(let message) = reason { Main.fail(message, code: 1) }
            exit(reason.exitCode)
        }
    }

    /// One run of the UI on the practice ledger; the store is closed when it returns.
    static func runOnce(
        _ practiceGlobal: GlobalOptions, path: String, realService: LedgerService, language: Language,
        runtime: Runtime
    ) throws -> (TerminationReason, Bool) {
        let (store, service) = try practiceGlobal.openLedger()
        service.actor = realService.actor
        let drafts = DraftFiles(ledgerPath: path)
        drafts.adoptCrashedDraft()
        let context = AppContext(
            store: store, service: service, language: language,
            ledgerName: (path as NSString).lastPathComponent,   // the title bar adds [练习 TRAINING] (isPractice)
            draftPath: drafts.path)
        let session = TrainingSession(
            practice: service, practiceQueries: store, real: realService,
            chinese: language == .zh)
        var app = TrainingApp(context: context, session: session)
        let reason = runtime.run(&app)
        drafts.release()
        return (reason, app.resetRequested)
    }
}

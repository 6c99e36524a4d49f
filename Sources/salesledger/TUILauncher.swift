import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import SalesLedgerApp
import TerminalUI
import TerminalUINcurses

/// Opens the terminal UI on the ledger: theme, ncurses backend, runtime loop. Refuses (exit 2, one line on
/// stderr) when stdin/stdout is not a terminal or TERM is unusable.
enum TUILauncher {
    /// `prepare` runs on the app before the first frame (e.g. opens a receipt review); `finish` runs after the
    /// terminal is restored and may replace the exit code.
    static func run(global: GlobalOptions, theme: String?, prepare: ((inout LedgerApp) throws -> Void)? = nil,
                    finish: ((LedgerApp) -> Int32?)? = nil) throws -> Never {
        try confirmNewFolder(global: global)
        // A wait for another program's write lock says so on stderr with the terminal's echo off (tryout s34).
        let quiet = QuietTerminal(), reporter = StoreAccess.waitReporter
        StoreAccess.waitReporter = { message in
            quiet.hush()
            reporter?(message)
        }
        let opened = Result { try global.openLedger(askUser: true, warnPermissions: false) }
        StoreAccess.waitReporter = reporter
        quiet.restore()
        let (store, service) = try opened.get()
        var config = AppConfig()
        var warnings: [String] = []
        do { config = try AppConfig.load(path: AppConfig.defaultPath()) } catch { warnings.append("\(error) (settings "
                                                                                                  + "ignored)") }
        let flag: Language = global.isChinese ? .zh : .en
        let language: Language = global.lang != nil ? flag : (config.language ?? flag)
        // Autosave per instance (a second TUI never sees a live draft); a crashed instance's draft is adopted once.
        let drafts = DraftFiles(ledgerPath: global.databasePath)
        drafts.adoptCrashedDraft()
        let context = AppContext(store: store, service: service, language: language,
                                 ledgerName: (global.databasePath as NSString).lastPathComponent,
                                 draftPath: drafts.path)
        // The daily backup (verified, rotated, named after the ledger) at the first start of a day; the title bar
        // warns when backups exist but none is younger than 24 h (e.g. the daily one failed).
        // Audited like `backup --daily`: a role that may not back up is refused (and audited) when one is due; a
        // backup that fails is recorded as `ledger.backup_failed`. Issue 10: it runs after the first frame, named
        // in the title bar while it works (`StartupStep`).
        let today = service.clock.today()
        // Tryout s30: ^G (named in the title bar while it runs) stops it; the skip is audited
        // (`ledger.backup_skipped`) and nothing is written.
        if !store.hasDailyBackup(today: today) {
            let stop = SkipFlag()
            let chinese = language == .zh
            context.startupSteps.append(StartupStep(label: ("daily backup", "每日备份"), runsInBackground: true,
                                                    skip: { stop.raise() }) {
                let target = (try? store.dailyBackupPath(today: today)) ?? "daily backup"
                defer { FreedMemory.returnToSystem() }
                do {
                    try service.authorize(.backup, detail: "daily (terminal UI)")
                    let outcome = try store.dailyBackupIfDue(today: today, shouldStop: { stop.isRaised })
                    if let report = outcome.created { try BackupCommand.record(report, kind: "daily",
                                                                               service: service) }
                    return nil
                } catch is BackupStopped {
                    do { try service.run(RecordBackupSkipped(kind: "daily", file: target)) } catch {
                        return "salesledger: daily backup skipped; recording the skip failed: \(error)"
                    }
                    return chinese ? "已跳过今日备份（已记入审计日志）；今天没有备份"
                                   : "Daily backup skipped (recorded in the audit log): there is no backup today"
                } catch {
                    if case LedgerError.permissionDenied = error {} else {
                        _ = try? service.run(RecordBackupFailure(kind: "daily", file: target,
                                                                 error: String(describing: error)))
                    }
                    return Strings(language).dailyBackupFailed(String(describing: error))
                }
            })
        }
        context.defersStartupWork = true
        let loose = FilePermissions.check(ledger: global.databasePath)
        context.startupWarning = FilePermissions.warning(loose, ledger: global.databasePath).map(CLIChinese.message)
            ?? warnings.first.map { "salesledger: \($0)" }
        context.showsRole = !((try? store.users()) ?? []).isEmpty
        context.isBackupOverdue = { store.lastBackupDate() != nil && store.backupIsOverdue() }
        context.isClockPinnedByLedger = (try? global.pinnedByLedger(store)) != nil
        context.loadSample = { choice in
            let report = try service.runBatch { runner -> LoadReport in
                switch choice {
                case .northwind:
                    try SampleClasses.importNorthwindRegions(runner)
                    return try NorthwindLoader.load(into: runner, directory: try sampleFolder("northwind"))
                case .ibm: return try IBMLoader.load(into: runner, directory: try sampleFolder("ibm"))
                case .generatedChinese:
                    try SampleClasses.importChinaRegions(runner)
                    let cities = try SampleGenerator.loadCities(directory: try sampleFolder("cn-regions"))
                    return try SampleGenerator(language: .zh, customers: 200, invoices: 3000, seed: 1,
                                               today: service.clock.today(), cities: cities).load(into: runner)
                }
            }
            if choice == .ibm, (try? global.pinnedByLedger(store)) == nil, (global.today ?? "").isEmpty,
               (ProcessInfo.processInfo.environment["SALESLEDGER_TODAY"] ?? "").isEmpty {
                // Its invoices were all settled by the end of 2013: open it as it stood on 2013-06-30.
                let day = CivilDate(year: 2013, month: 6, day: 30)!
                try service.run(PinLedgerClock(date: day))
                service.clock = FixedClock(day)
                context.isClockPinnedByLedger = true
                return report.description + " — " + (language == .zh ? "日期固定为 2013-06-30（该示例的应收款在此日仍未结清）"
                                                     : "today is pinned to 2013-06-30, when its invoices were still "
                                                       + "open")
            }
            return report.description
        }
        let (runtime, themeWarning) = startRuntime(theme: theme ?? config.theme)
        var app = LedgerApp(context: context)
        try prepare?(&app)
        let reason = runtime.run(&app)
        if app.isBackgroundWorkRunning {
            // The daily backup started after the first frame still runs: let it finish rather than leave a
            // half-written file (the terminal is already restored, so say why we wait).
            FileHandle.standardError.write(Data("salesledger: finishing the daily backup…\n".utf8))
            app.waitForBackgroundWork()
        }
        // The UI and the backup have ended: Ctrl-C and SIGTERM stop the process again.
        SignalMonitor.uninstall()
        drafts.release()
        for warning in warnings + [themeWarning].compactMap({ $0 }) {
            FileHandle.standardError.write(Data("salesledger: \(warning)\n".utf8))
        }
        if case .failure(let message) = reason { Main.fail(message, code: 1) }
        if let code = finish?(app) { exit(code) }
        exit(reason.exitCode)
    }

    /// A ledger whose folder does not exist (a mistyped `--db /nonexistent/x.sqlite`) is not created silently:
    /// the user is told what is missing and asked on the terminal before the UI starts; anything but `y` creates
    /// nothing and ends with the CLI's words ("no ledger at … (create one with: salesledger init --db …)", exit 1).
    /// A new ledger in an existing folder (the default ledger, the welcome screen) opens as before.
    static func confirmNewFolder(global: GlobalOptions) throws {
        let path = global.databasePath
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard !global.practice, !folder.isEmpty, !FileManager.default.fileExists(atPath: path),
              !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) else {
            return
        }
        let refusal = UserError("no ledger at \(path) (create one with: salesledger init --db \(path))")
        guard isatty(0) == 1 else { throw refusal }
        let zh = global.isChinese
        let text = zh ? "salesledger：\(path) 处没有账套（文件夹 \(folder) 也不存在）。\n"
              + "新建账套并创建该文件夹？[y/N] "
            : "salesledger: no ledger at \(path) (the folder \(folder) does not exist either).\n"
              + "Create a new ledger there and the folder? [y/N] "
        FileHandle.standardError.write(Data(text.utf8))
        let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard ["y", "yes", "是"].contains(answer) else { throw refusal }
    }

    /// The terminal UI's runtime on ncurses with the theme `name` (exit 2 when the terminal cannot start) and the
    /// theme's warning, if it did not load (shown after the UI ends).
    static func startRuntime(theme name: String?) -> (Runtime, String?) {
        let loaded = ThemeLoader.load(named: name, directory: ThemeLocation.directory(option: nil),
                                      environment: ProcessInfo.processInfo.environment)
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend.make(theme: loaded.theme)
        } catch {
            Main.fail("cannot start the terminal interface: \(error)", code: 2)
        }
        return (Runtime(backend: backend, pollMilliseconds: 100, deliversTicks: true,
                        pendingSignal: SignalMonitor.pendingSignal, needsFullRedraw: SignalMonitor.takeContinue),
                loaded.warning)
    }

    static func sampleFolder(_ name: String) throws -> String {
        String(try SampleDataLocation.path(name, "").dropLast())
    }
}

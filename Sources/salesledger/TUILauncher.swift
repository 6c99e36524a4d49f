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
    static func run(global: GlobalOptions, theme: String?) throws -> Never {
        let (store, service) = try global.openLedger()
        let context = AppContext(store: store, service: service, language: global.isChinese ? .zh : .en,
                                 ledgerName: (global.databasePath as NSString).lastPathComponent,
                                 draftPath: global.databasePath + ".draft.json")
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
            return report.description
        }
        let loaded = ThemeLoader.load(named: theme, directory: ThemeLocation.directory(option: nil),
                                      environment: ProcessInfo.processInfo.environment)
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend.make(theme: loaded.theme)
        } catch {
            Main.fail("cannot start the terminal interface: \(error)", code: 2)
        }
        let runtime = Runtime(backend: backend, pollMilliseconds: 100, pendingSignal: SignalMonitor.pendingSignal,
                              needsFullRedraw: SignalMonitor.takeContinue)
        var app = LedgerApp(context: context)
        let reason = runtime.run(&app)
        if let warning = loaded.warning { FileHandle.standardError.write(Data("salesledger: \(warning)\n".utf8)) }
        if case .failure(let message) = reason { Main.fail(message, code: 1) }
        exit(reason.exitCode)
    }

    static func sampleFolder(_ name: String) throws -> String {
        String(try SampleDataLocation.path(name, "").dropLast())
    }
}

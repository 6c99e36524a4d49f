// salesledger-ui-demo: shows the TerminalUI toolkit (form, 100,000-row table, charts) over ncurses.
// Usage: salesledger-ui-demo [--theme NAME] [--themes-dir DIR] [--ascii]
import Foundation
import SalesLedgerApp
import TerminalUI
import TerminalUINcurses

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("salesledger-ui-demo: \(message)\n".utf8))
    exit(code)
}

var themeName: String?
var themesDirectory: String?
var forcesASCII = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--theme":
        themeName = arguments.popFirst() ?? {
            fail("--theme needs a name (\(ThemeLoader.shippedNames.joined(separator: ", ")))", code: 2)
        }()
    case "--themes-dir": themesDirectory = arguments.popFirst()
    case "--ascii": forcesASCII = true
    case "-h", "--help":
        print("usage: salesledger-ui-demo [--theme NAME] [--themes-dir DIR] [--ascii]\nthemes: "
              + "\(ThemeLoader.shippedNames.joined(separator: ", "))")
        exit(0)
    default: fail("unknown argument \(argument) (try --help)", code: 2)
    }
}

/// `themes/` from the option, the environment, the working directory, or beside the build folder.
func findThemesDirectory(option: String?) -> String {
    if let option { return option }
    let environment = ProcessInfo.processInfo.environment
    if let fromEnvironment = environment["SALESLEDGER_THEMES"] { return fromEnvironment }
    let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent()
    let candidates = ["themes", executable.appendingPathComponent("../../../themes").standardized.path,
                      executable.appendingPathComponent("../../themes").standardized.path]
    return candidates.first {
        FileManager.default.fileExists(atPath: ($0 as NSString).appendingPathComponent("default.toml"))
    } ?? "themes"
}

let loaded = ThemeLoader.load(named: themeName, directory: findThemesDirectory(option: themesDirectory),
                              environment: ProcessInfo.processInfo.environment)
if let warning = loaded.warning { FileHandle.standardError.write(Data("salesledger-ui-demo: \(warning)\n".utf8)) }

let backend: NcursesBackend
do {
    backend = try NcursesBackend.make(theme: loaded.theme)
} catch {
    fail("cannot start the terminal interface: \(error)", code: 2)
}

if forcesASCII { backend.supportsUnicode = false }

let runtime = Runtime(backend: backend, pollMilliseconds: 100,
                      pendingSignal: SignalMonitor.pendingSignal,
                      needsFullRedraw: SignalMonitor.takeContinue)
var app = DemoApp()
let reason = runtime.run(&app)   // leaves the terminal on every path
if case .failure(let message) = reason { fail(message, code: 1) }
exit(reason.exitCode)

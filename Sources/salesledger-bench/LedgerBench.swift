import Foundation
import LedgerCore
import LedgerStore
import SalesLedgerApp
import TerminalUI

/// The terminal UI's cases of issue 10 on a ledger given by path (`salesledger-bench --ledger PATH [--runs N]`):
/// first full frame after start, switch to each screen (forced to re-query), customer search per keystroke and
/// invoice list page-down. Each case runs in-process on the real app (`LedgerApp`, rendered into a 200×50 cell
/// buffer, no terminal), so the figures are the app's own work: open, queries, formatting, drawing. Prints the
/// median and p95 of each case in milliseconds. The ledger is opened read-mostly: nothing is written (the daily
/// backup step is not wired here).
enum LedgerBench {
    static let size = Size(width: 200, height: 50)

    /// Runs the ledger cases and exits when `--ledger` was given; returns otherwise.
    static func runIfAsked() {
        let arguments = CommandLine.arguments
        guard let at = arguments.firstIndex(of: "--ledger"), at + 1 < arguments.count else { return }
        let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[$0 + 1]) } ?? 20
        do {
            try run(path: arguments[at + 1], runs: max(1, runs))
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("salesledger-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func run(path: String, runs: Int) throws {
        let probe = try SQLiteLedgerStore(path: path)
        let summary = try probe.summary()
        print("ledger \(path): \(summary.customers) customers, \(summary.invoices) invoices, \(summary.receipts) "
              + "receipts")
        let today = summary.lastDate ?? CivilDate(year: 2026, month: 11, day: 29)!

        // First full frame: open the ledger, build the app (deferred start-up as the executable does), draw.
        var frames: [Double] = []
        for _ in 0..<runs {
            frames.append(try time {
                let (app, _) = try makeApp(path: path, today: today)
                draw(app)
            })
        }
        report("first full frame after start (open + app + draw)", frames)

        var (app, context) = try makeApp(path: path, today: today)
        draw(app)
        while app.hasPendingWork { _ = app.handle(.tick) }   // start-up steps (reminders count)
        let only = CommandLine.arguments.contains("--receivables-only")
        for screen in ScreenID.allCases where !only || screen == .receivables {
            var samples: [Double] = []
            for _ in 0..<max(3, runs / 4) {
                _ = app.handle(.key(.function(ScreenID.salesEntry.functionKey)))
                context.dataChanged()   // the worst case: the screen re-queries when shown
                samples.append(time {
                    _ = app.handle(.key(.function(screen.functionKey)))
                    draw(app)
                })
            }
            report("switch to \(screen) (re-query + draw)", samples)
        }
        if only {   // CPU time of the switch too: the fairer figure on a loaded machine
            var cpu: [Double] = []
            for _ in 0..<max(3, runs) {
                _ = app.handle(.key(.function(ScreenID.salesEntry.functionKey)))
                context.dataChanged()
                let start = LedgerQueryBench.cpuMilliseconds()
                _ = app.handle(.key(.function(ScreenID.receivables.functionKey)))
                draw(app)
                cpu.append(LedgerQueryBench.cpuMilliseconds() - start)
            }
            report("switch to receivables, CPU time", cpu)
        }

        // Receivables (s12-screens): `s` re-queries one page by amount, or by due date; ↓ through the pages.
        _ = app.handle(.key(.function(ScreenID.receivables.functionKey)))
        _ = app.handle(.key(.char("t")))   // the overdue list
        measure("receivables sort (s, one page re-queried)", max(4, runs), &app, .char("s"))
        for list in ["overdue", "reminders"] {
            report("receivables \(list) End, then Home (last page read backwards, first page)", [time {
                _ = app.handle(.key(.end))
                draw(app)
            }, time {
                _ = app.handle(.key(.home))
                draw(app)
            }])
            _ = app.handle(.key(.char("t")))
        }
        if only { return }
        measure("receivables overdue list page-down (next pages read on the way)", max(runs, 60), &app, .pageDown)
        // Charts: the next chart is computed when first shown.
        _ = app.handle(.key(.function(ScreenID.charts.functionKey)))
        for chart in ["by dimension", "top customers", "aging"] {
            measure("charts: first show of \(chart) (tab)", 1, &app, .tab)
        }

        // Customer search, one keystroke at a time (code, name, pinyin initials of real customers).
        let sample = try probe.customers(search: nil, asOf: today,
                                         page: PageRequest(offset: summary.customers / 3, limit: 5))
        var words: [String] = []
        for row in sample {
            words.append(row.code)
            words.append(String(row.name.prefix(4)))
            words.append(String(SearchKeys.pinyin(for: row.name).initials.split(separator: "|").first ?? "").prefix(4)
                .description)
        }
        var keystrokes: [Double] = []
        _ = app.handle(.key(.function(ScreenID.customers.functionKey)))
        for word in words where !word.isEmpty {
            _ = app.handle(.key(.char("/")))
            for character in word {
                keystrokes.append(time {
                    _ = app.handle(.key(.char(character)))
                    draw(app)
                })
            }
            _ = app.handle(.key(.escape))   // clears the filter
        }
        report("customer search per keystroke (\(words.count) texts)", keystrokes)

        // Invoice list (documents) page-down from the top, then further down.
        _ = app.handle(.key(.function(ScreenID.documents.functionKey)))
        measure("invoice list page-down", max(runs, 30), &app, .pageDown)
    }

    static func makeApp(path: String, today: CivilDate) throws -> (LedgerApp, AppContext) {
        let store = try SQLiteLedgerStore(path: path)
        let service = LedgerService(store: store, clock: FixedClock(today), actor: "bench", role: .manager)
        let context = AppContext(store: store, service: service, language: .zh, ledgerName: "bench")
        context.defersStartupWork = true
        return (LedgerApp(context: context), context)
    }

    static func draw(_ app: LedgerApp) {
        var buffer = CellBuffer(size: size)
        _ = app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
    }

    /// CPU milliseconds of the `time` calls since the last `report` (reported beside the wall times: on a loaded
    /// machine wall time is mostly waiting for a core).
    nonisolated(unsafe) static var cpuSamples: [Double] = []

    static func time(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now, startCPU = LedgerQueryBench.cpuMilliseconds()
        try body()
        cpuSamples.append(LedgerQueryBench.cpuMilliseconds() - startCPU)
        return (clock.now - start).milliseconds
    }

    /// Presses `key` on `app` and draws it, `count` times, timing each press and draw; prints them as `name`.
    static func measure(_ name: String, _ count: Int, _ app: inout LedgerApp, _ key: Key) {
        var samples: [Double] = []
        for _ in 0..<count {
            samples.append(time {
                _ = app.handle(.key(key))
                draw(app)
            })
        }
        report(name, samples)
    }

    static func report(_ name: String, _ samples: [Double]) {
        let cpu = cpuSamples.sorted()
        cpuSamples = []
        guard !samples.isEmpty else { return print("\(name): no samples") }
        let sorted = samples.sorted()
        let median = sorted[sorted.count / 2]
        let p95 = sorted[min(sorted.count - 1, Int((Double(sorted.count) * 0.95).rounded(.up)) - 1)]
        func ms(_ value: Double) -> String { String(Double(Int((value * 100).rounded())) / 100) }
        let cpuText = cpu.isEmpty ? "" : "; CPU median \(ms(cpu[cpu.count / 2])) ms, p95 "
            + "\(ms(cpu[min(cpu.count - 1, Int((Double(cpu.count) * 0.95).rounded(.up)) - 1)])) ms"
        print("\(name): median \(ms(median)) ms, p95 \(ms(p95)) ms (\(samples.count) samples)\(cpuText)")
    }
}

extension Duration {
    /// The duration in milliseconds (fractional).
    var milliseconds: Double { Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15 }
}

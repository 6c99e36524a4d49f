import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// A running app over an in-memory ledger with a pinned clock: feed it keys, render it into a cell grid.
struct AppHarness {
    let store: SQLiteLedgerStore
    let service: LedgerService
    let context: AppContext
    var app: LedgerApp
    var size: Size

    init(language: Language, size: Size = Size(width: 80, height: 24), today: String = "2026-11-29",
         draftPath: String? = nil, seedLedger: (LedgerService) throws -> Void = { _ in }) throws {
        store = try SQLiteLedgerStore()
        service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: today)!), actor: "S01", role: .manager)
        try seedLedger(service)
        context = AppContext(store: store, service: service, language: language, ledgerName: "test.sqlite", draftPath: draftPath)
        // Files a screen writes on a key (audit report, letters) go to a temp folder, never the working folder.
        context.outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("sl-app-tests").path
        try? FileManager.default.createDirectory(atPath: context.outputFolder!, withIntermediateDirectories: true)
        app = LedgerApp(context: context)
        self.size = size
    }

    mutating func press(_ keys: Key...) {
        for key in keys { _ = app.handle(.key(key)) }
    }

    @discardableResult
    mutating func send(_ event: Event) -> EventOutcome { app.handle(event) }

    mutating func type(_ text: String) {
        for character in text { _ = app.handle(.key(.char(character))) }
    }

    /// The screen as text lines (wide characters once, like a terminal capture).
    func screen() -> [String] {
        var buffer = CellBuffer(size: size)
        _ = app.render(into: &buffer, context: RenderContext(size: size, supportsUnicode: true))
        return buffer.lines
    }

    var text: String { screen().joined(separator: "\n") }
}

/// A small deterministic ledger (generated Chinese sample) for screen tests.
func seedGenerated(_ service: LedgerService) throws {
    let cities = try SampleGenerator.loadCities(directory: sampleDirectory("cn-regions"))
    let generator = SampleGenerator(language: .zh, customers: 12, invoices: 90, seed: 5, today: service.clock.today(), cities: cities)
    _ = try service.runBatch { try generator.load(into: $0) }
}

func sampleDirectory(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LedgerInterop/SampleData/\(name)").path
}

/// Compares `lines` with `Snapshots/<name>.txt`; `SNAPSHOT_RECORD=1` rewrites it. Lines are framed with `|`.
func assertScreen(_ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/\(name).txt")
    let actual = lines.map { "|\($0)|" }.joined(separator: "\n") + "\n"
    if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt (run with SNAPSHOT_RECORD=1)", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let e = expected.split(separator: "\n"), a = actual.split(separator: "\n")
        let diffs = (0..<max(e.count, a.count)).filter { i in (i < e.count ? e[i] : "") != (i < a.count ? a[i] : "") }
            .prefix(6).map { i in "line \(i + 1):\n  - \(i < e.count ? String(e[i]) : "")\n  + \(i < a.count ? String(a[i]) : "")" }
        Issue.record(Comment(rawValue: "snapshot \(name) differs:\n" + diffs.joined(separator: "\n")), sourceLocation: sourceLocation)
    }
}

/// Display column (cells) where `needle` first occurs in `line`.
func cellColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return DisplayWidth.of(line[line.startIndex..<range.lowerBound])
}

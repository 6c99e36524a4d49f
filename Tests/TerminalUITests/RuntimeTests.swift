import Testing
@testable import TerminalUI

/// A tiny app: a text input that echoes what is typed, quitting on q; records termination.
struct EchoApp: TerminalApplication {
    var input = TextInput()
    var events: [Event] = []
    var terminated: TerminationReason?

    mutating func handle(_ event: Event) -> EventOutcome {
        events.append(event)
        if event == .key(.char("q")) { return .quit(exitCode: 0) }
        if event == .key(.ctrl("c")) { return .quit(exitCode: 130) }
        input.handle(event)
        return .continue
    }

    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point? {
        buffer.setString("Name 名称:", x: 0, y: 0, style: Style(.accent))
        let cursor = input.render(into: &buffer, x: 10, y: 0, width: 20, style: Style(.input))
        buffer.setString("\(context.size)", x: 0, y: context.size.height - 1, style: Style(.muted))
        return cursor
    }

    mutating func willTerminate(_ reason: TerminationReason) { terminated = reason }
}

@Suite struct RuntimeTests {
    private func chars(_ s: String) -> [Event] { s.map { .key(.char($0)) } }

    @Test func typedTextIsDrawnAndQuitRestores() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: chars("北京ab") + [.key(.backspace), .key(.char("q"))])
        var app = EchoApp()
        let reason = Runtime(backend: backend).run(&app)
        #expect(reason == .quit(exitCode: 0))
        #expect(reason.exitCode == 0)
        #expect(!backend.isActive)
        #expect(backend.lines[0].hasPrefix("Name 名称:北京a "))
        #expect(backend.cursor == Point(x: 15, y: 0))
        #expect(backend.lines[23].hasPrefix("80×24"))
        #expect(backend.roleLines[0].hasPrefix("aaaaaaaaaa"))
    }

    @Test func tooSmallMessageAndResizeBackKeepsState() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script:
            chars("abc") + [.resize(Size(width: 20, height: 5))], endsWhenScriptIsEmpty: true)
        var app = EchoApp()
        let runtime = Runtime(backend: backend)
        #expect(runtime.run(&app) == .endOfInput)
        #expect(app.terminated == .endOfInput)
        assertSnapshot(backend.lines, named: "runtime.toosmall.20x5")
        #expect(backend.lines[0] == "terminal too small: ")
        #expect(backend.lines[1].hasPrefix("need ≥ 80×24 (now"))
        backend.script = [.resize(Size(width: 100, height: 30))]
        #expect(runtime.run(&app) == .endOfInput)
        #expect(backend.lines[0].hasPrefix("Name 名称:abc"))
        #expect(backend.lines[29].hasPrefix("100×30"))
        #expect(backend.lines.allSatisfy { !$0.contains("too small") })
    }

    @Test func tinySizesNeverTrap() {
        for size in [Size(width: 1, height: 1), .zero, Size(width: 0, height: 5), Size(width: 10, height: 3)] {
            let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: [.resize(size), .key(.char("x"))])
            var app = EchoApp()
            #expect(Runtime(backend: backend).run(&app) == .endOfInput)
            #expect(backend.size == size)
            if size.area <= 1 { #expect(backend.lines.allSatisfy { $0.allSatisfy { $0 == " " } }) }
        }
    }

    @Test func secondFrameSendsOnlyChangedCells() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24))
        let runtime = Runtime(backend: backend)
        var app = EchoApp()
        runtime.renderFrame(app)
        let first = backend.drawnCellCount
        #expect(first == 80 * 24)
        _ = app.handle(.key(.char("Z")))
        runtime.renderFrame(app)
        #expect(backend.drawnCellCount - first == 1)
        _ = app.handle(.key(.char("北")))
        runtime.renderFrame(app)
        #expect(backend.drawnCellCount - first == 3)
    }

    @Test func signalEndsLoopWithHook() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: chars("abc"), endsWhenScriptIsEmpty: false)
        var count = 0
        let runtime = Runtime(backend: backend, pendingSignal: {
            count += 1
            return count > 2 ? 15 : nil
        })
        var app = EchoApp()
        let reason = runtime.run(&app)
        #expect(reason == .signal(15))
        #expect(reason.exitCode == 143)
        #expect(app.terminated == .signal(15))
        #expect(!backend.isActive)
        #expect(app.input.text == "ab")
    }

    @Test func ctrlCIsAKeyTheAppHandles() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: [.key(.interrupt)])
        var app = EchoApp()
        #expect(Runtime(backend: backend).run(&app).exitCode == 130)
    }
}

/// Work in steps on `.tick` (like a long import) that Ctrl-C can cancel between steps.
struct ImportApp: TerminalApplication {
    var done = 0
    let total: Int
    var cancelled = false
    var hasPendingWork: Bool { !cancelled && done < total }

    mutating func handle(_ event: Event) -> EventOutcome {
        switch event {
        case .tick where hasPendingWork: done += 1
        case .key(.ctrl("c")): cancelled = true       // roll back here, then quit
            return .quit(exitCode: 130)
        case .key(.char("q")) where !hasPendingWork: return .quit(exitCode: 0)
        default: break
        }
        return .continue
    }

    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point? {
        buffer.setString("imported \(done)/\(total)", x: 0, y: 0)
        return nil
    }
}

@Suite struct PendingWorkTests {
    @Test func ticksDriveWorkWithoutWaitingUntilDone() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: [], endsWhenScriptIsEmpty: false)
        let runtime = Runtime(backend: backend, pollMilliseconds: 10_000)
        var app = ImportApp(total: 50)
        var steps = 0
        runtime.pendingSignal = {
            steps += 1
            return steps > 60 ? 2 : nil
        }
        #expect(runtime.run(&app) == .signal(2))
        #expect(app.done == 50)
        #expect(backend.lines[0].hasPrefix("imported 50/50"))
    }

    @Test func ctrlCBetweenStepsCancels() {
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: [], endsWhenScriptIsEmpty: false)
        var app = ImportApp(total: 1_000)
        var steps = 0
        let runtime = Runtime(backend: backend, pendingSignal: {
            steps += 1
            if steps == 10 { backend.script = [.key(.interrupt)] }
            return nil
        })
        #expect(runtime.run(&app) == .quit(exitCode: 130))
        #expect(app.cancelled)
        #expect(app.done < 1_000)
        #expect(!backend.isActive)
    }
}

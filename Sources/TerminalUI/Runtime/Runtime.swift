/// The event loop: event → `handle` → `render` into a buffer → diff with the last frame → backend.
///
/// The runtime owns the backend and the two frame buffers. It restores the terminal (`leave()`) on
/// every way out of `run`: quit, signal, end of input and thrown error.
public final class Runtime {
    /// The terminal.
    public let backend: TerminalBackend
    /// Milliseconds to wait for input before a `.tick` event.
    public var pollMilliseconds: Int
    /// Polled between events; a non-nil value is a signal number that ends the loop.
    public var pendingSignal: () -> Int32?
    /// Polled between events; true asks for a full repaint (after SIGCONT, for example).
    public var needsFullRedraw: () -> Bool
    /// Whether to deliver `.tick` when no input arrived within `pollMilliseconds`.
    public var deliversTicks: Bool

    private var current: CellBuffer
    private var previous: CellBuffer

    /// A runtime drawing to `backend`.
    public init(backend: TerminalBackend, pollMilliseconds: Int = 100, deliversTicks: Bool = false,
                pendingSignal: @escaping () -> Int32? = { nil }, needsFullRedraw: @escaping () -> Bool = { false }) {
        self.backend = backend
        self.pollMilliseconds = pollMilliseconds
        self.deliversTicks = deliversTicks
        self.pendingSignal = pendingSignal
        self.needsFullRedraw = needsFullRedraw
        current = CellBuffer(size: .zero)
        previous = CellBuffer(size: .zero)
    }

    /// Runs `app` until it quits, input ends, a signal arrives or the backend fails. The terminal is
    /// entered first and always left before returning. Returns why the loop ended.
    @discardableResult
    public func run<App: TerminalApplication>(_ app: inout App) -> TerminationReason {
        do {
            try backend.enter()
        } catch {
            return .failure(String(describing: error))
        }
        defer { backend.leave() }
        previous = CellBuffer(size: .zero)
        renderFrame(app)
        while true {
            if let signal = pendingSignal() {
                app.willTerminate(.signal(signal))
                return .signal(signal)
            }
            if needsFullRedraw() { repaintAll(app) }
            let event: Event?
            do {
                event = try backend.nextEvent(timeoutMilliseconds: app.hasPendingWork ? 0 : pollMilliseconds)
            } catch BackendError.endOfInput {
                app.willTerminate(.endOfInput)
                return .endOfInput
            } catch {
                let reason = TerminationReason.failure(String(describing: error))
                app.willTerminate(reason)
                return reason
            }
            guard let event = event ?? (deliversTicks || app.hasPendingWork ? .tick : nil) else { continue }
            if case .resize = event { backend.clear(); previous = CellBuffer(size: .zero) }
            if case .quit(let code) = app.handle(event) { return .quit(exitCode: code) }
            renderFrame(app)
        }
    }

    /// Draws one frame of `app` now (used by `run`; tests may call it directly).
    public func renderFrame<App: TerminalApplication>(_ app: App) {
        let size = backend.size
        if current.size != size { current.resize(to: size) } else { current.clear() }
        var cursor: Point? = nil
        if size.contains(app.minimumSize) {
            cursor = app.render(into: &current,
                                context: RenderContext(size: size, supportsUnicode: backend.supportsUnicode))
        } else {
            TooSmallNotice(minimum: app.minimumSize, text: app.tooSmallText).render(into: &current)
        }
        let changes = current.diff(from: previous)
        if !changes.isEmpty { backend.draw(changes) }
        backend.setCursor(cursor)
        backend.flush()
        swap(&current, &previous)
    }

    /// Clears the terminal and redraws every cell.
    public func repaintAll<App: TerminalApplication>(_ app: App) {
        backend.clear()
        previous = CellBuffer(size: .zero)
        renderFrame(app)
    }
}

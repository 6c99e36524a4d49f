/// What an application gives the `Runtime`: event handling (state changes only) and drawing.
public protocol TerminalApplication {
    /// The smallest size the app can draw in; below it the runtime shows a "too small" notice
    /// and does not call `render`. Events are still delivered, so state survives resizes.
    var minimumSize: Size { get }

    /// Changes state for one event and says whether to keep running.
    mutating func handle(_ event: Event) -> EventOutcome

    /// Draws the current state into `buffer` (already cleared, `context.size` cells) and returns
    /// where the text cursor should be, or nil to hide it.
    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point?

    /// True while the app has work to do in steps (an import, a report): the runtime then polls input
    /// without waiting and sends `.tick` whenever no input is pending, so the app does one step per
    /// tick and still sees Ctrl-C (as a key) and signals between steps.
    var hasPendingWork: Bool { get }

    /// The "terminal too small" notice as (minimum, now) → text, or nil for the English default. A requirement,
    /// so the runtime, which knows the app only as a `TerminalApplication`, calls the app's own wording.
    var tooSmallText: (@Sendable (Size, Size) -> String)? { get }

    /// Called once before the terminal is restored when the loop ends for any reason other than
    /// the app's own `.quit` (signal, end of input, backend error): roll back or finish work here.
    mutating func willTerminate(_ reason: TerminationReason)
}

extension TerminalApplication {
    public var minimumSize: Size { Size(width: 80, height: 24) }
    public var hasPendingWork: Bool { false }
    /// The English "terminal too small" notice; apps in other languages return their own wording.
    public var tooSmallText: (@Sendable (Size, Size) -> String)? { nil }
    public mutating func willTerminate(_ reason: TerminationReason) {}
}

/// What `handle(_:)` asks the runtime to do next.
public enum EventOutcome: Equatable, Sendable {
    /// Keep running (and redraw).
    case `continue`
    /// Leave the loop; the process should exit with `exitCode`.
    case quit(exitCode: Int32)
}

/// Why the loop is ending, given to `willTerminate(_:)` and returned by `Runtime.run`.
public enum TerminationReason: Equatable, Sendable {
    /// The app returned `.quit`.
    case quit(exitCode: Int32)
    /// A termination signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) arrived.
    case signal(Int32)
    /// Input ended (stdin closed).
    case endOfInput
    /// The backend failed.
    case failure(String)

    /// Conventional exit status: the app's code, 128 + signal, 0 at end of input, 1 on failure.
    public var exitCode: Int32 {
        switch self {
        case .quit(let code): code
        case .signal(let number): 128 + number
        case .endOfInput: 0
        case .failure: 1
        }
    }
}

/// Facts about the frame being drawn.
public struct RenderContext: Sendable {
    /// Size of the buffer.
    public var size: Size
    /// Whether Unicode glyphs (blocks, braille, box drawing) may be used; else ASCII.
    public var supportsUnicode: Bool

    public init(size: Size, supportsUnicode: Bool) {
        self.size = size
        self.supportsUnicode = supportsUnicode
    }
}

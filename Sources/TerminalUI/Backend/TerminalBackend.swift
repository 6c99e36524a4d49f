/// What the runtime needs from a terminal: its size, drawing changed cells, the cursor, and input.
/// `NcursesBackend` (module TerminalUINcurses) talks to a real terminal; `InMemoryBackend` is for tests.
public protocol TerminalBackend: AnyObject {
    /// Current size in cells.
    var size: Size { get }
    /// Whether the terminal shows UTF-8 text (else charts and borders use ASCII).
    var supportsUnicode: Bool { get }
    /// Takes over the terminal (raw mode, alternate screen, hidden cursor).
    func enter() throws
    /// Gives the terminal back as it was. Safe to call more than once.
    func leave()
    /// Draws the given changed cells (not yet visible until `flush()`).
    func draw(_ changes: [CellChange])
    /// Clears the whole screen, so the next draw must repaint every cell.
    func clear()
    /// Moves the cursor to `position` and shows it, or hides it when nil.
    func setCursor(_ position: Point?)
    /// Makes everything drawn so far visible.
    func flush()
    /// Waits up to `timeoutMilliseconds` for one event; nil on timeout.
    /// Throws `BackendError.endOfInput` when input is closed, so callers never spin.
    func nextEvent(timeoutMilliseconds: Int) throws -> Event?
}

/// Failures a backend reports.
public enum BackendError: Error, Equatable, CustomStringConvertible {
    /// Input has ended (stdin at EOF, or the in-memory script ran out with `endWhenEmpty`).
    case endOfInput
    /// The terminal cannot be used for the stated reason (e.g. "TERM is not set").
    case unusableTerminal(String)

    public var description: String {
        switch self {
        case .endOfInput: "end of input"
        case .unusableTerminal(let reason): reason
        }
    }
}

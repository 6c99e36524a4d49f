/// A backend without a terminal, for tests: a cell grid you read back as text or role codes, and
/// a scripted queue of events. Resizes in the queue change its size as a real terminal would.
public final class InMemoryBackend: TerminalBackend {
    /// The screen as drawn so far.
    public private(set) var screen: CellBuffer
    /// Events still to deliver, first first.
    public var script: [Event]
    /// When true, an empty script throws `BackendError.endOfInput` (so the loop ends); else `nil`.
    public var endsWhenScriptIsEmpty: Bool
    public var supportsUnicode: Bool
    /// Cursor position, nil when hidden.
    public private(set) var cursor: Point?
    /// Number of cells drawn across all `draw` calls (to check the diff).
    public private(set) var drawnCellCount = 0
    /// Number of `flush()` calls.
    public private(set) var flushCount = 0
    /// Whether `enter()` was called without a matching `leave()`.
    public private(set) var isActive = false

    /// A backend of `size` with the given scripted events.
    public init(size: Size, script: [Event] = [], endsWhenScriptIsEmpty: Bool = true, supportsUnicode: Bool = true) {
        screen = CellBuffer(size: size)
        self.script = script
        self.endsWhenScriptIsEmpty = endsWhenScriptIsEmpty
        self.supportsUnicode = supportsUnicode
    }

    public var size: Size { screen.size }
    public func enter() throws { isActive = true }
    public func leave() { isActive = false }

    public func draw(_ changes: [CellChange]) {
        for change in changes {
            drawnCellCount += 1
            let cell = change.cell
            if cell.isContinuation { continue }
            screen.setString(cell.symbol, x: change.x, y: change.y, style: cell.style)
            if cell.symbol == " " || cell.symbol.isEmpty {
                screen.fill(Rect(x: change.x, y: change.y, width: 1, height: 1), style: cell.style)
            }
        }
    }

    public func clear() { screen.clear() }
    public func setCursor(_ position: Point?) { cursor = position }
    public func flush() { flushCount += 1 }

    /// Changes the size now, as if the user resized the window (contents are lost).
    public func resize(to newSize: Size) { screen.resize(to: newSize) }

    public func nextEvent(timeoutMilliseconds: Int) throws -> Event? {
        guard !script.isEmpty else {
            if endsWhenScriptIsEmpty { throw BackendError.endOfInput }
            return nil
        }
        let event = script.removeFirst()
        if case .resize(let newSize) = event { screen.resize(to: newSize) }
        return event
    }

    /// The screen as text lines (wide graphemes once, trailing spaces kept).
    public var lines: [String] { screen.lines }
    /// The screen as role-code lines (see `StyleRole.code`).
    public var roleLines: [String] { screen.roleLines }
}

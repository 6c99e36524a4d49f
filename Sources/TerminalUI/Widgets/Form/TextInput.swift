/// An editable line (or, with `allowsNewlines`, a multi-line note) whose cursor moves by grapheme.
///
/// Keys: ←/→, Home/End (Ctrl-A/Ctrl-E), Backspace/Delete (a whole grapheme, wide or combined),
/// Ctrl-U (delete to start), Ctrl-K (delete to end), printable characters and paste insert.
public struct TextInput: Sendable, Equatable {
    /// The text, as graphemes.
    public private(set) var graphemes: [Character]
    /// Cursor position in graphemes, 0…`graphemes.count`.
    public private(set) var cursor: Int
    /// Whether Enter inserts a line break (multi-line note) instead of being left to the form.
    public var allowsNewlines: Bool
    /// Maximum number of graphemes, or nil for no limit.
    public var maxLength: Int?

    /// An input holding `text`, cursor at the end.
    public init(_ text: String = "", allowsNewlines: Bool = false, maxLength: Int? = nil) {
        graphemes = Array(text)
        cursor = graphemes.count
        self.allowsNewlines = allowsNewlines
        self.maxLength = maxLength
    }

    /// The current text.
    public var text: String { String(graphemes) }

    /// Replaces the text; the cursor goes to the end.
    public mutating func setText(_ text: String) {
        graphemes = Array(text)
        cursor = graphemes.count
    }

    /// Applies a key or paste; returns whether it was consumed (changed text or cursor).
    @discardableResult
    public mutating func handle(_ event: Event) -> Bool {
        switch event {
        case .paste(let text):
            insert(allowsNewlines ? text : text.replacingNewlines())
            return true
        case .key(let key):
            return handle(key)
        default:
            return false
        }
    }

    private mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(String(c))
        case .enter where allowsNewlines: insert("\n")
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(graphemes.count, cursor + 1)
        case .home, .ctrl("a"): cursor = lineStart()
        case .end, .ctrl("e"): cursor = lineEnd()
        case .backspace:
            guard cursor > 0 else { return true }
            graphemes.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .ctrl("d"):
            guard cursor < graphemes.count else { return true }
            graphemes.remove(at: cursor)
        case .ctrl("u"):
            let start = lineStart()
            graphemes.removeSubrange(start..<cursor)
            cursor = start
        case .ctrl("k"):
            graphemes.removeSubrange(cursor..<lineEnd())
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ text: String) {
        // Joined as a string with the grapheme before the cursor, so a typed combining mark joins it; only that
        // grapheme is segmented again (tryout s19: re-reading the whole text made 10,000 typed characters take
        // minutes).
        let start = max(0, cursor - 1)
        var joined = Array(String(graphemes[start..<cursor]) + text)
        if let maxLength, start + joined.count + (graphemes.count - cursor) > maxLength {
            joined = Array(joined.prefix(max(0, maxLength - start - (graphemes.count - cursor))))
        }
        graphemes.replaceSubrange(start..<cursor, with: joined)
        cursor = min(start + joined.count, graphemes.count)
    }

    private func lineStart() -> Int {
        var i = cursor
        while i > 0, graphemes[i - 1] != "\n" { i -= 1 }
        return i
    }

    private func lineEnd() -> Int {
        var i = cursor
        while i < graphemes.count, graphemes[i] != "\n" { i += 1 }
        return i
    }

    // MARK: - Drawing

    /// Draws one line of the input into `width` cells at (`x`, `y`), scrolled so the cursor shows;
    /// `.right` alignment (amounts) keeps the text against the right edge with room for the cursor.
    /// Returns the cursor's screen position.
    @discardableResult
    public func render(into buffer: inout CellBuffer, x: Int, y: Int, width: Int, style: Style,
                       alignment: Alignment = .left) -> Point {
        if alignment == .right, width > 1 {
            let textWidth = DisplayWidth.of(text)
            if textWidth < width {
                let offset = width - 1 - textWidth
                buffer.fill(Rect(x: x, y: y, width: offset, height: 1), style: style)
                return render(into: &buffer, x: x + offset, y: y, width: width - offset, style: style)
            }
        }
        buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        guard width > 0 else { return Point(x: x, y: y) }
        // From the cursor back as far as fits in width - 1 cells, then on to the right edge: only the shown
        // graphemes are measured, however long the text.
        func shown(_ g: Character) -> Character { g == "\n" ? "⏎" : g }
        var skip = min(cursor, graphemes.count), cursorColumn = 0
        while skip > 0, cursorColumn + DisplayWidth.of(shown(graphemes[skip - 1])) <= width - 1 {
            skip -= 1
            cursorColumn += DisplayWidth.of(shown(graphemes[skip]))
        }
        var end = skip, drawn = 0
        while end < graphemes.count, drawn < width {
            drawn += DisplayWidth.of(shown(graphemes[end]))
            end += 1
        }
        buffer.setString(String(graphemes[skip..<end].map(shown)), x: x, y: y, maxWidth: width, style: style)
        return Point(x: x + min(width - 1, cursorColumn), y: y)
    }

    /// Draws the input as a multi-line box of `rect`, wrapping by cells; returns the cursor position.
    @discardableResult
    public func renderLines(into buffer: inout CellBuffer, rect: Rect, style: Style) -> Point {
        buffer.fill(rect, style: style)
        var row = 0, column = 0
        var cursorPoint = Point(x: rect.x, y: rect.y)
        for (i, g) in graphemes.enumerated() {
            if i == cursor { cursorPoint = Point(x: rect.x + column, y: rect.y + row) }
            if g == "\n" { row += 1; column = 0; continue }
            let w = DisplayWidth.of(g)
            if column + w > rect.width { row += 1; column = 0 }
            if row < rect.height { buffer.setSymbol(g, x: rect.x + column, y: rect.y + row, style: style) }
            column += w
        }
        if cursor >= graphemes.count {
            if column >= rect.width { row += 1; column = 0 }
            cursorPoint = Point(x: rect.x + column, y: rect.y + row)
        }
        cursorPoint.y = min(cursorPoint.y, rect.maxY - 1)
        return cursorPoint
    }
}

extension String {
    /// Line breaks (CR, LF) replaced by spaces, for single-line inputs.
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }
}

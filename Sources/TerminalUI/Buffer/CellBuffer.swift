/// A grid of styled cells that widgets draw into: a flat, row-major array of `size.area` cells.
///
/// Every write is clipped to the buffer (and to an optional width), so drawing outside is a no-op,
/// never a trap. Wide graphemes occupy two cells; overwriting either half blanks the other half, so
/// a wide character is never left split.
public struct CellBuffer: Sendable, Equatable {
    /// Extent in cells.
    public private(set) var size: Size
    /// Cells, row-major: index = y × width + x.
    public private(set) var cells: [Cell]

    /// A buffer of `size` filled with `fill`.
    public init(size: Size, fill: Cell = .blank()) {
        self.size = size
        cells = Array(repeating: fill, count: size.area)
    }

    /// The whole buffer as a rectangle at the origin.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (`x`, `y`), or a blank cell when outside.
    public subscript(x: Int, y: Int) -> Cell {
        guard let i = index(x, y) else { return .blank() }
        return cells[i]
    }

    /// Resets every cell to `fill`, keeping the size.
    public mutating func clear(_ fill: Cell = .blank()) {
        for i in cells.indices { cells[i] = fill }
    }

    /// Changes the size; all cells become blank.
    public mutating func resize(to newSize: Size) {
        size = newSize
        cells = Array(repeating: .blank(), count: newSize.area)
    }

    /// Fills `rect` (clipped) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX { put(.blank(style), width: 1, x: x, y: y) }
        }
    }

    /// Writes `text` from (`x`, `y`) in `style`, grapheme by grapheme, using at most `maxWidth` cells
    /// (and never past the right edge). Stops before a grapheme that does not fit whole; control
    /// characters are dropped and a lone combining mark is skipped. Returns the cells used.
    @discardableResult
    public mutating func setString(_ text: String, x: Int, y: Int, maxWidth: Int = .max, style: Style = .text) -> Int {
        guard y >= 0, y < size.height, x < size.width, maxWidth > 0 else { return 0 }
        let limit = min(size.width, x.addingReportingOverflow(maxWidth).overflow ? size.width : x + maxWidth)
        var column = x
        if DisplayWidth.printableASCIICount(text.utf8) != nil {
            // Fast path: one byte = one grapheme = one cell.
            for byte in text.utf8 {
                if column + 1 > limit { break }
                if column >= 0 { put(Cell(Self.asciiSymbols[Int(byte)], style: style), width: 1, x: column, y: y) }
                column += 1
            }
            return max(0, column - x)
        }
        for grapheme in text {
            let w = DisplayWidth.of(grapheme)
            if w == 0 { continue }
            if column + w > limit { break }
            if column >= 0 { put(Cell(String(grapheme), style: style), width: w, x: column, y: y) }
            column += w
        }
        return max(0, column - x)
    }

    /// Writes `text` fitted to exactly `width` cells at (`x`, `y`): aligned and padded with blanks
    /// in `style`, or, when too long, cut by cells and ended with `TextFitting.defaultEllipsis`
    /// (a wide grapheme that would straddle the cut is dropped and its cell left blank).
    /// Same result as `setString(TextFitting.fit(…))`, without building the padded string.
    public mutating func setFitted(_ text: String, x: Int, y: Int, width: Int, alignment: Alignment = .left,
                                   style: Style = .text) {
        guard width > 0, y >= 0, y < size.height else { return }
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let total = DisplayWidth.of(text)
        if total <= width {
            let gap = width - total
            let offset = alignment == .left ? 0 : alignment == .right ? gap : gap / 2
            setString(text, x: x + offset, y: y, maxWidth: width - offset, style: style)
            return
        }
        let ellipsis = TextFitting.defaultEllipsis
        let markWidth = DisplayWidth.of(ellipsis)
        guard markWidth <= width else { return }
        let budget = width - markWidth
        let used = setString(text, x: x, y: y, maxWidth: budget, style: style)
        setString(ellipsis, x: x + max(used, budget), y: y, maxWidth: markWidth, style: style)
    }

    /// One-cell symbols for ASCII bytes, shared so the fast path allocates nothing.
    private static let asciiSymbols: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// Writes one grapheme `symbol` at (`x`, `y`) in `style` if it fits.
    public mutating func setSymbol(_ symbol: Character, x: Int, y: Int, style: Style) {
        let w = DisplayWidth.of(symbol)
        guard w > 0, x >= 0, x + w <= size.width, y >= 0, y < size.height else { return }
        put(Cell(String(symbol), style: style), width: w, x: x, y: y)
    }

    /// Copies `other` into this buffer with its top-left at `origin` (clipped).
    public mutating func blit(_ other: CellBuffer, at origin: Point) {
        for y in 0..<other.size.height {
            for x in 0..<other.size.width {
                let cell = other.cells[y * other.size.width + x]
                if cell.isContinuation { continue }
                let w = DisplayWidth.of(Character(cell.symbol.isEmpty ? " " : cell.symbol))
                let tx = origin.x + x, ty = origin.y + y
                guard tx >= 0, tx + w <= size.width, ty >= 0, ty < size.height else { continue }
                put(cell, width: w, x: tx, y: ty)
            }
        }
    }

    // MARK: - Reading back

    /// Row `y` as text: wide graphemes once (continuations skipped), trailing spaces kept.
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var out = ""
        for x in 0..<size.width {
            let cell = cells[y * size.width + x]
            if !cell.isContinuation { out += cell.symbol }
        }
        return out
    }

    /// All rows as text (see `line(_:)`).
    public var lines: [String] { (0..<size.height).map(line) }

    /// Row `y` as one role code per cell (see `StyleRole.code`); continuations repeat the code.
    public func roleLine(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        return String((0..<size.width).map { cells[y * size.width + $0].style.role.code })
    }

    /// All rows as role codes.
    public var roleLines: [String] { (0..<size.height).map(roleLine) }

    // MARK: - Diff

    /// The cells that differ from `previous`, row by row, left to right. When the sizes differ every
    /// cell is reported. Continuation cells are included so backends can track them, but carry no symbol.
    public func diff(from previous: CellBuffer) -> [CellChange] {
        var changes: [CellChange] = []
        let width = size.width
        if previous.size != size {
            changes.reserveCapacity(cells.count)
            for (i, cell) in cells.enumerated() { changes.append(CellChange(x: i % width, y: i / width, cell: cell)) }
            return changes
        }
        for i in cells.indices where cells[i] != previous.cells[i] {
            changes.append(CellChange(x: i % width, y: i / width, cell: cells[i]))
        }
        return changes
    }

    // MARK: - Private

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return y * size.width + x
    }

    /// Puts a cell of display width `width` (1 or 2) at (x, y), repairing any wide grapheme it cuts.
    private mutating func put(_ cell: Cell, width: Int, x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        let row = y * size.width
        // Overwriting the right half of a wide grapheme: blank its left half.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = .blank(cells[i - 1].style) }
        let end = x + max(1, width) - 1
        // Overwriting the left half of a wide grapheme whose right half we do not cover.
        if end + 1 < size.width,
        cells[row + end + 1].isContinuation { cells[row + end + 1] = .blank(cells[row + end + 1].style) }
        cells[i] = cell
        if width == 2, x + 1 < size.width { cells[i + 1] = .continuation(cell.style) }
    }
}

/// One changed cell reported by `CellBuffer.diff(from:)`.
public struct CellChange: Equatable, Sendable {
    public var x: Int
    public var y: Int
    public var cell: Cell
}

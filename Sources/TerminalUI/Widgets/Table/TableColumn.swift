/// How wide a column is.
public enum ColumnWidth: Equatable, Sendable {
    /// Exactly this many cells.
    case fixed(Int)
    /// A share (`weight`) of the space left after fixed columns, at least `minimum` cells.
    case flexible(weight: Int = 1, minimum: Int = 4)
}

/// One column of a `TableView`.
public struct TableColumn: Equatable, Sendable {
    public var title: String
    public var width: ColumnWidth
    /// `.right` for numbers, so decimal points line up when the texts have equal decimals.
    public var alignment: Alignment

    /// A fixed text column (codes) that widens to its widest visible cell, as number columns do.
    public var fitsContent = false
    /// A less important column: when the columns do not fit, such columns are left out (from the right) before any
    /// other column is narrowed to nothing, so figures and names keep their room.
    public var dropsFirst = false

    public init(_ title: String, width: ColumnWidth, alignment: Alignment = .left, fitsContent: Bool = false,
                dropsFirst: Bool = false) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.fitsContent = fitsContent
        self.dropsFirst = dropsFirst
    }

    /// Cell widths for `columns` in `total` cells with one separator cell between columns.
    /// Fixed columns get their width; flexible ones share the rest by weight (at least their minimum).
    /// When space runs out, columns from the right get 0 cells; a fixed column gets its whole width or 0 (numbers are
    /// never cut). Never negative.
    public static func layout(_ columns: [TableColumn], totalWidth total: Int) -> [Int] {
        guard !columns.isEmpty, total > 0 else { return columns.map { _ in 0 } }
        // Columns marked `dropsFirst` are left out, the rightmost first, while the others' least widths overflow.
        var kept = Array(columns.indices)
        func least(_ indices: [Int]) -> Int {
            indices.reduce(max(0, indices.count - 1)) { sum, i in
                switch columns[i].width {
                case .fixed(let n): return sum + max(0, n)
                case .flexible(_, let m): return sum + max(0, m)
                }
            }
        }
        while least(kept) > total, let drop = kept.last(where: { columns[$0].dropsFirst }) {
            kept.removeAll { $0 == drop }
        }
        if kept.count < columns.count {
            var widths = columns.map { _ in 0 }
            let shown = layout(kept.map { var c = columns[$0]; c.dropsFirst = false; return c }, totalWidth: total)
            for (n, i) in kept.enumerated() { widths[i] = shown[n] }
            return widths
        }
        let separators = columns.count - 1
        var fixed = 0, weights = 0, minimums = 0
        for column in columns {
            switch column.width {
            case .fixed(let n): fixed += max(0, n)
            case .flexible(let w, let m): weights += max(1, w); minimums += max(0, m)
            }
        }
        var spare = max(0, total - separators - fixed - minimums)
        var widths: [Int] = columns.map { column in
            switch column.width {
            case .fixed(let n): return max(0, n)
            case .flexible(_, let m): return max(0, m)
            }
        }
        if weights > 0 {
            let share = spare
            for (i, column) in columns.enumerated() {
                if case .flexible(let w, _) = column.width {
                    let extra = share * max(1, w) / weights
                    widths[i] += extra
                    spare -= extra
                }
            }
            // Rounding leftovers go to the last flexible column.
            if let last = columns.lastIndex(where: { if case .flexible = $0.width { true } else { false } }) {
                widths[last] += spare
            }
        }
        // Clip from the left: each column gets what is left of the total. A fixed column (numbers) is never cut
        // short: it is shown whole or hidden (0 cells), so no amount is ever shown cut.
        // Once a column is hidden, the ones after it are too (a later, narrower column shown after a gap would
        // read as the hidden one's neighbour: 31-60 days next to Credits with 61-90 and 91+ left out).
        var remaining = total
        for i in widths.indices {
            var w = min(widths[i], remaining)
            if case .fixed = columns[i].width, w < widths[i] { w = 0 }
            if w == 0 { remaining = 0 }
            widths[i] = max(0, w)
            remaining = max(0, remaining - w - 1)
        }
        return widths
    }
}

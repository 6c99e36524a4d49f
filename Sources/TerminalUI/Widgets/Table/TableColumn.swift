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
    /// How early this column is left out when the columns do not fit: 0 never (only the clip from the right hides
    /// it); 1 and 2 (`dropsFirst` is 1) once the columns do not fit at their narrowest; 3 and more before `narrowest`
    /// cuts a flexible column's cells; 4 and more before a column gets fewer cells than it `wants`. The highest rank
    /// goes first, the rightmost of equal ranks first.
    public var dropRank = 0
    /// A less important column (`dropRank` ≥ 1): when the columns do not fit, such columns are left out (from the
    /// right) before any other column is narrowed to nothing, so figures and names keep their room.
    public var dropsFirst: Bool {
        get { dropRank > 0 }
        set { dropRank = newValue ? max(1, dropRank) : 0 }
    }
    /// Cells the column may be narrowed to when the columns do not fit. A fixed column narrows first, before any
    /// column is left out (screens give a text column's widest cell, so only a wider title is cut); a flexible one
    /// narrows below its minimum only once the columns of rank ≥ 3 are left out (its cells are then cut).
    public var narrowest: Int?
    /// Cells a flexible column needs to show its widest cell whole (a report's name column): columns of `dropRank`
    /// 4 and more (columns with nothing in them) are left out before it gets fewer (s34-fix2: F7 To issue at 120
    /// columns kept three empty fapiao columns and cut the buyer's name).
    public var wants: Int?

    public init(_ title: String, width: ColumnWidth, alignment: Alignment = .left, fitsContent: Bool = false,
                dropsFirst: Bool = false, dropRank: Int = 0, narrowest: Int? = nil) {
        self.title = title
        self.width = width
        self.alignment = alignment
        self.fitsContent = fitsContent
        self.dropRank = max(dropRank, dropsFirst ? 1 : 0)
        self.narrowest = narrowest
    }

    /// Cell widths for `columns` in `total` cells with one separator cell between columns.
    /// Fixed columns get their width; flexible ones share the rest by weight (at least their minimum).
    /// When space runs out, columns from the right get 0 cells; a fixed column gets its whole width or 0 (numbers are
    /// never cut). Never negative.
    public static func layout(_ columns: [TableColumn], totalWidth total: Int) -> [Int] {
        guard !columns.isEmpty, total > 0 else { return columns.map { _ in 0 } }
        // Columns of a `dropRank` are left out, the highest rank and then the rightmost first, while the others'
        // least widths overflow: ranks ≥ 3 against flexible columns at their minimum, then any rank against
        // flexible columns at their `narrowest`. Fixed columns count at their `narrowest` throughout.
        var kept = Array(columns.indices)
        func least(_ indices: [Int], hard: Bool, wanted: Bool = false) -> Int {
            indices.reduce(max(0, indices.count - 1)) { sum, i in
                switch columns[i].width {
                case .fixed(let n) where wanted: return sum + max(0, n)   // titles whole too
                case .fixed(let n): return sum + max(0, min(n, columns[i].narrowest ?? n))
                case .flexible(_, let m):
                    if wanted { return sum + max(0, m, columns[i].wants ?? 0) }
                    return sum + max(0, hard ? min(m, columns[i].narrowest ?? m) : m)
                }
            }
        }
        func dropOne(atLeast rank: Int) -> Bool {
            guard let top = kept.map({ columns[$0].dropRank }).max(), top >= rank,
                  let drop = kept.last(where: { columns[$0].dropRank == top }) else { return false }
            kept.removeAll { $0 == drop }
            return true
        }
        while least(kept, hard: false, wanted: true) > total, dropOne(atLeast: 4) {}
        while least(kept, hard: false) > total, dropOne(atLeast: 3) {}
        while least(kept, hard: true) > total, dropOne(atLeast: 1) {}
        if kept.count < columns.count {
            var widths = columns.map { _ in 0 }
            let shown = layout(kept.map { var c = columns[$0]; c.dropRank = 0; return c }, totalWidth: total)
            for (n, i) in kept.enumerated() { widths[i] = shown[n] }
            return widths
        }
        let columns = narrowed(columns, toFit: total)
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

    /// `columns` with the narrowable ones narrowed as far as needed to fit `total` with their separators: fixed
    /// columns first, then flexible minimums, each the rightmost first, never below its `narrowest`.
    static func narrowed(_ columns: [TableColumn], toFit total: Int) -> [TableColumn] {
        var out = columns
        var over = columns.reduce(max(0, columns.count - 1)) { sum, column in
            switch column.width {
            case .fixed(let n): return sum + max(0, n)
            case .flexible(_, let m): return sum + max(0, m)
            }
        } - total
        for flexible in [false, true] {
            for i in out.indices.reversed() where over > 0 {
                guard let narrowest = out[i].narrowest else { continue }
                switch out[i].width {
                case .fixed(let n) where !flexible && n > narrowest:
                    let cut = min(over, n - max(0, narrowest))
                    out[i].width = .fixed(n - cut)
                    over -= cut
                case .flexible(let w, let m) where flexible && m > narrowest:
                    let cut = min(over, m - max(0, narrowest))
                    out[i].width = .flexible(weight: w, minimum: m - cut)
                    over -= cut
                default: break
                }
            }
        }
        return out
    }
}

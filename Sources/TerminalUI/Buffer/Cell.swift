/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (2 cells) sits in its first cell; the cell to its right is a *continuation*
/// (`isContinuation == true`, empty symbol) that backends skip.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, `" "` for blank, `""` for a continuation cell.
    public var symbol: String
    /// Semantic style.
    public var style: Style
    /// Whether this cell is covered by the wide grapheme to its left.
    public var isContinuation: Bool

    /// Creates a cell holding `symbol`.
    public init(_ symbol: String = " ", style: Style = .text) {
        self.symbol = symbol
        self.style = style
        self.isContinuation = false
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .text) -> Cell { Cell(" ", style: style) }

    /// The continuation half of a wide grapheme.
    public static func continuation(_ style: Style) -> Cell {
        var cell = Cell("", style: style)
        cell.isContinuation = true
        return cell
    }
}

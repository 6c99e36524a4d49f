/// A cell position on the screen: `x` is the column, `y` the row, both counted from 0 at the top left.
public struct Point: Hashable, Sendable {
    /// Column, in cells from the left edge.
    public var x: Int
    /// Row, in cells from the top edge.
    public var y: Int

    /// Creates a point at column `x`, row `y`.
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    /// The top-left corner.
    public static let zero = Point(x: 0, y: 0)
}

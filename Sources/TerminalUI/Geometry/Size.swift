/// A size in terminal cells. Negative values are clamped to 0 on creation, so a size is never negative.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Width in cells (columns), never negative.
    public var width: Int
    /// Height in cells (rows), never negative.
    public var height: Int

    /// Creates a size, clamping negative dimensions to 0.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The empty size.
    public static let zero = Size(width: 0, height: 0)

    /// Number of cells (`width × height`).
    public var area: Int { width * height }

    /// Whether this size is at least `other` in both dimensions.
    public func contains(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }

    /// `W×H`, e.g. `80×24`.
    public var description: String { "\(width)×\(height)" }
}

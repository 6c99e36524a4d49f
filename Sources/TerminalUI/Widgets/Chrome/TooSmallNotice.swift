/// The notice shown instead of the app when the terminal is below the minimum size:
/// `terminal too small: need ≥ 80×24 (now 20×5)`, wrapped to the width. Nothing at 1×1 or 0×0.
public struct TooSmallNotice: Sendable {
    /// The size the app needs.
    public var minimum: Size
    /// The app's own wording (e.g. translated), given the minimum and the current size; nil: the English default.
    public var text: (@Sendable (Size, Size) -> String)?

    /// The message for the buffer's current size.
    public func message(for size: Size) -> String {
        text?(minimum, size) ?? "terminal too small: need ≥ \(minimum) (now \(size)) — enlarge the window"
    }

    /// Draws the notice (top-left, wrapped) into `buffer`.
    public func render(into buffer: inout CellBuffer) {
        let size = buffer.size
        guard size.area > 1 else { return }
        let lines = TextFitting.wrap(message(for: size), toWidth: size.width)
        for (row, line) in lines.prefix(size.height).enumerated() {
            buffer.setString(line, x: 0, y: row, maxWidth: size.width, style: Style(.warning, .bold))
        }
    }
}

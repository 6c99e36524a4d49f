/// A one-row bar of the keys that work now, like htop/mc: `F2 Save  Esc Cancel …`.
/// A binding that does not fit is left off whole (never cut in the middle); later, shorter ones may still fit.
public struct HintBar: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// Draws the bar on the first row of `area`.
    public func render(into buffer: inout CellBuffer, in area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area.row(0), style: Style(.hintText))
        var x = area.x
        for binding in bindings {
            let key = binding.keyText, label = binding.label
            let needed = DisplayWidth.of(key) + DisplayWidth.of(label) + 2
            guard x + needed <= area.maxX else { continue }
            x += buffer.setString(key, x: x, y: area.y, style: Style(.hintKey))
            x += buffer.setString(" " + label + " ", x: x, y: area.y, style: Style(.hintText))
        }
    }
}

/// A bordered box listing key bindings with their help text (opened with `?` or F1).
public struct HelpOverlay: Sendable {
    public var title: String
    public var bindings: [KeyBinding]
    /// The last line (set it to translate).
    public var footer = "Any key closes"

    public init(title: String = "Keys", bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// Draws the overlay centred in `area`.
    public func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool = true) {
        let keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyText) }.max() ?? 0)
        let helpWidth = bindings.map { DisplayWidth.of($0.help) }.max() ?? 0
        let box = area.centered(Size(width: keyWidth + helpWidth + 7, height: bindings.count + 4))
        guard box.width >= 6, box.height >= 4 else { return }
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: title, style: Style(.dialog), unicode: unicode)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (row, binding) in bindings.enumerated() where row < inner.height - 1 {
            buffer.setFitted(binding.keyText, x: inner.x, y: inner.y + row, width: keyWidth, style: Style(.dialog, .bold))
            buffer.setString(binding.help, x: inner.x + keyWidth + 1, y: inner.y + row, maxWidth: inner.width - keyWidth - 1, style: Style(.dialog))
        }
        buffer.setString(footer, x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: Style(.dialog))
    }
}

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

    /// Draws the overlay centred in `area`. A help text wider than the box wraps onto the next rows (never cut).
    public func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool = true) {
        let keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyText) }.max() ?? 0)
        let texts = bindings.map(Self.text)
        let helpWidth = texts.map { DisplayWidth.of($0) }.max() ?? 0
        let width = min(area.width, keyWidth + helpWidth + 7)
        let helpColumns = max(1, width - 4 - keyWidth - 1)
        let wrapped = texts.map { TextFitting.wrap($0, toWidth: helpColumns) }
        let rows = wrapped.reduce(0) { $0 + max(1, $1.count) }
        let box = area.centered(Size(width: width, height: rows + 4))
        guard box.width >= 6, box.height >= 4 else { return }
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: title, style: Style(.dialog), unicode: unicode)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        var row = 0
        for (binding, lines) in zip(bindings, wrapped) where row < inner.height - 1 {
            buffer.setFitted(binding.keyText, x: inner.x, y: inner.y + row, width: keyWidth,
                             style: Style(.dialog, .bold))
            for line in lines.isEmpty ? [""] : lines where row < inner.height - 1 {
                buffer.setString(line, x: inner.x + keyWidth + 1, y: inner.y + row,
                                 maxWidth: inner.width - keyWidth - 1, style: Style(.dialog))
                row += 1
            }
        }
        buffer.setString(footer, x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: Style(.dialog))
    }

    /// What a key does: its label, and its longer help after a dash when there is one (`i` Import receipts — WeChat,
    /// Alipay or bank file: review first), as the README lists it; the help alone when it already names the action.
    static func text(_ binding: KeyBinding) -> String {
        if binding.help.isEmpty || binding.help == binding.label || binding.help.hasPrefix(binding.label) {
            return binding.help.isEmpty ? binding.label : binding.help
        }
        return binding.label + " — " + binding.help
    }
}

/// A bordered box listing key bindings with their help text (opened with `?` or F1).
public struct HelpOverlay: Sendable {
    public var title: String
    public var bindings: [KeyBinding]
    /// The last line (set it to translate).
    public var footer = "Any key closes"
    /// The last line when keys do not fit (set it to translate); `%d`: how many are left out.
    public var moreFooter = "%d more keys: enlarge the window · any key closes"

    public init(title: String = "Keys", bindings: [KeyBinding]) {
        self.title = title
        self.bindings = bindings
    }

    /// Draws the overlay centred in `area`. A help text wider than the box wraps onto the next rows (never cut).
    /// When the keys do not fit the height, each shows its short label only; if some still do not fit, the footer
    /// says how many are left out (tryout s31: F3's help at 80×24 dropped its last two keys silently).
    public func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool = true) {
        let keyWidth = min(24, bindings.map { DisplayWidth.of($0.keyText) }.max() ?? 0)
        func layout(_ texts: [String]) -> (width: Int, wrapped: [[String]], rows: Int) {
            let helpWidth = texts.map { DisplayWidth.of($0) }.max() ?? 0
            let width = min(area.width, keyWidth + helpWidth + 7)
            let helpColumns = max(1, width - 4 - keyWidth - 1)
            let wrapped = texts.map { TextFitting.wrap($0, toWidth: helpColumns) }
            return (width, wrapped, wrapped.reduce(0) { $0 + max(1, $1.count) })
        }
        var (width, wrapped, rows) = layout(bindings.map(Self.text))
        if rows + 4 > area.height { (width, wrapped, rows) = layout(bindings.map(\.label)) }
        // Some keys still left out: the box is as wide as the footer that counts them.
        if rows + 4 > area.height { width = max(width, min(area.width, DisplayWidth.of(moreFooter) + 5)) }
        let box = area.centered(Size(width: width, height: rows + 4))
        guard box.width >= 6, box.height >= 4 else { return }
        buffer.fill(box, style: Style(.dialog))
        Border.draw(into: &buffer, rect: box, title: title, style: Style(.dialog), unicode: unicode)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        var row = 0, shown = 0
        for (binding, lines) in zip(bindings, wrapped) where row + max(1, lines.count) <= inner.height - 1 {
            buffer.setFitted(binding.keyText, x: inner.x, y: inner.y + row, width: keyWidth,
                             style: Style(.dialog, .bold))
            for line in lines.isEmpty ? [""] : lines {
                buffer.setString(line, x: inner.x + keyWidth + 1, y: inner.y + row,
                                 maxWidth: inner.width - keyWidth - 1, style: Style(.dialog))
                row += 1
            }
            shown += 1
        }
        let left = bindings.count - shown
        let last = left == 0 ? footer
            : moreFooter.split(separator: "%d", omittingEmptySubsequences: false).joined(separator: String(left))
        buffer.setString(last, x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: Style(.dialog))
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

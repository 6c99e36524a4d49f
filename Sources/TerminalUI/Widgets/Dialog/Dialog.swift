/// A modal dialog: a message, a yes/no confirmation, or a picker over a list of options.
public struct Dialog: Sendable, Equatable {
    /// What the dialog asks.
    public enum Kind: Sendable, Equatable {
        /// A message; any of Enter/Escape/Space closes it.
        case message
        /// Yes/no: `y`/Enter = yes, `n`/Escape = no (with `enterDeclines`, Enter = no).
        case confirm
        /// Pick one of `options` with ↑/↓ and Enter; Escape cancels.
        case picker([String])
    }

    /// How the dialog ended.
    public enum Outcome: Equatable, Sendable {
        /// Still open.
        case open
        case dismissed
        case confirmed
        case declined
        case picked(Int)
    }

    public var title: String
    public var message: String
    public var kind: Kind
    /// Overrides the footer line (e.g. translated: `[y] 是   [n] 否`); nil uses the English default.
    public var footer: String?
    /// A confirmation whose default is No: Enter declines and only `y` confirms (s35-fix: replacing a file took
    /// Enter as yes). The footer says so (`[y] Yes   [n/Enter] No`).
    public var enterDeclines = false
    /// The highlighted option of a picker.
    public private(set) var selection = 0

    public init(title: String, message: String, kind: Kind) {
        self.title = title
        self.message = message
        self.kind = kind
    }

    /// Handles a key; returns the outcome (`.open` while it stays up).
    public mutating func handle(_ event: Event) -> Outcome {
        guard case .key(let key) = event else { return .open }
        switch kind {
        case .message:
            return [.enter, .escape, .char(" ")].contains(key) ? .dismissed : .open
        case .confirm:
            switch key {
            case .enter: return enterDeclines ? .declined : .confirmed
            case .char("y"), .char("Y"): return .confirmed
            case .char("n"), .char("N"), .escape: return .declined
            default: return .open
            }
        case .picker(let options):
            switch key {
            case .up: selection = max(0, selection - 1)
            case .down: selection = min(max(0, options.count - 1), selection + 1)
            case .enter: return options.isEmpty ? .dismissed : .picked(selection)
            case .escape: return .dismissed
            default: break
            }
            return .open
        }
    }

    /// Keys that work in this dialog.
    public var keyBindings: [KeyBinding] {
        switch kind {
        case .message: [KeyBinding(.enter, "Close")]
        case .confirm where enterDeclines:
            [KeyBinding(.char("y"), "Yes"), KeyBinding([.char("n"), .enter, .escape], "No")]
        case .confirm: [KeyBinding([.char("y"), .enter], "Yes"), KeyBinding([.char("n"), .escape], "No")]
        case .picker: [KeyBinding([.up, .down], "Move"), KeyBinding(.enter, "Pick"), KeyBinding(.escape, "Cancel")]
        }
    }

    /// Draws the dialog centred in `area` with a border.
    /// Sized to its content: as wide as its longest line, title, footer or option (at most 60 columns and the
    /// area, at least 10), as high as its wrapped message and options.
    public func render(into buffer: inout CellBuffer, in area: Rect, unicode: Bool = true) {
        let footer: String
        switch kind {
        case _ where self.footer != nil: footer = self.footer ?? ""
        case .message: footer = "[Enter] OK"
        case .confirm: footer = enterDeclines ? "[y] Yes   [n/Enter] No" : "[y] Yes   [n] No"
        case .picker: footer = "[Enter] Pick   [Esc] Cancel"
        }
        var natural = message.split(separator: "\n",
                                    omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }
        natural += [DisplayWidth.of(footer), DisplayWidth.of(title) + 2]
        if case .picker(let options) = kind { natural += options.map { DisplayWidth.of($0) + 2 } }
        let innerWidth = max(10, min(area.width - 4, 60, natural.max() ?? 60))
        let body = TextFitting.wrap(message, toWidth: innerWidth)
        var rows = body
        var optionRows = 0
        if case .picker(let options) = kind { optionRows = min(options.count, max(0, area.height - body.count - 4)) }
        rows.append("")
        let height = rows.count + optionRows + 3
        let box = area.centered(Size(width: innerWidth + 4, height: height))
        guard box.width >= 4, box.height >= 3 else { return }
        let style = Style(.dialog)
        buffer.fill(box, style: style)
        Border.draw(into: &buffer, rect: box, title: title, style: style, unicode: unicode)
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        for (i, line) in rows.prefix(inner.height).enumerated() {
            buffer.setString(line, x: inner.x, y: inner.y + i, maxWidth: inner.width, style: style)
        }
        if case .picker(let options) = kind, optionRows > 0 {
            let top = max(0, min(selection - optionRows + 1, options.count - optionRows))
            for row in 0..<optionRows {
                let index = top + row
                guard index < options.count else { break }
                let lineStyle = index == selection ? Style(.selection) : style
                buffer.setFitted(options[index], x: inner.x, y: inner.y + rows.count - 1 + row, width: inner.width,
                                 style: lineStyle)
            }
        }
        buffer.setString(footer, x: inner.x, y: box.maxY - 2, maxWidth: inner.width, style: Style(.dialog, .bold))
    }
}

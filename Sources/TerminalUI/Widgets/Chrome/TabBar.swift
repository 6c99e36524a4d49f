/// A row of screen tabs, e.g. ` F1 Form │ F2 Table │ F3 Charts `; the active one highlighted.
public struct TabBar: Sendable {
    /// Tab titles, in order.
    public var titles: [String]
    /// Index of the active tab.
    public var selected: Int
    /// Spaces on each side of a title (1: ` F1 Form `; 0 packs a narrow bar: `F1 Form F2 Table`).
    public var padding = 1

    public init(titles: [String], selected: Int = 0) {
        self.titles = titles
        self.selected = selected
    }

    /// Cells the tabs take (titles, padding and one-cell gaps between them).
    public static func width(of titles: [String], padding: Int = 1) -> Int {
        titles.reduce(0) { $0 + DisplayWidth.of($1) + 2 * padding } + max(0, titles.count - 1)
    }

    /// Draws the tabs on the first row of `area`.
    public func render(into buffer: inout CellBuffer, in area: Rect) {
        guard !area.isEmpty else { return }
        buffer.fill(area.row(0), style: Style(.tabInactive))
        var x = area.x
        for (i, title) in titles.enumerated() {
            let pad = String(repeating: " ", count: max(0, padding))
            let text = pad + title + pad
            guard x + DisplayWidth.of(text) <= area.maxX else { break }
            x += buffer.setString(text, x: x, y: area.y, style: Style(i == selected ? .tabActive : .tabInactive))
            x += 1
        }
    }
}

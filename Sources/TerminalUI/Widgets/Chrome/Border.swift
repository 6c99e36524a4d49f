/// Box borders with an optional title, in Unicode box drawing or ASCII.
public enum Border {
    /// Draws a border on the edge cells of `rect` (needs at least 2×2) with `title` in the top edge.
    public static func draw(into buffer: inout CellBuffer, rect: Rect, title: String = "", style: Style,
                            unicode: Bool = true) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (h, v, tl, tr, bl, br): (Character, Character, Character, Character, Character, Character) =
            unicode ? ("─", "│", "┌", "┐", "└", "┘") : ("-", "|", "+", "+", "+", "+")
        for x in rect.x + 1..<rect.maxX - 1 {
            buffer.setSymbol(h, x: x, y: rect.y, style: style)
            buffer.setSymbol(h, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            buffer.setSymbol(v, x: rect.x, y: y, style: style)
            buffer.setSymbol(v, x: rect.maxX - 1, y: y, style: style)
        }
        buffer.setSymbol(tl, x: rect.x, y: rect.y, style: style)
        buffer.setSymbol(tr, x: rect.maxX - 1, y: rect.y, style: style)
        buffer.setSymbol(bl, x: rect.x, y: rect.maxY - 1, style: style)
        buffer.setSymbol(br, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if !title.isEmpty, rect.width > 4 {
            buffer.setString(" " + title + " ", x: rect.x + 2, y: rect.y, maxWidth: rect.width - 4,
                             style: style.adding(.bold))
        }
    }
}

/// Horizontal bars with labels on the left and values on the right. Negative values extend left
/// of a zero axis (and their formatted value shows the sign); all-zero data draws no bars.
public struct HorizontalBarChart: Sendable {
    public var items: [ChartItem]
    /// Formats a value for its label, e.g. minor units → "1,000.00".
    public var format: @Sendable (Int64) -> String
    /// Shown when there is nothing to draw (in the UI's language).
    public var noDataText = "(no data)"

    public init(items: [ChartItem], format: @escaping @Sendable (Int64) -> String = { String($0) }) {
        self.items = items
        self.format = format
    }

    /// Draws one bar per row into `area` (items beyond the height are not drawn).
    public func render(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs = .unicode) {
        guard !area.isEmpty else { return }
        if items.isEmpty {
            buffer.setString(noDataText, x: area.x, y: area.y, maxWidth: area.width, style: Style(.muted))
            return
        }
        let labels = items.map(\.label), values = items.map { format($0.value) }
        let labelWidth = min(labels.map { DisplayWidth.of($0) }.max() ?? 0, area.width / 3)
        let valueWidth = min(values.map { DisplayWidth.of($0) }.max() ?? 0, area.width / 3)
        let barWidth = max(0, area.width - labelWidth - valueWidth - 2)
        let scale = ChartScale(values: items.map(\.value))
        let zero = Int(scale.position(0, cells: barWidth).rounded())
        let barX = area.x + labelWidth + 1
        for (row, item) in items.enumerated() where row < area.height {
            let y = area.y + row
            buffer.setFitted(labels[row], x: area.x, y: y, width: labelWidth, style: Style(.text))
            let style = Style(item.value < 0 ? .overdue : StyleRole.series(index: 0))
            if item.value > 0 {
                drawRight(into: &buffer, x: barX + zero, y: y, eighths: scale.eighths(item.value, cells: barWidth),
                          limit: barWidth - zero, glyphs: glyphs, style: style)
            } else if item.value < 0 {
                let cells = min(zero, Int((Double(scale.eighths(item.value, cells: barWidth)) / 8).rounded(.up)))
                for i in 0..<max(0, cells) { buffer.setSymbol(glyphs.full, x: barX + zero - 1 - i, y: y, style: style) }
            }
            if item.value == 0, scale.low < 0, zero < barWidth {
                buffer.setSymbol(glyphs.verticalAxis, x: barX + zero, y: y, style: Style(.muted))
            }
            buffer.setFitted(values[row], x: area.maxX - valueWidth, y: y, width: valueWidth, alignment: .right,
                             style: Style(.text))
        }
    }

    private func drawRight(into buffer: inout CellBuffer, x: Int, y: Int, eighths: Int, limit: Int, glyphs: ChartGlyphs,
                           style: Style) {
        let whole = min(eighths / 8, max(0, limit))
        for i in 0..<whole { buffer.setSymbol(glyphs.full, x: x + i, y: y, style: style) }
        let rest = eighths % 8
        if rest > 0, whole < limit, glyphs.horizontalEighths[rest] != " " {
            buffer.setSymbol(glyphs.horizontalEighths[rest], x: x + whole, y: y, style: style)
        }
    }
}

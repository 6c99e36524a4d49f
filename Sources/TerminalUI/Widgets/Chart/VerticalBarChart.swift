/// Vertical bars (columns) with labels under them and values above. Negative values hang below a
/// zero line; all-zero data shows only the zero line.
public struct VerticalBarChart: Sendable {
    public var items: [ChartItem]
    public var format: @Sendable (Int64) -> String
    /// Shown when there is nothing to draw (in the UI's language).
    public var noDataText = "(no data)"
    /// Widest bar in cells.
    public var maxBarWidth = 7

    public init(items: [ChartItem], format: @escaping @Sendable (Int64) -> String = { String($0) }) {
        self.items = items
        self.format = format
    }

    /// Draws the chart into `area` (needs at least 3 rows; else draws nothing).
    public func render(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs = .unicode) {
        guard area.height >= 3, area.width >= 1 else { return }
        guard !items.isEmpty else {
            buffer.setString(noDataText, x: area.x, y: area.y, maxWidth: area.width, style: Style(.muted))
            return
        }
        let gap = 1
        // Columns widen (up to the room there is) so every value label fits; a value that still does not fit is
        // left out, never shown cut.
        // Labels too (逾期31-60天): a column is as wide as its label when there is room.
        let widest = items.map { DisplayWidth.of(format($0.value)) }.max() ?? 1
        let widestLabel = items.map { DisplayWidth.of($0.label) }.max() ?? 1
        let barWidth = min(max(maxBarWidth, widest, widestLabel), max(1, (area.width + gap) / items.count - gap))
        // Values (or labels) wider than a column are listed whole under the chart instead ("label value", wrapped).
        let legend = max(widest, widestLabel) > barWidth
            ? Self.legendLines(items.map { "\($0.label) \(format($0.value))" }, width: area.width) : []
        let legendRows = legend.count <= area.height - 3 ? legend.count : 0
        for (i, line) in legend.enumerated() where i < legendRows {
            buffer.setString(line, x: area.x, y: area.maxY - legendRows + i, maxWidth: area.width, style: Style(.text))
        }
        let area = Rect(x: area.x, y: area.y, width: area.width, height: area.height - legendRows)
        func value(_ text: String, x: Int, y: Int, style: Style) {
            if DisplayWidth.of(text) <= barWidth { buffer.setString(text, x: x, y: y, maxWidth: barWidth,
                                                                    style: style) }
        }
        let plotTop = area.y + 1                          // one row of values on top, labels below
        let plotHeight = area.height - 2
        let scale = ChartScale(values: items.map(\.value))
        let hasNegative = scale.low < 0
        // Rows for bars: negatives get their own rows below a zero line, on the same scale.
        let barRows = max(1, plotHeight - (hasNegative ? 1 : 0))
        let negativeRows = hasNegative ? min(max(1, Int((-Double(scale.low) / scale.span * Double(barRows)).rounded())),
                                             max(0, barRows - 1)) : 0
        let positiveRows = barRows - negativeRows
        let zeroRow = plotTop + positiveRows                 // the zero line (or the first label row)
        if hasNegative {
            for x in area.x..<area.maxX { buffer.setSymbol(glyphs.horizontalAxis, x: x, y: zeroRow,
                                                           style: Style(.muted)) }
        }
        for (i, item) in items.enumerated() {
            let x = area.x + i * (barWidth + gap)
            guard x + barWidth <= area.maxX else { break }
            let style = Style(item.value < 0 ? .overdue : StyleRole.series(index: 0))
            if item.value > 0 {
                let eighths = min(scale.eighths(item.value, cells: barRows), positiveRows * 8)
                for level in 0..<((eighths + 7) / 8) {
                    let glyph = glyphs.verticalEighths[min(8, eighths - level * 8)]
                    guard glyph != " " else { continue }
                    for dx in 0..<barWidth { buffer.setSymbol(glyph, x: x + dx, y: zeroRow - 1 - level, style: style) }
                }
                let top = max(area.y, zeroRow - 1 - (eighths + 7) / 8)
                value(format(item.value), x: x, y: top, style: Style(.text))
            } else if item.value < 0 {
                let cells = min(negativeRows, Int((Double(scale.eighths(item.value, cells: barRows)) / 8).rounded(.up)))
                for level in 0..<max(0, cells) {
                    for dx in 0..<barWidth { buffer.setSymbol(glyphs.full, x: x + dx, y: zeroRow + 1 + level,
                                                              style: style) }
                }
                // The value goes under the bar when there is room, else just above the zero line.
                let below = zeroRow + 1 + cells
                let labelRow = below < plotTop + plotHeight ? below : max(area.y, zeroRow - 1)
                value(format(item.value), x: x, y: labelRow, style: Style(.overdue))
            } else {
                value(format(0), x: x, y: max(area.y, zeroRow - 1), style: Style(.muted))
            }
            // A label wider than its column is not cut: the legend under the chart names it whole.
            if legendRows == 0 || DisplayWidth.of(item.label) <= barWidth {
                buffer.setFitted(item.label, x: x, y: area.maxY - 1, width: barWidth, style: Style(.text))
            }
        }
    }

    /// `parts` joined by three spaces into lines of at most `width` cells (a part is never split).
    static func legendLines(_ parts: [String], width: Int) -> [String] {
        var lines: [String] = [], current = ""
        for part in parts {
            let candidate = current.isEmpty ? part : current + "   " + part
            if DisplayWidth.of(candidate) <= width || current.isEmpty { current = candidate; continue }
            lines.append(current)
            current = part
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// Horizontal stacked bars (e.g. receivables by aging bucket): one row per entry, segments in
/// series roles and distinct fills, with a legend of segment names and totals below.
/// Negative segment values count as 0; segment widths use largest remainders so they sum exactly.
public struct StackedBarChart: Sendable {
    /// One bar: a label and one value per segment.
    public struct Row: Equatable, Sendable {
        public var label: String
        public var values: [Int64]
        public init(_ label: String, _ values: [Int64]) {
            self.label = label
            self.values = values
        }
    }

    /// Segment names for the legend (e.g. 未到期, 1–30, 31–60, 61–90, 90+).
    public var segments: [String]
    public var rows: [Row]
    public var format: @Sendable (Int64) -> String
    /// Shown when there is nothing to draw (in the UI's language).
    public var noDataText = "(no data)"

    public init(segments: [String], rows: [Row], format: @escaping @Sendable (Int64) -> String = { String($0) }) {
        self.segments = segments
        self.rows = rows
        self.format = format
    }

    /// Cell widths of each segment for `values` scaled so `total` maps to `width` cells.
    public static func segmentWidths(_ values: [Int64], total: Int64, width: Int) -> [Int] {
        let positive = values.map { max(0, $0) }
        guard width > 0, total > 0 else { return positive.map { _ in 0 } }
        let exact = positive.map { Double($0) / Double(total) * Double(width) }
        var widths = exact.map { Int($0) }
        let used = positive.saturatingSum() >= total ? width : Int(exact.reduce(0, +).rounded())
        var left = max(0, used - widths.reduce(0, +))
        for i in exact.indices.sorted(by: { exact[$0] - Double(widths[$0]) > exact[$1] - Double(widths[$1]) })
        where left > 0 {
            if positive[i] > 0 { widths[i] += 1; left -= 1 }
        }
        return widths
    }

    /// Draws bars, then a legend line per segment, into `area`.
    public func render(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs = .unicode) {
        guard !area.isEmpty else { return }
        let totals = rows.map { $0.values.map { max(0, $0) }.saturatingSum() }
        let largest = totals.max() ?? 0
        let labelWidth = min(rows.map { DisplayWidth.of($0.label) }.max() ?? 0, area.width / 3)
        let totalTexts = totals.map(format)
        // A total is never cut (issue 12): the bar gives way to the widest total.
        let totalWidth = min(totalTexts.map { DisplayWidth.of($0) }.max() ?? 0, max(0, area.width - labelWidth - 1))
        let barWidth = max(0, area.width - labelWidth - totalWidth - 2)
        let legendRows = segments.isEmpty ? 0 : segments.count + 1
        let barRows = max(0, area.height - legendRows)
        for (r, row) in rows.enumerated() where r < barRows {
            let y = area.y + r
            buffer.setFitted(row.label, x: area.x, y: y, width: labelWidth, style: Style(.text))
            let rowWidth = largest > 0 ? Int(Double(totals[r]) / Double(largest) * Double(barWidth)) : 0
            var x = area.x + labelWidth + 1
            for (s, w) in Self.segmentWidths(row.values, total: totals[r], width: rowWidth).enumerated() {
                let fill = glyphs.segmentFills[s % glyphs.segmentFills.count]
                for dx in 0..<w { buffer.setSymbol(fill, x: x + dx, y: y, style: Style(StyleRole.series(index: s))) }
                x += w
            }
            buffer.setFitted(totalTexts[r], x: area.maxX - totalWidth, y: y, width: totalWidth, alignment: .right,
                             style: Style(.text))
        }
        if rows.isEmpty || largest == 0, barRows > 0 {
            buffer.setString(noDataText, x: area.x + labelWidth + 1, y: area.y, maxWidth: barWidth,
                             style: Style(.muted))
        }
        // Legend: fill, name, sum over rows.
        let legendY = area.y + min(rows.count, barRows) + 1
        for (s, name) in segments.enumerated() {
            let y = legendY + s
            guard y < area.maxY else { break }
            let fill = glyphs.segmentFills[s % glyphs.segmentFills.count]
            buffer.setSymbol(fill, x: area.x, y: y, style: Style(StyleRole.series(index: s)))
            let sum = rows.map { s < $0.values.count ? $0.values[s] : 0 }.saturatingSum()
            let nameWidth = max(8, min(16, segments.map { DisplayWidth.of($0) }.max() ?? 0))
            buffer.setFitted(name, x: area.x + 2, y: y, width: nameWidth, style: Style(.text))
            buffer.setString(format(sum), x: area.x + 3 + nameWidth, y: y, maxWidth: area.width - nameWidth - 3,
                             style: Style(.text))
        }
    }
}

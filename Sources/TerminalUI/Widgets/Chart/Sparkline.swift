/// A one-row chart of values as block heights (`▁`…`█`), the most recent values on the right.
public struct Sparkline: Sendable {
    public var values: [Int64]

    public init(values: [Int64]) { self.values = values }

    /// The sparkline text for `width` cells (the last `width` values); all-equal data is flat `▁`.
    public func text(width: Int, glyphs: ChartGlyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let low = shown.min() ?? 0, high = shown.max() ?? 0
        let ramp: [Character] = glyphs.usesBraille ? Array("▁▂▃▄▅▆▇█") : Array("_.-~=+*#")
        let span = Double(high) - Double(low)
        return String(shown.map { value -> Character in
            guard span > 0 else { return ramp[0] }
            let level = Int(((Double(value) - Double(low)) / span * 7).rounded())
            return ramp[min(max(0, level), 7)]
        })
    }

    /// Draws the sparkline on the first row of `area`.
    public func render(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs = .unicode,
                       style: Style = Style(.series(1))) {
        guard !area.isEmpty else { return }
        buffer.setString(text(width: area.width, glyphs: glyphs), x: area.x, y: area.y, maxWidth: area.width,
                         style: style)
    }
}

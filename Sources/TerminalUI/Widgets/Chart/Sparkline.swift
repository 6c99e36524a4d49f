/// A one-row chart of values as block heights (`▁`…`█`), the most recent values on the right.
///
/// The baseline is zero (s34-fix2: an empty month was drawn at mid height when another month was negative, and as
/// `▁` like the smallest sale otherwise): a zero is a blank cell (nothing sold), a positive value at least `▁`, the
/// largest `█`, heights in proportion to the value; a negative value (credit notes above sales) is `▔` (`v` in
/// ASCII), below the baseline, whatever its size.
public struct Sparkline: Sendable {
    public var values: [Int64]

    public init(values: [Int64]) { self.values = values }

    /// The glyph of a zero value (blank) and of a negative one.
    public static func zeroGlyph(_ glyphs: ChartGlyphs) -> Character { " " }
    public static func negativeGlyph(_ glyphs: ChartGlyphs) -> Character { glyphs.usesBraille ? "▔" : "v" }

    /// The sparkline text for `width` cells (the last `width` values).
    public func text(width: Int, glyphs: ChartGlyphs = .unicode) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width)
        let ramp: [Character] = glyphs.usesBraille ? Array("▁▂▃▄▅▆▇█") : Array("_.-~=+*#")
        let high = shown.max() ?? 0
        return String(shown.map { value -> Character in
            if value == 0 { return Self.zeroGlyph(glyphs) }
            if value < 0 { return Self.negativeGlyph(glyphs) }
            // 1…8 eighths of the largest value, rounded up so that any sale shows (Double for the cell only).
            let level = Int((Double(value) / Double(high) * 8).rounded(.up))
            return ramp[min(max(1, level), 8) - 1]
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

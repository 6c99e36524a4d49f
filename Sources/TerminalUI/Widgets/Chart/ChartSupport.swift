/// A labelled value for bar charts. Values are integers (e.g. money in minor units); the chart's
/// `format` closure turns them into text, so charts never do money arithmetic in floating point.
public struct ChartItem: Equatable, Sendable {
    public var label: String
    public var value: Int64
    public init(_ label: String, _ value: Int64) {
        self.label = label
        self.value = value
    }
}

/// Glyphs for charts: Unicode blocks, or ASCII when the terminal is not UTF-8.
public struct ChartGlyphs: Sendable {
    /// Left-anchored horizontal eighths, index 1…8 (index 0 unused).
    public var horizontalEighths: [Character]
    /// Bottom-anchored vertical eighths, index 1…8.
    public var verticalEighths: [Character]
    /// Full cell.
    public var full: Character
    /// Axis lines and corner.
    public var horizontalAxis: Character
    public var verticalAxis: Character
    public var origin: Character
    /// Fills for stacked-bar segments, cycled (distinguish segments without colour): five, one per aging bucket,
    /// so no two buckets share a fill.
    public var segmentFills: [Character]
    /// Plot mark when braille is not available.
    public var point: Character
    /// Whether braille dots may be used for line charts.
    public var usesBraille: Bool

    public static let unicode = ChartGlyphs(
        horizontalEighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        verticalEighths: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        full: "█", horizontalAxis: "─", verticalAxis: "│", origin: "└",
        segmentFills: ["█", "▓", "▒", "░", "▚"], point: "•", usesBraille: true)

    public static let ascii = ChartGlyphs(
        horizontalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        verticalEighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"],
        full: "#", horizontalAxis: "-", verticalAxis: "|", origin: "+",
        segmentFills: ["#", "=", "+", ":", "."], point: "*", usesBraille: false)

    /// The glyphs for a terminal that does (or does not) show Unicode.
    public static func forTerminal(unicode: Bool) -> ChartGlyphs { unicode ? .unicode : .ascii }
}

/// Maps integer values to cell positions. The range always includes 0; an all-zero (or empty)
/// series gets a range of 1, so there is never a division by zero.
struct ChartScale {
    let low: Int64
    let high: Int64

    init(values: [Int64]) {
        low = min(0, values.min() ?? 0)
        let top = max(0, values.max() ?? 0)
        high = top == low ? low + 1 : top
    }

    /// Span as Double (safe for any Int64 pair).
    var span: Double { Double(high) - Double(low) }

    /// `value`'s distance from `low` in units of `cells` over the range, clamped to 0…cells.
    func position(_ value: Int64, cells: Int) -> Double {
        guard cells > 0, span > 0 else { return 0 }
        let p = (Double(value) - Double(low)) / span * Double(cells)
        return min(max(0, p), Double(cells))
    }

    /// Length in eighths of a cell for |value| within `cells` cells.
    func eighths(_ value: Int64, cells: Int) -> Int {
        guard cells > 0, span > 0 else { return 0 }
        let magnitude = abs(Double(value)) / span * Double(cells * 8)
        return min(max(0, Int(magnitude.rounded())), cells * 8)
    }
}

extension Sequence where Element == Int64 {
    /// Sum that saturates at Int64's bounds instead of trapping on overflow.
    func saturatingSum() -> Int64 {
        reduce(Int64(0)) { total, value in
            let (sum, overflow) = total.addingReportingOverflow(value)
            return overflow ? (value > 0 ? .max : .min) : sum
        }
    }
}

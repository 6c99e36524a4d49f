/// A line chart with a y axis (tick labels from `format`) and x labels. Lines are drawn in braille
/// dots (2×4 per cell) when Unicode is available, else with `*` per cell. A flat or all-zero series
/// draws a flat line; one value draws a point.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Equatable, Sendable {
        public var name: String
        public var values: [Int64]
        public init(_ name: String, _ values: [Int64]) {
            self.name = name
            self.values = values
        }
    }

    public var series: [Series]
    /// Labels for the x positions (e.g. months); spaced out so they do not overlap.
    public var xLabels: [String]
    public var format: @Sendable (Int64) -> String
    /// A marker per series drawn on each of its values (a shape, so lines differ without colour); nil draws none.
    public var markers: [Character]?
    /// The index from which the first series' values belong to a period still running (the current month): those
    /// points get `partialMarker`.
    public var partialFrom: Int?
    public var partialMarker: Character = "○"
    /// Shown in the plot when there are no values (in the UI's language).
    public var noDataText = "(no data)"

    public init(series: [Series], xLabels: [String] = [],
                format: @escaping @Sendable (Int64) -> String = { String($0) }) {
        self.series = series
        self.xLabels = xLabels
        self.format = format
        self.markers = nil
        self.partialFrom = nil
    }

    /// Draws axes, tick labels, lines and x labels into `area` (needs at least 4×3).
    public func render(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs = .unicode) {
        guard area.width >= 4, area.height >= 3 else { return }
        let scale = ChartScale(values: series.flatMap(\.values))
        let allValues = series.flatMap(\.values)
        let top = allValues.isEmpty ? 0 : scale.high, bottom = scale.low
        let middle = bottom < 0 && top > 0 ? Int64(0) : bottom / 2 + top / 2
        let ticks = [top, middle, bottom].map(format)
        let axisWidth = min(ticks.map { DisplayWidth.of($0) }.max() ?? 0, area.width / 3)
        let plot = Rect(x: area.x + axisWidth + 1, y: area.y, width: area.width - axisWidth - 1,
                        height: area.height - 2)
        guard plot.width > 0, plot.height > 0 else { return }
        // Axes.
        for y in plot.y..<plot.maxY { buffer.setSymbol(glyphs.verticalAxis, x: plot.x - 1, y: y, style: Style(.muted)) }
        for x in plot.x..<plot.maxX { buffer.setSymbol(glyphs.horizontalAxis, x: x, y: plot.maxY,
                                                       style: Style(.muted)) }
        buffer.setSymbol(glyphs.origin, x: plot.x - 1, y: plot.maxY, style: Style(.muted))
        // Tick labels: top, middle (0 when the range crosses it), bottom.
        let middleRow = plot.y + Int((1 - scale.position(middle, cells: plot.height - 1)
                                          / Double(max(1, plot.height - 1))) * Double(plot.height - 1))
        for (text, row) in zip(ticks, [plot.y, middleRow, plot.maxY - 1]) {
            buffer.setFitted(text, x: area.x, y: row, width: axisWidth, alignment: .right, style: Style(.muted))
        }
        if allValues.isEmpty {
            buffer.setString(noDataText, x: plot.x + 1, y: plot.y, maxWidth: plot.width - 1, style: Style(.muted))
        }
        if glyphs.usesBraille {
            drawBraille(into: &buffer, plot: plot, scale: scale)
        } else {
            drawCells(into: &buffer, plot: plot, scale: scale, mark: glyphs.point)
        }
        drawMarkers(into: &buffer, plot: plot, scale: scale)
        drawXLabels(into: &buffer, plot: plot)
    }

    /// Each value's cell gets its series' marker (the partial marker from `partialFrom` on).
    private func drawMarkers(into buffer: inout CellBuffer, plot: Rect, scale: ChartScale) {
        guard let markers, !markers.isEmpty else { return }
        for (s, line) in series.enumerated() {
            for (i, value) in line.values.enumerated() {
                let x = line.values.count <= 1 ? 0 : i * (plot.width - 1) / (line.values.count - 1)
                let y = plot.height - 1 - Int(scale.position(value, cells: plot.height - 1).rounded())
                let partial = s == 0 && (partialFrom.map { i >= $0 } ?? false)
                buffer.setSymbol(partial ? partialMarker : markers[s % markers.count], x: plot.x + x, y: plot.y + y,
                                 style: Style(StyleRole.series(index: s)))
            }
        }
    }

    private func drawBraille(into buffer: inout CellBuffer, plot: Rect, scale: ChartScale) {
        let dotsWide = plot.width * 2, dotsHigh = plot.height * 4
        var bits = [UInt8](repeating: 0, count: plot.width * plot.height)
        var roles = [Int](repeating: -1, count: plot.width * plot.height)
        for (s, line) in series.enumerated() {
            let points = line.values.enumerated().map { i, value in
                (x: line.values.count <= 1 ? 0 : i * (dotsWide - 1) / (line.values.count - 1),
                 y: dotsHigh - 1 - Int(scale.position(value, cells: dotsHigh - 1).rounded()))
            }
            var previous: (x: Int, y: Int)? = nil
            for point in points {
                for (dx, dy) in LineRaster.segment(from: previous ?? point, to: point) {
                    let cx = dx / 2, cy = dy / 4
                    guard cx >= 0, cx < plot.width, cy >= 0, cy < plot.height else { continue }
                    let mask: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
                    bits[cy * plot.width + cx] |= mask[dx % 2][dy % 4]
                    roles[cy * plot.width + cx] = s
                }
                previous = point
            }
        }
        for i in bits.indices where bits[i] != 0 {
            guard let scalar = Unicode.Scalar(0x2800 + UInt32(bits[i])) else { continue }
            buffer.setSymbol(Character(scalar), x: plot.x + i % plot.width, y: plot.y + i / plot.width,
                             style: Style(StyleRole.series(index: roles[i])))
        }
    }

    private func drawCells(into buffer: inout CellBuffer, plot: Rect, scale: ChartScale, mark: Character) {
        for (s, line) in series.enumerated() {
            var previous: (x: Int, y: Int)? = nil
            for (i, value) in line.values.enumerated() {
                let point = (x: line.values.count <= 1 ? 0 : i * (plot.width - 1) / (line.values.count - 1),
                             y: plot.height - 1 - Int(scale.position(value, cells: plot.height - 1).rounded()))
                for (x, y) in LineRaster.segment(from: previous ?? point, to: point) {
                    buffer.setSymbol(mark, x: plot.x + x, y: plot.y + y, style: Style(StyleRole.series(index: s)))
                }
                previous = point
            }
        }
    }

    private func drawXLabels(into buffer: inout CellBuffer, plot: Rect) {
        guard !xLabels.isEmpty else { return }
        let y = plot.maxY + 1
        func start(_ i: Int) -> Int {
            let x = plot.x + (xLabels.count <= 1 ? 0 : i * (plot.width - 1) / (xLabels.count - 1))
            return max(plot.x, min(x, plot.maxX - DisplayWidth.of(xLabels[i])))
        }
        // The last label always (the latest month is read first); the others left to right where they fit before it.
        let last = xLabels.count - 1, lastStart = start(last)
        buffer.setString(xLabels[last], x: lastStart, y: y, maxWidth: plot.maxX - lastStart, style: Style(.muted))
        var nextFree = plot.x
        for i in 0..<last {
            let x = start(i)
            guard x >= nextFree, x + DisplayWidth.of(xLabels[i]) < lastStart else { continue }
            nextFree = x + buffer.setString(xLabels[i], x: x, y: y, maxWidth: plot.maxX - x, style: Style(.muted)) + 1
        }
    }
}

/// Integer line rasterisation (Bresenham).
enum LineRaster {
    /// The grid points from `a` to `b`, both included.
    static func segment(from a: (x: Int, y: Int), to b: (x: Int, y: Int)) -> [(Int, Int)] {
        var points: [(Int, Int)] = []
        var x = a.x, y = a.y
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var error = dx + dy
        while true {
            points.append((x, y))
            if x == b.x && y == b.y { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
        return points
    }
}

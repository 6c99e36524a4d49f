import Testing
@testable import TerminalUI

/// Money in minor units → "1,000.00" / "-200.00" for chart labels.
@Sendable func testMoney(_ minor: Int64) -> String {
    let sign = minor < 0 ? "-" : ""
    let m = minor.magnitude
    let whole = String(m / 100)
    var grouped = ""
    for (i, c) in whole.reversed().enumerated() { if i > 0, i % 3 == 0 { grouped.append(",") }; grouped.append(c) }
    let cents = m % 100
    return sign + String(grouped.reversed()) + "." + (cents < 10 ? "0" : "") + String(cents)
}

@Suite struct ChartTests {
    /// B14 ledger 2: Jan 1,000.00, Feb 0.00, Mar -200.00.
    static let b14: [ChartItem] = [ChartItem("Jan", 100_000), ChartItem("Feb", 0), ChartItem("Mar", -20_000)]

    @Test func horizontalBarsB14NegativeAndZero() {
        var buffer = CellBuffer(size: Size(width: 30, height: 3))
        HorizontalBarChart(items: Self.b14, format: testMoney).render(into: &buffer, in: buffer.bounds)
        assertSnapshot(buffer.lines, named: "chart.hbar.b14.30x3")
        #expect(buffer.line(0).hasSuffix("1,000.00"))
        #expect(buffer.line(1).hasSuffix("0.00"))
        #expect(buffer.line(2).hasSuffix("-200.00"))
        let bar = { (row: Int) in buffer.line(row).filter { "█▏▎▍▌▋▊▉".contains($0) }.count }
        #expect(bar(0) > bar(2))
        #expect(bar(1) == 0)
        #expect(bar(2) > 0)
        // March's bar lies left of January's start (below the zero axis).
        #expect(displayColumn(of: "█", in: buffer.line(2))! < displayColumn(of: "█", in: buffer.line(0))!)
    }

    @Test func allZeroAndEmptyDataDoNotTrap() {
        let zeros = (1...12).map { ChartItem("M\($0)", 0) }
        for size in [Size(width: 40, height: 12), Size(width: 3, height: 1), Size(width: 1, height: 1), .zero] {
            var buffer = CellBuffer(size: size)
            HorizontalBarChart(items: zeros, format: testMoney).render(into: &buffer, in: buffer.bounds)
            VerticalBarChart(items: zeros, format: testMoney).render(into: &buffer, in: buffer.bounds)
            LineChart(series: [.init("s", zeros.map(\.value))], xLabels: ["Jan"], format: testMoney).render(into: &buffer, in: buffer.bounds)
            LineChart(series: [], format: testMoney).render(into: &buffer, in: buffer.bounds)
            Sparkline(values: zeros.map(\.value)).render(into: &buffer, in: buffer.bounds)
            StackedBarChart(segments: ["a", "b"], rows: [.init("x", [0, 0])], format: testMoney).render(into: &buffer, in: buffer.bounds)
            VerticalBarChart(items: [], format: testMoney).render(into: &buffer, in: buffer.bounds)
        }
        var buffer = CellBuffer(size: Size(width: 40, height: 6))
        HorizontalBarChart(items: Array(zeros.prefix(3)), format: testMoney).render(into: &buffer, in: buffer.bounds)
        #expect(!buffer.lines.joined().contains("█"))
        #expect(buffer.line(0).hasSuffix("0.00"))
        #expect(Sparkline(values: [0, 0, 0]).text(width: 5) == "   ")   // nothing sold: empty, not a low bar
        #expect(Sparkline(values: []).text(width: 5) == "")
    }

    @Test func extremeValuesDoNotOverflow() {
        var buffer = CellBuffer(size: Size(width: 40, height: 8))
        let items = [ChartItem("max", .max), ChartItem("min", .min), ChartItem("z", 0)]
        HorizontalBarChart(items: items).render(into: &buffer, in: buffer.bounds)
        VerticalBarChart(items: items).render(into: &buffer, in: buffer.bounds)
        LineChart(series: [.init("s", items.map(\.value))]).render(into: &buffer, in: buffer.bounds)
        StackedBarChart(segments: ["a", "b"], rows: [.init("x", [.max, .max])]).render(into: &buffer, in: buffer.bounds)
        #expect(buffer.size == Size(width: 40, height: 8))
    }

    @Test func verticalBarsB14() {
        var buffer = CellBuffer(size: Size(width: 17, height: 9))
        VerticalBarChart(items: Self.b14, format: { String($0 / 100) }).render(into: &buffer, in: buffer.bounds)
        assertSnapshot(buffer.lines, named: "chart.vbar.b14.17x9")
        #expect(buffer.line(8).hasPrefix("Jan   Feb   Mar"))
        #expect(buffer.lines.contains { $0.contains("-200") })
    }

    /// s34-fix2: heights from a zero baseline; an empty month is blank (it was drawn at mid height beside a negative
    /// month, and as `▁` like the smallest sale otherwise), any sale at least `▁`, a negative month `▔` / `v`.
    @Test func sparklineLevels() {
        #expect(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, 8]).text(width: 9) == " ▁▂▃▄▅▆▇█")
        #expect(Sparkline(values: [0, 7]).text(width: 8, glyphs: .ascii) == " #")
        #expect(Sparkline(values: [-5, 5, 0]).text(width: 2) == "█ ")
        #expect(Sparkline(values: [-5, 5, 0]).text(width: 3) == "▔█ ")
        #expect(Sparkline(values: [-5, 5, 0]).text(width: 3, glyphs: .ascii) == "v# ")
        #expect(Sparkline(values: [1, 1_000_000, 0]).text(width: 3) == "▁█ ")   // a small sale still shows
        #expect(Sparkline(values: [.max, 1, .min, 0]).text(width: 4) == "█▁▔ ")
        #expect(Sparkline(values: [40, 40]).text(width: 2) == "██")
    }

    @Test func stackedSegmentsSumExactly() {
        #expect(StackedBarChart.segmentWidths([1, 1, 1], total: 3, width: 10) == [4, 3, 3])
        #expect(StackedBarChart.segmentWidths([0, 5, -3], total: 5, width: 7) == [0, 7, 0])
        #expect(StackedBarChart.segmentWidths([1, 2], total: 0, width: 7) == [0, 0])
        var buffer = CellBuffer(size: Size(width: 40, height: 6))
        StackedBarChart(segments: ["未到期", "1-30", "90+"], rows: [.init("北京星河", [50_000, 30_000, 20_000])], format: testMoney)
            .render(into: &buffer, in: buffer.bounds)
        assertSnapshot(buffer.lines, named: "chart.stacked.aging.40x6")
        #expect(buffer.line(0).hasSuffix("1,000.00"))
        #expect(buffer.line(2).hasPrefix("█ 未到期"))
    }

    /// Issue 12: the five aging buckets are told apart by shape, not by colour alone, in both glyph sets.
    @Test func fiveAgingBucketsHaveFiveDistinctFills() {
        for glyphs in [ChartGlyphs.unicode, .ascii] {
            #expect(Set(glyphs.segmentFills.prefix(5)).count == 5)
            #expect(glyphs.segmentFills.allSatisfy { DisplayWidth.of(String($0)) == 1 })
        }
    }

    @Test func lineChartAxesTicksAndAsciiFallback() {
        var buffer = CellBuffer(size: Size(width: 30, height: 8))
        let chart = LineChart(series: [.init("sales", [100_000, 0, -20_000, 50_000])], xLabels: ["Jan", "Feb", "Mar", "Apr"], format: testMoney)
        chart.render(into: &buffer, in: buffer.bounds, glyphs: .ascii)
        assertSnapshot(buffer.lines, named: "chart.line.ascii.30x8")
        #expect(buffer.line(0).hasPrefix("1,000.00|"))
        #expect(buffer.line(5).hasPrefix(" -200.00|"))
        #expect(buffer.line(6).hasPrefix("        +-----"))
        #expect(buffer.line(7).contains("Jan"))
        #expect(buffer.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        var braille = CellBuffer(size: Size(width: 30, height: 8))
        chart.render(into: &braille, in: braille.bounds)
        #expect(braille.lines.joined().unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }
}

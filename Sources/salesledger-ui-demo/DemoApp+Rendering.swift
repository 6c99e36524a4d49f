import TerminalUI

extension DemoApp {
    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point? {
        let (tabRow, rest) = buffer.bounds.splitTop(1)
        let (body, hintRow) = rest.splitBottom(1)
        TabBar(titles: ["F2 Form 表单", "F3 Table 客户", "F4 Charts 图表"],
               selected: screen.rawValue).render(into: &buffer, in: tabRow)
        let sizeNote = "\(context.size.width)x\(context.size.height)"
        buffer.setString(sizeNote, x: tabRow.maxX - sizeNote.count, y: 0, style: Style(.muted))
        var cursor: Point?
        let content = body.inset(top: 1, left: 1, bottom: 0, right: 1)
        switch screen {
        case .form:
            cursor = form.render(into: &buffer, in: content, unicode: context.supportsUnicode)
        case .table:
            var state = tableState
            table.render(into: &buffer, in: content, source: source, state: &state)
            let position = "\(source.rowCount == 0 ? 0 : state.selectedRow + 1)/\(source.rowCount) rows"
            buffer.setString(position, x: max(content.x, content.maxX - position.count), y: body.y,
                             style: Style(.muted))
        case .charts:
            renderCharts(into: &buffer, in: content, glyphs: .forTerminal(unicode: context.supportsUnicode))
        }
        HintBar(bindings: keyBindings).render(into: &buffer, in: hintRow)
        if let dialog {
            dialog.render(into: &buffer, in: body, unicode: context.supportsUnicode)
            cursor = nil
        }
        if isShowingHelp {
            HelpOverlay(title: "Keys 按键", bindings: helpBindings).render(into: &buffer, in: body,
                                                                         unicode: context.supportsUnicode)
            cursor = nil
        }
        return cursor
    }

    private func renderCharts(into buffer: inout CellBuffer, in area: Rect, glyphs: ChartGlyphs) {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
        let sales: [Int64] = [100_000, 0, -20_000, 45_000, 80_050, 62_000]
        let halfWidth = area.width / 2
        let topHeight = (area.height - 2) / 2
        let top = Rect(x: area.x, y: area.y, width: area.width, height: topHeight)
        let bottom = Rect(x: area.x, y: area.y + topHeight, width: area.width, height: area.height - topHeight - 2)
        let money: @Sendable (Int64) -> String = { DemoFormat.money($0) }
        let short: @Sendable (Int64) -> String = { DemoFormat.shortMoney($0) }

        let left = Rect(x: top.x, y: top.y, width: halfWidth - 1, height: top.height)
        buffer.setString("Net sales by month 月销售额", x: left.x, y: left.y, maxWidth: left.width,
                         style: Style(.title))
        HorizontalBarChart(items: zip(months, sales).map { ChartItem($0, $1) }, format: money)
            .render(into: &buffer, in: left.inset(top: 1), glyphs: glyphs)

        let right = Rect(x: top.x + halfWidth + 1, y: top.y, width: area.width - halfWidth - 1, height: top.height)
        buffer.setString("Columns 柱状图", x: right.x, y: right.y, maxWidth: right.width, style: Style(.title))
        VerticalBarChart(items: zip(months, sales).map { ChartItem($0, $1) }, format: short)
            .render(into: &buffer, in: right.inset(top: 1), glyphs: glyphs)

        let lineArea = Rect(x: bottom.x, y: bottom.y, width: halfWidth - 1, height: bottom.height)
        buffer.setString("Sales and receipts 销售与回款", x: lineArea.x, y: lineArea.y, maxWidth: lineArea.width,
                         style: Style(.title))
        LineChart(series: [.init("sales", sales), .init("receipts", [20_000, 50_000, 30_000, 10_000, 70_000, 90_000])],
                  xLabels: months, format: short)
            .render(into: &buffer, in: lineArea.inset(top: 1), glyphs: glyphs)

        let agingArea = Rect(x: bottom.x + halfWidth + 1, y: bottom.y, width: area.width - halfWidth - 1,
                             height: bottom.height)
        buffer.setString("Aging 账龄", x: agingArea.x, y: agingArea.y, maxWidth: agingArea.width,
                         style: Style(.title))
        StackedBarChart(segments: ["未到期", "1-30", "31-60", "61-90", "90+"], rows: [
            .init("北京星河", [500_000, 120_000, 0, 30_000, 9_000]),
            .init("苹果贸易", [80_000, 0, 45_000, 0, 0]),
            .init("Apple Tr.", [0, 0, 0, 0, 66_000]),
        ], format: money).render(into: &buffer, in: agingArea.inset(top: 1), glyphs: glyphs)

        let sparkY = area.maxY - 1
        let label = "Daily receipts 每日回款 "
        let used = buffer.setString(label, x: area.x, y: sparkY, style: Style(.title))
        let daily: [Int64] = (0..<120).map { Int64(($0 * 37) % 23) * 1_000 + Int64($0 * 150) }
        Sparkline(values: daily).render(into: &buffer,
                                        in: Rect(x: area.x + used, y: sparkY, width: area.width - used, height: 1),
                                        glyphs: glyphs)
    }
}

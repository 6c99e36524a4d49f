import Testing
@testable import TerminalUI

/// Deterministic PRNG (SplitMix64) so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every widget on one screen, switched by F2–F4, with a dialog and help overlay: B14's
/// "no crash at any size" under random keys, pastes and resizes from 0×0 to 220×70.
struct EverythingApp: TerminalApplication {
    var screen = 0
    var form = Form(title: "发票", fields: [
        FormField(id: "c", label: "客户", kind: .lookup(suggest: { t in ["北京星河", "苹果贸易"].filter { $0.contains(t) } }), validators: [.required()]),
        FormField(id: "m", label: "Amount", kind: .money, parse: parseMoney, validators: [.positive()]),
        .choice(id: "t", label: "Terms", options: ["Net 30", "月结"]),
        FormField(id: "n", label: "Note", kind: .note(lines: 3)),
    ])
    var tableState = TableState()
    var dialog: Dialog?
    var showsHelp = false
    let source = ArrayTableDataSource(rows: (0..<500).map { ["\($0)", "上海明远五金有限公司\($0)", "\($0 * 7).00"] })
    let table = TableView(columns: [TableColumn("#", width: .fixed(4)), TableColumn("名称", width: .flexible(minimum: 6)),
                                    TableColumn("余额", width: .fixed(9), alignment: .right)])
    var minimumSize: Size { Size(width: 20, height: 6) }

    mutating func handle(_ event: Event) -> EventOutcome {
        if var d = dialog { dialog = d.handle(event) == .open ? d : nil; return .continue }
        switch event {
        case .key(.function(2)): screen = 0
        case .key(.function(3)): screen = 1
        case .key(.function(4)): screen = 2
        case .key(.function(5)): dialog = Dialog(title: "Pick", message: "选择", kind: .picker(["a", "北", "c"]))
        case .key(.function(1)): showsHelp.toggle()
        default:
            if screen == 0 { if form.handle(event) != .none { form = EverythingApp().form } }
            if screen == 1 { _ = table.handle(event, state: &tableState, rowCount: source.rowCount, pageSize: 10) }
        }
        return .continue
    }

    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point? {
        let (top, rest) = buffer.bounds.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        TabBar(titles: ["表单", "表格", "图表"], selected: screen).render(into: &buffer, in: top)
        var cursor: Point?
        let glyphs = ChartGlyphs.forTerminal(unicode: context.supportsUnicode)
        switch screen {
        case 0: cursor = form.render(into: &buffer, in: body, unicode: context.supportsUnicode)
        case 1:
            var state = tableState
            table.render(into: &buffer, in: body, source: source, state: &state)
        default:
            let values: [Int64] = [100_000, 0, -20_000, .max / 2, 7]
            let halves = body.splitLeft(body.width / 2)
            HorizontalBarChart(items: values.enumerated().map { ChartItem("m\($0.offset)", $0.element) }, format: testMoney)
                .render(into: &buffer, in: halves.left.splitTop(body.height / 2).top, glyphs: glyphs)
            VerticalBarChart(items: values.map { ChartItem("x", $0) }).render(into: &buffer, in: halves.left.splitTop(body.height / 2).rest, glyphs: glyphs)
            LineChart(series: [.init("s", values)], xLabels: ["a", "b"]).render(into: &buffer, in: halves.rest.splitTop(body.height / 2).top, glyphs: glyphs)
            StackedBarChart(segments: ["未到期", "90+"], rows: [.init("客户", [5, 3])]).render(into: &buffer, in: halves.rest.splitTop(body.height / 2).rest, glyphs: glyphs)
            Sparkline(values: values).render(into: &buffer, in: bottom, glyphs: glyphs)
        }
        HintBar(bindings: form.keyBindings).render(into: &buffer, in: bottom)
        dialog?.render(into: &buffer, in: body)
        if showsHelp { HelpOverlay(bindings: form.keyBindings).render(into: &buffer, in: body) }
        return cursor
    }
}

@Suite struct RandomInputTests {
    static let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .tab, .backTab, .enter,
                              .escape, .backspace, .delete, .function(1), .function(2), .function(3), .function(4),
                              .function(5), .ctrl("u"), .ctrl("k"), .ctrl("s"), .char("北"), .char("a"), .char("1"),
                              .char("."), .char("/"), .char("s"), .char("y"), .char("n"), .char("\u{301}"), .char("😀")]

    @Test(arguments: [1, 2, 3, 4])
    func randomEventsAndSizesNeverTrap(seed: UInt64) {
        var random = SplitMix64(state: seed)
        var script: [Event] = []
        for _ in 0..<500 {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: script.append(.resize(Size(width: Int.random(in: 0...220, using: &random), height: Int.random(in: 0...70, using: &random))))
            case 1: script.append(.paste("粘贴\n北京 text é"))
            default: script.append(.key(Self.keys.randomElement(using: &random) ?? .enter))
            }
        }
        let backend = InMemoryBackend(size: Size(width: 80, height: 24), script: script, supportsUnicode: seed % 2 == 0)
        var app = EverythingApp()
        #expect(Runtime(backend: backend).run(&app) == .endOfInput)
        #expect(backend.lines.count == backend.size.height)
    }
}

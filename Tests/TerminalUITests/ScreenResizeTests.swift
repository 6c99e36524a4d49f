import Testing
@testable import TerminalUI

/// A small screen like the app's: tabs on top, a CJK table, the hint bar at the bottom.
struct CustomerListApp: TerminalApplication {
    var state = TableState()
    let source = ArrayTableDataSource(rows: (0..<40).map { i in
        let names = ["北京星河科技有限公司", "苹果贸易", "Apple Trading", "Ｆｕｌｌｗｉｄｔｈ Co", "Cafe\u{301} Ole\u{301}"]
        return ["C\(100 + i)", names[i % names.count], "\(i * 1234 % 99_999).\(10 + i % 90)"]
    })
    let table = TableView(columns: [TableColumn("Code", width: .fixed(5)),
                                    TableColumn("Customer 客户", width: .flexible(minimum: 10)),
                                    TableColumn("Open balance", width: .fixed(12), alignment: .right)])

    mutating func handle(_ event: Event) -> EventOutcome {
        if event == .key(.char("q")) { return .quit(exitCode: 0) }
        _ = table.handle(event, state: &state, rowCount: source.rowCount, pageSize: 5)
        return .continue
    }

    func render(into buffer: inout CellBuffer, context: RenderContext) -> Point? {
        let (top, rest) = buffer.bounds.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        TabBar(titles: ["Customers 客户", "Receivables 应收"], selected: 0).render(into: &buffer, in: top)
        var state = self.state
        table.render(into: &buffer, in: body, source: source, state: &state)
        HintBar(bindings: table.keyBindings(state: state) + [KeyBinding(.char("q"), "Quit")]).render(into: &buffer, in: bottom)
        return nil
    }

    var minimumSize: Size { Size(width: 40, height: 8) }
}

@Suite struct ScreenResizeTests {
    @Test func resizeLargerSmallerTooSmallAndBack() {
        let backend = InMemoryBackend(size: Size(width: 40, height: 8), script: [.key(.down), .key(.down)])
        let runtime = Runtime(backend: backend)
        var app = CustomerListApp()
        #expect(runtime.run(&app) == .endOfInput)
        assertSnapshot(backend.lines, named: "screen.customers.zh.40x8")
        assertSnapshot(backend.roleLines, named: "screen.customers.zh.40x8.roles")

        backend.script = [.resize(Size(width: 60, height: 12))]
        #expect(runtime.run(&app) == .endOfInput)
        assertSnapshot(backend.lines, named: "screen.customers.zh.60x12")
        let rows = backend.lines[2...10]
        #expect(Set(rows.map { displayColumn(of: ".", in: $0) }).count == 1)

        backend.script = [.resize(Size(width: 30, height: 6))]
        #expect(runtime.run(&app) == .endOfInput)
        #expect(backend.lines[0].hasPrefix("terminal too small: need ≥"))

        backend.script = [.resize(Size(width: 40, height: 8))]
        #expect(runtime.run(&app) == .endOfInput)
        assertSnapshot(backend.lines, named: "screen.customers.zh.40x8")
        #expect(app.state.selectedRow == 2)
    }
}

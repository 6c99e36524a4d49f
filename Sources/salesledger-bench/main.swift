// salesledger-bench: time to render a full 200×60 frame of a CJK table into the in-memory buffer,
// and to diff it and hand it to the in-memory backend. Run with `make bench` (release build).
import Foundation
import TerminalUI

// With a ledger (`--ledger PATH` or SALESLEDGER_BENCH_LEDGER): time the report queries in-process
// (LedgerQueryBench), then the terminal UI's cases (LedgerBench), instead of the frame benchmark.
SearchBench.runIfAsked(CommandLine.arguments)   // `--search-ledger PATH`: the 100k-customer search case only
if let ledger = LedgerQueryBench.ledgerPath(CommandLine.arguments) {
    do {
        try LedgerQueryBench.run(path: ledger, arguments: CommandLine.arguments)
        if CommandLine.arguments.contains("--ledger") { LedgerBench.runIfAsked() }
    } catch {
        print("salesledger-bench: \(error)")
        exit(1)
    }
    exit(0)
}

/// 1,000,000 generated rows with CJK names, built on demand.
struct BenchSource: TableDataSource {
    static let names = ["北京星河科技有限公司", "上海明远五金有限公司", "苹果贸易",
                        "Apple Trading",
                        "Ｆｕｌｌｗｉｄｔｈ Co", "Cafe\u{301} Ole\u{301}",
                        "武汉长江重工集团股份有限公司"]
    var rowCount: Int { 1_000_000 }
    func rows(in range: Range<Int>) -> [[String]] {
        range.map { i in
            ["C\(100_000 + i)", Self.names[i % Self.names.count] + " \(i)", "华东区域",
             "\(i % 97_000),\(i % 1000).\(i % 100)", "2025-0\(i % 9 + 1)-15"]
        }
    }
}

let table = TableView(columns: [
    TableColumn("Code 编码", width: .fixed(9)),
    TableColumn("Customer 客户", width: .flexible(weight: 3, minimum: 12)),
    TableColumn("Region 区域", width: .flexible(weight: 1, minimum: 8)),
    TableColumn("Balance 余额", width: .fixed(16), alignment: .right),
    TableColumn("Due 到期日", width: .fixed(11)),
])
let size = Size(width: 200, height: 60)
let source = BenchSource()

func measure(_ name: String, iterations: Int, _ body: (Int) -> Void) {
    for i in 0..<20 { body(i) }   // warm-up
    let clock = ContinuousClock()
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for i in 0..<iterations {
        let start = clock.now
        body(i)
        samples.append((clock.now - start).milliseconds * 1e3)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p99 = samples[min(samples.count - 1, samples.count * 99 / 100)]
    print("\(name): median \(Int(median.rounded())) µs, p99 \(Int(p99.rounded())) µs per frame "
          + "(\(iterations) frames)")
}

var buffer = CellBuffer(size: size)
var previous = CellBuffer(size: size)
var state = TableState()
var checksum = 0

measure("render 200x60 CJK table into CellBuffer", iterations: 1000) { i in
    buffer.clear()
    state.selectedRow = (i * 37) % 1_000_000
    table.render(into: &buffer, in: buffer.bounds, source: source, state: &state)
    checksum &+= buffer.cells.count
}

let backend = InMemoryBackend(size: size)
measure("render + diff + in-memory backend draw (scrolling)", iterations: 1000) { i in
    swap(&buffer, &previous)
    buffer.clear()
    state.selectedRow = i * 3
    table.render(into: &buffer, in: buffer.bounds, source: source, state: &state)
    let changes = buffer.diff(from: previous)
    backend.draw(changes)
    checksum &+= changes.count
}
print("checksum \(checksum); width table: Unicode \(DisplayWidth.unicodeVersion); target: well under 2,000 µs")

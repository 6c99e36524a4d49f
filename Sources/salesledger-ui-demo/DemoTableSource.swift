import TerminalUI

/// 100,000 generated customers with CJK names, computed on demand (nothing stored but the
/// filtered/sorted index), so the table only ever builds the visible rows.
struct DemoTableSource: TableDataSource {
    static let companies = ["北京星河科技有限公司", "上海明远五金有限公司", "苹果贸易", "Apple Trading", "深圳华南电子",
                            "Ｆｕｌｌｗｉｄｔｈ Co", "Café Olé", "杭州西湖茶业", "成都天府食品有限公司", "Nordic Supplies AB",
                            "广州珠江物流", "東京商事株式会社", "서울무역", "武汉长江重工集团股份有限公司"]
    static let regions = ["华北", "华东", "华南", "西南", "Export"]
    let total: Int
    /// Row numbers shown, in order (nil = all, natural order).
    var order: [Int]?

    init(total: Int = 100_000) { self.total = total }

    var rowCount: Int { order?.count ?? total }

    static func amount(of row: Int) -> Int64 { Int64((row &* 7919) % 9_000_000) - 400_000 }

    static func cells(of row: Int) -> [String] {
        let name = companies[row % companies.count] + (row >= companies.count ? " \(row / companies.count)" : "")
        let digits = String(row + 1)
        let code = "C" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return [code, name, regions[row % regions.count], DemoFormat.money(amount(of: row))]
    }

    func rows(in range: Range<Int>) -> [[String]] {
        range.clamped(to: 0..<rowCount).map { Self.cells(of: order?[$0] ?? $0) }
    }

    /// Re-filters (substring of code or name) and re-sorts by `column`.
    mutating func update(filter: String, sortColumn: Int?, ascending: Bool) {
        var rows: [Int]? = nil
        if !filter.isEmpty {
            rows = (0..<total).filter { Self.cells(of: $0)[0...1].contains { $0.contains(filter) } }
        }
        if let column = sortColumn {
            var list = rows ?? Array(0..<total)
            switch column {
            case 3: list.sort { Self.amount(of: $0) < Self.amount(of: $1) }
            case 1: list.sort { Self.cells(of: $0)[1] < Self.cells(of: $1)[1] }
            case 2: list.sort { ($0 % Self.regions.count, $0) < ($1 % Self.regions.count, $1) }
            default: break
            }
            rows = ascending ? list : list.reversed()
        }
        order = rows
    }
}

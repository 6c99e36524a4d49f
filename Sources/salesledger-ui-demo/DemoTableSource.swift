import TerminalUI

/// 100,000 generated customers with CJK names. Names and amounts are built once; the table still
/// asks only for the visible rows, and filter/sort work on an index of row numbers.
struct DemoTableSource: TableDataSource {
    static let companies = ["北京星河科技有限公司", "上海明远五金有限公司", "苹果贸易",
                            "Apple Trading", "深圳华南电子",
                            "Ｆｕｌｌｗｉｄｔｈ Co", "Café Olé", "杭州西湖茶业",
                            "成都天府食品有限公司", "Nordic Supplies AB",
                            "广州珠江物流", "東京商事株式会社", "서울무역",
                            "武汉长江重工集团股份有限公司"]
    static let regions = ["华北", "华东", "华南", "西南", "Export"]
    let codes: [String]
    let names: [String]
    let amounts: [Int64]
    /// Row numbers shown, in order (nil = all, natural order).
    var order: [Int]?

    init(total: Int = 100_000) {
        codes = (0..<total).map { row in
            let digits = String(row + 1)
            return "C" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        }
        names = (0..<total).map { row in
            Self.companies[row % Self.companies.count]
                + (row >= Self.companies.count ? " \(row / Self.companies.count)" : "")
        }
        amounts = (0..<total).map { Int64(($0 &* 7919) % 9_000_000) - 400_000 }
    }

    var rowCount: Int { order?.count ?? codes.count }

    func rows(in range: Range<Int>) -> [[String]] {
        range.clamped(to: 0..<rowCount).map { index in
            let row = order?[index] ?? index
            return [codes[row], names[row], Self.regions[row % Self.regions.count], DemoFormat.money(amounts[row])]
        }
    }

    /// Re-filters (substring of code or name) and re-sorts by `column`.
    mutating func update(filter: String, sortColumn: Int?, ascending: Bool) {
        var rows: [Int]? = nil
        if !filter.isEmpty {
            rows = codes.indices.filter { names[$0].contains(filter) || codes[$0].contains(filter) }
        }
        if let column = sortColumn {
            var list = rows ?? Array(codes.indices)
            switch column {
            case 1: list.sort { names[$0] < names[$1] }
            case 2: list.sort { ($0 % Self.regions.count, $0) < ($1 % Self.regions.count, $1) }
            case 3: list.sort { amounts[$0] < amounts[$1] }
            default: break
            }
            rows = ascending ? list : list.reversed()
        }
        order = rows
    }
}

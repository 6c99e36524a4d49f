import LedgerCore
import LedgerReports
import LedgerStore

/// `report aging --by-class DIM [--level N]`: aging buckets per class of a classification dimension (a class
/// includes its sub-classes; documents use the class at posting for region and channel, else the current class).
enum AgingByClass {
    static func print(store: SQLiteLedgerStore, dimension: String, level: Int, asOf: CivilDate, basis: AgingBasis,
                      format: OutputFormat) throws {
        let nodes = try store.classNodes(dimension: dimension)
        guard !nodes.isEmpty else {
            throw UserError("--by-class: dimension '\(dimension)' has no classes (see `salesledger class dimensions`)")
        }
        var depth: [String: Int] = [:]
        let parent = Dictionary(nodes.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { a, _ in a })
        func depthOf(_ code: String) -> Int {
            if let d = depth[code] { return d }
            var d = 0, current = parent[code] ?? ""
            while !current.isEmpty && d < 32 { d += 1; current = parent[current] ?? "" }
            depth[code] = d
            return d
        }
        let rowsNodes = nodes.filter { depthOf($0.code) == level }
        var rows: [[ReportCell]] = []
        var labels: [String] = []
        var classified: Set<Int64> = []
        for node in rowsNodes {
            let items = try store.classifiedOpenItems(filter: ClassFilter(conditions: [ClassCondition(dimension: dimension, codes: [node.code])]), asOf: asOf)
            classified.formUnion(items.map(\.invoiceID))
            for report in Aging.reports(items: items, credits: [], asOf: asOf, basis: basis) {
                labels = report.buckets.map(\.label)
                let c = report.currency
                rows.append([.text(node.code), .text(node.nameZH.isEmpty ? node.nameEN : node.nameZH), .text(c.code)]
                            + report.buckets.map { .amount($0.amount, c) } + [.amount(report.openTotal, c)])
            }
        }
        // Invoices in no class of the dimension, so the rows add up to the plain aging report.
        let all = try store.openItems(asOf: asOf).filter { !classified.contains($0.invoiceID) }
        for report in Aging.reports(items: all, credits: [], asOf: asOf, basis: basis) {
            labels = report.buckets.map(\.label)
            let c = report.currency
            rows.append([.text("(none)"), .text(""), .text(c.code)] + report.buckets.map { .amount($0.amount, c) } + [.amount(report.openTotal, c)])
        }
        if labels.isEmpty { labels = AgingBuckets.standard.labels }
        let columns: [(String, ColumnKind)] = [(dimension, .text), ("name", .text), ("currency", .text)]
            + labels.map { ($0, .money) } + [("total", .money)]
        printReport(listTable("aging-by-class", columns, rows), format)
    }
}

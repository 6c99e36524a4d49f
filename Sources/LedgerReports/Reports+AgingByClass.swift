import LedgerCore

extension Reports {
    /// Aging per class of the classification dimension `dimension` (`report aging --by-class`), the classes at
    /// hierarchy `level` (0 = top) as rows, a class including its sub-classes; an invoice is in its customer's
    /// current class (customer dimensions), its own (invoice dimensions) or its products' (product dimensions). A
    /// `(none)` row per currency holds the invoices in no class, so the rows add up to the plain aging report. Read
    /// in one snapshot. Nil when the dimension has no classes. - Throws: `LedgerError.storage`.
    public func aging(asOf: CivilDate, byClass dimension: String, level: Int = 0,
                      basis: AgingBasis = .dueDate) throws -> ReportTable? {
        try store.readSnapshot { () throws -> ReportTable? in
            let nodes = try store.classNodes(dimension: dimension)
            guard !nodes.isEmpty else { return nil }
            let parent = Dictionary(nodes.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { a, _ in a })
            func depth(_ code: String) -> Int {
                var d = 0, current = parent[code] ?? ""
                while !current.isEmpty && d < 32 { d += 1; current = parent[current] ?? "" }
                return d
            }
            var rows: [[ReportCell]] = []
            var labels = AgingBuckets.standard.labels(for: basis)
            func add(_ code: String, _ name: String, _ cells: [AgingCell]) {
                for report in Aging.reports(cells: cells, credits: [], asOf: asOf, basis: basis) {
                    labels = report.buckets.map(\.label)
                    let c = report.currency
                    rows.append([.text(code), .text(name), .text(c.code)] + report.buckets.map { .amount($0.amount, c) }
                                + [.amount(report.openTotal, c)])
                }
            }
            // Summed in the store in one pass (issue 10); "" is the invoices in none of the level's classes.
            let atLevel = nodes.filter { depth($0.code) == level }
            let cells = Dictionary(grouping: try store.classAgingCells(
                dimension: dimension, classes: atLevel.map(\.code), asOf: asOf, buckets: .standard, basis: basis),
                                   by: \.key)
            for node in atLevel {
                add(node.code, node.nameZH.isEmpty ? node.nameEN : node.nameZH, cells[node.code] ?? [])
            }
            add("(none)", "", cells[""] ?? [])
            let columns = [ReportColumn(dimension, .text, en: "Class", zh: "分类", termsZH: ["(none)": "（未分类）"]),
                           ReportColumn("name", .text, en: "Name", zh: "名称"),
                           ReportColumn("currency", .text, en: "Currency", zh: "币种")]
                + labels.map { ReportColumn($0, .money, en: StatementWords(chinese: false).bucket($0),
                                            zh: StatementWords(chinese: true).bucket($0)) }
                + [ReportColumn("total", .money, en: "Total", zh: "合计")]
            // A customer's (or a document's) class is one per dimension, so the rows add up: one TOTAL per currency
            // (tryout s15: the table had none). A document can be in several product classes: no total there, as
            // it would count those documents twice.
            let isProduct = try store.classDimensions().first { $0.code == dimension }?.entity == .product
            return ReportTable(name: "aging-by-class", columns: columns, rows: rows,
                               totalRule: isProduct ? .none : .sumPerCurrency(label: "TOTAL"))
        }
    }
}

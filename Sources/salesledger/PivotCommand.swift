import ArgumentParser
import Classification
import LedgerCore
import LedgerStore

extension PivotMeasure: ExpressibleByArgument {}

/// `salesledger report pivot --measure sales --rows region --cols month --from … --to …`.
struct PivotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pivot", abstract: "Pivot: a measure by one or two dimensions or periods, with totals.",
        discussion: "Measures: sales (posted invoices less credit notes, tax included — the sales report's total), quantity, invoices, open, overdue (as of --as-of, default --to or today). Axes: month, quarter, year, a dimension code (region, channel, customer_class, category, rfm_segment, payment_risk, product_abc, user dimensions) or customer, product, salesperson. One table per currency.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "sales, quantity, invoices, open, overdue") var measure: PivotMeasure = .sales
    @Option(help: "Row axis.") var rows: String
    @Option(help: "Column axis (optional).") var cols: String?
    @Option(help: "From date (inclusive).") var from: String?
    @Option(help: "To date (inclusive).") var to: String?
    @Option(help: "As-of date of open and overdue.") var asOf: String?
    @Option(help: "Region and channel: posting (class at posting) or current.") var basis: ClassBasis = .atPosting
    @Option(help: "Roll row classes up to this level (0 = top).") var level: Int?
    @Option(help: "Roll column classes up to this level.") var colLevel: Int?
    @Flag(help: "Subtotal rows for parent classes.") var subtotals = false
    @Option(name: .customLong("class"), help: "Only documents in dimension=code[|code…]; repeatable.") var classes: [String] = []
    @Option(help: "table, csv or json") var format: OutputFormat = .table

    func run() throws {
        let (store, service) = try global.openExistingLedger()
        var issues = IssueCollector()
        let today = service.clock.today()
        let fromDate = parseDate(from, "from", today, &issues)
        let toDate = parseDate(to, "to", today, &issues)
        let asOfDate = parseDate(asOf, "asOf", today, &issues) ?? toDate ?? today
        try issues.throwIfAny()
        let query = PivotQuery(measure: measure, rows: PivotAxis(parsing: rows), columns: cols.map(PivotAxis.init(parsing:)),
                               from: fromDate, to: toDate, asOf: asOfDate, basis: basis,
                               filter: try ClassFilter.parse(terms: classes, basis: basis))
        func tree(_ axis: PivotAxis?) throws -> ClassTree? {
            guard case let .dimension(code)? = axis else { return nil }
            let nodes = try store.classNodes(dimension: code)
            return nodes.isEmpty ? nil : ClassTree(dimension: code, nodes: nodes)
        }
        let tables = PivotTable.build(query: query, facts: try store.pivotFacts(query), rowTree: try tree(query.rows),
                                      columnTree: try tree(query.columns),
                                      layout: .init(rowDepth: level, columnDepth: colLevel, subtotals: subtotals, chinese: global.isChinese))
        if tables.isEmpty {
            print(format == .table ? "no data\n" : TabularOutput(columns: [(rows, .text)], rows: []).render(format), terminator: "")
        }
        for table in tables {
            print(Self.render(table, rowName: rows, format: format), terminator: "")
        }
    }

    static func render(_ table: PivotTable, rowName: String, format: OutputFormat) -> String {
        let c = table.currency
        let measure = table.query.measure
        func value(_ v: Int64) -> String {
            switch measure {
            case .invoices: return String(v)
            case .quantity: return Money.format(v, digits: 3, grouping: false)
            default: return Money.format(v, digits: c.minorDigits, grouping: false)
            }
        }
        let kind: TabularOutput.Kind = measure == .invoices ? .integer : .amount
        var columns: [(name: String, kind: TabularOutput.Kind)] = [(rowName, .text), ("label", .text)]
        let hasColumns = table.query.columns != nil
        if hasColumns { columns += table.columns.map { ($0.label.isEmpty ? "(none)" : $0.label, kind) } }
        columns.append(("total", kind))
        let rows = table.rows.enumerated().map { i, header -> [String] in
            let indent = format == .table ? String(repeating: "  ", count: header.depth) : ""
            let label = indent + (header.label.isEmpty ? "(none)" : header.label) + (header.isSubtotal && format == .table ? " Σ" : "")
            return [header.key, label] + (hasColumns ? table.values[i].map(value) : []) + [value(table.rowTotals[i])]
        }
        let total = ["TOTAL", c.code] + (hasColumns ? table.columnTotals.map(value) : []) + [value(table.grandTotal)]
        let head = format == .table ? "\(measure.rawValue) (\(c.code)) by \(rowName)\(table.query.columns.map { " × \($0)" } ?? "")\n" : ""
        return head + TabularOutput(columns: columns, rows: rows, totalRow: total).render(format)
    }
}

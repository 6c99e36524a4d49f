import Classification
import LedgerCore

/// The pivot report (透视表): a measure by rows × columns, one table per currency, with the pivot's own totals
/// (subtotal rows are left out of the sums). `report pivot` prints the table; the Reports screen draws it.
extension Reports {
    /// Pivot tables of `query` (one per currency), read in one snapshot with the class trees of dimension axes.
    /// - Throws: `LedgerError.storage`.
    public func pivot(_ query: PivotQuery, layout: PivotTable.Layout) throws -> [PivotTable] {
        try store.readSnapshot {
            func tree(_ axis: PivotAxis?) throws -> ClassTree? {
                guard case let .dimension(code)? = axis else { return nil }
                let nodes = try store.classNodes(dimension: code)
                return nodes.isEmpty ? nil : ClassTree(dimension: code, nodes: nodes)
            }
            return PivotTable.build(query: query, facts: try store.pivotFacts(query), rowTree: try tree(query.rows),
                                    columnTree: try tree(query.columns), layout: layout)
        }
    }
}

/// A `PivotTable` as a `ReportTable`: key, label, one column per column header (when the pivot has a column
/// axis), total; values money (sales, open, overdue), counts (invoices) or quantities; the TOTAL row is the
/// pivot's column totals. `indent`: labels indented by depth and subtotal rows marked ` Σ` (text output).
public enum PivotReportTable {
    /// Chinese names of the measures and the built-in axes (`--rows`, `--cols`); user dimensions keep their code.
    public static let namesZH: [String: String] = [
        "sales": "销售额", "quantity": "数量", "invoices": "销售单数", "open": "应收余额", "overdue": "逾期",
        "month": "月份", "quarter": "季度", "year": "年度", "region": "区域", "channel": "渠道",
        "customer_class": "客户等级", "category": "商品类别", "rfm_segment": "RFM分群", "payment_risk": "回款风险",
        "product_abc": "商品ABC", "customer": "客户", "product": "商品", "salesperson": "业务员",
    ]

    /// `chinese`: the axis titles and the note in Chinese (a text table; CSV and JSON keys stay the codes).
    public static func make(_ table: PivotTable, rowName: String, totalLabel: String = "TOTAL",
                            indent: Bool = false, chinese: Bool = false) -> ReportTable {
        let c = table.currency
        let measure = table.query.measure
        let kind: ColumnKind = measure == .invoices ? .count : (measure == .quantity ? .number : .money)
        func value(_ v: Int64) -> ReportCell {
            switch measure {
            case .invoices: return .count(Int(v))
            case .quantity: return .decimal(v, digits: Quantity.scale)
            default: return .amount(v, c)
            }
        }
        let hasColumns = table.query.columns != nil
        var columns = [ReportColumn(rowName, .text, zh: namesZH[rowName]),
                       ReportColumn("label", .text, zh: "名称", termsZH: ["(none)": "（无）"])]
        if hasColumns {
            columns += table.columns.map {
                $0.label.isEmpty ? ReportColumn("(none)", kind, zh: "（无）") : ReportColumn($0.label, kind)
            }
        }
        columns.append(ReportColumn("total", kind, en: "Total", zh: "合计"))
        let rows = table.rows.enumerated().map { i, header -> [ReportCell] in
            let label = (indent ? String(repeating: "  ",
                                         count: header.depth) : "") + (header.label.isEmpty ? "(none)" : header.label)
                + (header.isSubtotal && indent ? " Σ" : "")
            return [.text(header.key),
                    .text(label)] + (hasColumns ? table.values[i].map(value) : []) + [value(table.rowTotals[i])]
        }
        let total = [.text(totalLabel),
                     .text(c.code)] + (hasColumns ? table.columnTotals.map(value) : []) + [value(table.grandTotal)]
        return ReportTable(name: "pivot", columns: columns, rows: rows, totalRule: .given([total]),
                           notes: [chinese
                                       ? "\(namesZH[measure.rawValue] ?? measure.rawValue)（\(c.code)）按 "
                                           + ([rowName] + (table.query.columns.map { ["\($0)"] } ?? []))
                                               .map { namesZH[$0] ?? $0 }.joined(separator: " × ")
                                       : "\(measure.rawValue) (\(c.code)) by \(rowName)"
                                           + (table.query.columns.map { " × \($0)" } ?? "")])
    }
}

import LedgerCore
import LedgerReports

/// The people-facing names in a report grouped by region, channel or salesperson, as the TUI shows them: a region's
/// or channel's `name` cell that only repeats its code gets the class's name (中文 with `--lang zh`: 直销, 杭州市;
/// English otherwise, the code when the class has no such name); a salesperson's key column gets the salesperson's
/// code (the store groups by name). Figures are never changed. Used by the CLI and by F7, so both show the same
/// names. Errors: the store's, from reading the class tree or the salespeople.
public enum ReportNames {
    /// The printed table without a Name column that only repeats the key (sales by month, quarter or year: the
    /// TUI hides it too); CSV and JSON keep every column, so scripts reading them by position are not broken.
    public static func withoutRepeatedLabel(_ table: ReportTable) -> ReportTable {
        guard let label = table.columns.firstIndex(where: { $0.key == "label" }), label > 0,
              table.rows.allSatisfy({ $0.count > label && $0[label] == $0[0] }) else { return table }
        var table = table
        table.columns.remove(at: label)
        table.rows = table.rows.map { row in var row = row; row.remove(at: label); return row }
        return table
    }

    public static func apply(_ table: ReportTable, store: any LedgerStore, chinese: Bool) throws -> ReportTable {
        guard let key = table.columns.first?.key,
              let nameIndex = table.columns.firstIndex(where: { $0.key == "name" || $0.key == "label" }) else {
            return table
        }
        var table = table
        switch key {
        case "region", "channel":
            var names: [String: String] = [:]
            for node in try store.classNodes(dimension: key) {
                let name = chinese ? node.nameZH : node.nameEN
                if !name.isEmpty { names[node.code] = name }
            }
            if key == "channel" {
                for (code, name) in Strings.channelNames where names[code] == nil {
                    names[code] = chinese ? name.zh : name.en
                }
            }
            for r in table.rows.indices where table.rows[r].count > nameIndex {
                guard case .text(let code) = table.rows[r][0], table.rows[r][nameIndex] == .text(code),
                      let name = names[code] ?? names[code.uppercased()] else { continue }
                table.rows[r][nameIndex] = .text(name)
            }
        case "salesperson":
            let codes = Dictionary(try store.salespeople().map { ($0.name, $0.code) }, uniquingKeysWith: { a, _ in a })
            for r in table.rows.indices {
                guard case .text(let name) = table.rows[r][0], let code = codes[name] else { continue }
                table.rows[r][0] = .text(code)
            }
        default: break
        }
        return table
    }
}

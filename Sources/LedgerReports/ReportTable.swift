import LedgerCore

/// What a report column holds; the kind decides alignment, formatting and how CSV/JSON write the value.
public enum ColumnKind: String, Sendable, Hashable, Codable {
    /// Free text (codes, names, labels).
    case text
    /// Money: each cell carries minor units and its ISO 4217 currency.
    case money
    /// A civil date, `YYYY-MM-DD`.
    case date
    /// A whole count (documents, invoices).
    case count
    /// A share in basis points (1 % = 100), shown with two decimals.
    case percent
    /// A number of days in tenths of a day (DSO 41.7, average days to pay 12.3).
    case days
    /// A fixed-point number that is not money (a quantity in thousandths, a rate): each cell carries its digits.
    case number
}

/// One column: a stable machine key (the CSV/JSON header) and the labels screens show.
public struct ReportColumn: Sendable, Hashable {
    public var key: String
    public var kind: ColumnKind
    public var titleEN: String
    public var titleZH: String
    /// Chinese names of the fixed words a text column holds (aging bucket `current` → 未到期); codes and names of
    /// customers are not here. CSV and JSON keep the words as they are (programs read them); a Chinese table shows
    /// the names.
    public var termsZH: [String: String]
    /// English names of such words, e.g. the empty code of aging documents without a salesperson → "(none)".
    public var termsEN: [String: String]
    public init(_ key: String, _ kind: ColumnKind, en: String? = nil, zh: String? = nil,
                termsZH: [String: String] = [:], termsEN: [String: String] = [:]) {
        self.key = key
        self.kind = kind
        self.titleEN = en ?? key
        self.titleZH = zh ?? en ?? key
        self.termsZH = termsZH
        self.termsEN = termsEN
    }
    public func title(chinese: Bool) -> String { chinese ? titleZH : titleEN }
    /// `cell` as this column shows it: a fixed word in the UI language when the column names it.
    public func shown(_ cell: String, chinese: Bool) -> String { (chinese ? termsZH : termsEN)[cell] ?? cell }
}

/// A typed cell. Amounts stay integers (minor units, tenths of a day, basis points) until a renderer formats them.
public enum ReportCell: Sendable, Hashable {
    case empty
    case text(String)
    case money(Money)
    case date(CivilDate)
    case count(Int)
    /// Basis points: 1234 = 12.34 %.
    case percent(Int64)
    /// Tenths of a day: 417 = 41.7 days.
    case days(Int64)
    /// A fixed-point number: `value` scaled by 10^`digits` (a quantity 1.5 = `decimal(1500, digits: 3)`).
    case decimal(Int64, digits: Int)

    /// `minor` units of `currency` as a money cell.
    public static func amount(_ minor: Int64, _ currency: Currency) -> ReportCell {
        .money(Money(minorUnits: minor, currency: currency))
    }

    public var money: Money? { if case .money(let m) = self { m } else { nil } }
    public var count: Int? { if case .count(let c) = self { c } else { nil } }
}

/// How a table's total rows are made — stated once per table, applied the same way by every front end.
public enum TotalRule: Sendable, Hashable {
    /// No total row (figures that do not add up, e.g. DSO per currency).
    case none
    /// One row per currency found in the money columns, labelled `label` (e.g. `TOTAL`) in the first column:
    /// money and count columns are summed over the rows in that currency (a count over all rows when the table
    /// has no money column); a text column keyed `currency` names the currency; other columns stay empty.
    /// Sums are checked: an overflow leaves the cell empty.
    case sumPerCurrency(label: String)
    /// Total rows the report computes itself and states with its rows (a pivot's totals, which leave its subtotal
    /// rows out of the sums).
    case given([[ReportCell]])
}

/// A report as typed rows: columns with kinds, cells, and its total rule. Built by the named report queries
/// (`Reports`), printed by the CLI as table/CSV/JSON (`ReportRenderer`) and drawn by the TUI — the same figures.
public struct ReportTable: Sendable, Hashable {
    /// Machine name of the report (`dso`, `aging`, `sales-by-month` …).
    public var name: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    public var totalRule: TotalRule
    /// Lines printed above the table in text form (period, as-of date, the rule used).
    public var notes: [String]

    public init(name: String, columns: [ReportColumn], rows: [[ReportCell]] = [], totalRule: TotalRule = .none,
                notes: [String] = []) {
        self.name = name
        self.columns = columns
        self.rows = rows
        self.totalRule = totalRule
        self.notes = notes
    }

    public func column(_ key: String) -> Int? { columns.firstIndex { $0.key == key } }

    /// The cell of `key` in row `index`, or `.empty`.
    public func cell(_ index: Int, _ key: String) -> ReportCell {
        guard let c = column(key), rows.indices.contains(index), rows[index].indices.contains(c) else { return .empty }
        return rows[index][c]
    }

    /// The total rows by `totalRule` (empty for `.none` or an empty table).
    public var totals: [[ReportCell]] {
        if case .given(let rows) = totalRule { return rows }
        var sums = TotalSums(columns: columns, rule: totalRule)
        for row in rows { sums.add(row) }
        return sums.rows
    }
}

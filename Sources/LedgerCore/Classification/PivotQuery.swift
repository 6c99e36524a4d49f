/// What a pivot cell adds up.
public enum PivotMeasure: String, Sendable, Codable, CaseIterable {
    /// Posted invoice totals less credit notes (tax included), minor units — the sales report's `total`.
    case sales
    /// Quantities sold less credited, in thousandths (`Quantity` units).
    case quantity
    /// Number of posted invoices (credit notes not counted).
    case invoices
    /// Open balance of posted invoices as of the query's `asOf`, minor units.
    case openBalance = "open"
    /// Open balance past the due date as of `asOf`, minor units.
    case overdue
}

/// Calendar period of a pivot axis. Keys: `1997-03`, `1997-Q1`, `1997`.
public enum PeriodUnit: String, Sendable, Codable, CaseIterable {
    case month, quarter, year
}

/// One axis of a pivot: a period, a classification dimension (by code), or a record itself
/// (`customer`, `product`, `salesperson`, keyed by code / SKU).
public enum PivotAxis: Hashable, Sendable, Codable, CustomStringConvertible {
    case period(PeriodUnit)
    case dimension(String)

    /// Parses `month`/`quarter`/`year` as periods, anything else as a dimension code.
    public init(parsing text: String) {
        if let unit = PeriodUnit(rawValue: text) { self = .period(unit) } else { self = .dimension(text) }
    }

    public var description: String {
        switch self {
        case let .period(unit): return unit.rawValue
        case let .dimension(code): return code
        }
    }
}

/// A pivot's data request: measure × rows (× columns) over posted documents dated `from...to`.
public struct PivotQuery: Hashable, Sendable, Codable {
    public var measure: PivotMeasure
    public var rows: PivotAxis
    public var columns: PivotAxis?
    public var from: CivilDate?
    public var to: CivilDate?
    /// As-of date of open balance and overdue.
    public var asOf: CivilDate
    /// Region and channel of documents: at posting (default, as the sales report) or the customer's current class.
    public var basis: ClassBasis
    /// Only documents matching this filter (e.g. one customer class).
    public var filter: ClassFilter

    public init(measure: PivotMeasure, rows: PivotAxis, columns: PivotAxis? = nil, from: CivilDate? = nil,
                to: CivilDate? = nil,
                asOf: CivilDate, basis: ClassBasis = .atPosting, filter: ClassFilter = ClassFilter()) {
        self.measure = measure
        self.rows = rows
        self.columns = columns
        self.from = from
        self.to = to
        self.asOf = asOf
        self.basis = basis
        self.filter = filter
    }
}

/// One group of pivot data: leaf keys of rows and columns ("" when no column axis), currency and value.
public struct PivotFact: Hashable, Sendable, Codable {
    public var rowKey: String
    public var columnKey: String
    public var currency: Currency
    /// Minor units, thousandths (quantity) or a count (invoices).
    public var value: Int64
    public init(rowKey: String, columnKey: String, currency: Currency, value: Int64) {
        self.rowKey = rowKey
        self.columnKey = columnKey
        self.currency = currency
        self.value = value
    }
}

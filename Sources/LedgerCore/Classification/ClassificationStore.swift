/// Classification writes (dimensions, classes, assignments, history) inside a transaction.
/// `LedgerTransaction` inherits it; the SQLite store implements it in `LedgerStore/Classification/`.
/// Every method throws `LedgerError.storage` on a store failure.
public protocol ClassificationTransaction: AnyObject {
    func classDimension(code: String) throws -> ClassDimension?
    func insert(_ dimension: ClassDimension) throws
    func classNode(dimension: String, code: String) throws -> ClassNode?
    /// The class of `dimension` whose Chinese name is `name` or whose English name is `name` ignoring ASCII case
    /// (the lowest code when several are); nil when none.
    func classNode(dimension: String, named name: String) throws -> ClassNode?
    /// The first `limit` classes of `dimension` (top level first, then by sort order and code) and how many it has:
    /// the known ones a refusal names.
    func classNodeSample(dimension: String, limit: Int) throws -> (nodes: [ClassNode], total: Int)
    /// Inserts the class or replaces its parent, names and order; returns the class's row id (its id in the audit
    /// log's changes).
    @discardableResult
    func upsert(_ node: ClassNode) throws -> Int64
    /// The record's current class code in `dimension` (record column for built-ins, else assignment row); "" if none.
    func classCode(entity: ClassEntity, entityID: Int64, dimension: String) throws -> String
    /// The stored assignment row (who set the class, when), if any.
    func classAssignment(entity: ClassEntity, entityID: Int64, dimension: String) throws -> ClassAssignment?
    /// Writes the assignment row and, for a built-in column dimension, the record's column.
    func setClass(_ assignment: ClassAssignment) throws
    func append(_ entry: ClassHistoryEntry) throws
    /// Id of the customer (by code), product (by SKU) or document (by display number); nil when missing.
    func entityID(entity: ClassEntity, code: String) throws -> Int64?
    func classificationSetting(_ key: String) throws -> String?
    func setClassificationSetting(_ key: String, value: String) throws
}

/// Classification read queries (class trees, facts for rules, classified filters, pivots). `LedgerQueries` inherits it.
public protocol ClassificationQueries: AnyObject {
    /// All dimensions, built-in first, then by code.
    func classDimensions() throws -> [ClassDimension]
    /// Classes of `dimension` in tree order (parents before children, siblings by sort order then code).
    func classNodes(dimension: String) throws -> [ClassNode]
    /// History of one record's classes, oldest first.
    func classHistory(entity: ClassEntity, entityID: Int64) throws -> [ClassHistoryEntry]
    /// Current classes of every record of `entity` in `dimension` (records without a class omitted), with source.
    /// A built-in column value not set through a classification command counts as `.manual`.
    func classAssignments(entity: ClassEntity, dimension: String) throws -> [ClassAssignment]
    func classificationSetting(_ key: String) throws -> String?

    /// Per customer (all customers, zero when no sales): posted sales in `from...to` (either open) for the rules.
    func customerSalesFacts(from: CivilDate?, to: CivilDate?) throws -> [CustomerSalesFact]
    /// Per product (all products): posted line sales in `from...to`.
    func productSalesFacts(from: CivilDate?, to: CivilDate?) throws -> [ProductSalesFact]
    /// Posted invoices dated in `from...to` and due on or before `asOf`, with what was paid by `asOf`.
    func paymentFacts(from: CivilDate, to: CivilDate, asOf: CivilDate) throws -> [PaymentFact]

    /// Customers matching every condition of `filter` (and its search), by code, with balances as of `asOf`.
    func classifiedCustomers(filter: ClassFilter, asOf: CivilDate, page: PageRequest) throws -> [CustomerListRow]
    func classifiedProducts(filter: ClassFilter, page: PageRequest) throws -> [Product]
    /// Documents matching `invoiceFilter` and `filter` (region/channel by `filter.basis`), by date.
    func classifiedInvoices(filter: ClassFilter, invoiceFilter: InvoiceFilter,
                            page: PageRequest) throws -> [InvoiceListRow]
    /// Open items as of `asOf` whose customer (or document, at posting) matches `filter`.
    func classifiedOpenItems(filter: ClassFilter, asOf: CivilDate) throws -> [OpenItem]
    /// Aging cells (currency and bucket; label "") of the invoices open as of `asOf` per class of `dimension`:
    /// key = the code among `classes` whose class or sub-classes the customer (or document) is in, "" for those
    /// in none of them (the "(none)" row of aging by class); summed set-based in the store, in one statement.
    /// - Throws: `LedgerError.validation` for an unknown dimension, `.storage`.
    func classAgingCells(dimension: String, classes: [String], asOf: CivilDate, buckets: AgingBuckets,
                         basis: AgingBasis) throws -> [AgingCell]

    /// Measure grouped by the leaf keys of the pivot's axes and currency (roll-ups are done by `PivotTable`).
    /// - Throws: `LedgerError.validation` for an unknown dimension or a measure the axes cannot carry.
    func pivotFacts(_ query: PivotQuery) throws -> [PivotFact]
    /// The documents behind a pivot cell: those whose row key is in `rowKeys` and column key in `columnKeys`
    /// (nil = any), inside the query's dates and measure scope. By date.
    func pivotDocuments(_ query: PivotQuery, rowKeys: [String], columnKeys: [String]?,
                        page: PageRequest) throws -> [InvoiceListRow]
}

/// A customer's posted sales in a period (input of ABC and RFM). Amounts in minor units of `currency`.
public struct CustomerSalesFact: Hashable, Sendable, Codable {
    public var customerID: Int64
    public var customerCode: String
    public var currency: Currency
    /// Net revenue (invoice subtotals less credit-note subtotals, before tax).
    public var revenue: Int64
    /// Posted invoices (credit notes not counted).
    public var invoices: Int
    public var lastInvoiceDate: CivilDate?
    public init(customerID: Int64, customerCode: String, currency: Currency, revenue: Int64, invoices: Int,
                lastInvoiceDate: CivilDate?) {
        self.customerID = customerID
        self.customerCode = customerCode
        self.currency = currency
        self.revenue = revenue
        self.invoices = invoices
        self.lastInvoiceDate = lastInvoiceDate
    }
}

/// A product's posted line sales in a period (input of product ABC). Minor units of `currency`.
public struct ProductSalesFact: Hashable, Sendable, Codable {
    public var productID: Int64
    public var sku: String
    public var currency: Currency
    /// Net line amounts, credit-note lines negative.
    public var revenue: Int64
    public init(productID: Int64, sku: String, currency: Currency, revenue: Int64) {
        self.productID = productID
        self.sku = sku
        self.currency = currency
        self.revenue = revenue
    }
}

/// One posted invoice's payment as of a date (input of the payment-risk rule).
public struct PaymentFact: Hashable, Sendable, Codable {
    public var invoiceID: Int64
    public var customerID: Int64
    public var customerCode: String
    public var date: CivilDate
    public var dueDate: CivilDate
    /// Minor units.
    public var total: Int64
    /// Net allocations dated on or before the as-of date, minor units.
    public var paid: Int64
    /// Date of the last allocation when fully paid by the as-of date, else nil.
    public var settledOn: CivilDate?
    public init(invoiceID: Int64, customerID: Int64, customerCode: String, date: CivilDate, dueDate: CivilDate,
                total: Int64, paid: Int64, settledOn: CivilDate?) {
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.customerCode = customerCode
        self.date = date
        self.dueDate = dueDate
        self.total = total
        self.paid = paid
        self.settledOn = settledOn
    }
}

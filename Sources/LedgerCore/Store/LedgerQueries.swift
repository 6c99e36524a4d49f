/// A page of a list: `offset` rows skipped, at most `limit` returned.
public struct PageRequest: Hashable, Sendable {
    public var offset: Int
    public var limit: Int
    public init(offset: Int = 0, limit: Int = 100) {
        self.offset = max(0, offset)
        self.limit = max(0, limit)
    }
    public static let all = PageRequest(offset: 0, limit: Int.max / 2)
}

/// Read-only queries. Lists are paged; nothing loads a whole table into memory for a screen.
public protocol LedgerQueries: ReceivablesQueries, ClassificationQueries, TradeQueries, ProductQueries,
    DocumentBrowserQueries {
    /// Runs `body` inside one read transaction: every query `body` makes on this store sees the same snapshot of
    /// the ledger, whatever other connections write meanwhile, so a report's figures agree with each other.
    /// Nested calls join the outer snapshot. - Throws: `LedgerError.storage`, or what `body` throws.
    func readSnapshot<T>(_ body: () throws -> T) throws -> T
    func summary() throws -> LedgerSummary
    /// Whether the ledger holds no customers, invoices, receipts and products (`LedgerSummary.isEmpty`) — a few
    /// index look-ups, not the counts of `summary()` (the TUI's first frame asks it; issue 10).
    /// - Throws: `LedgerError.storage`.
    func isEmpty() throws -> Bool
    func customer(code: String) throws -> Customer?
    /// Customers whose code, name, pinyin, initials or phone contain `search` (all when nil), by code.
    func customers(search: String?, asOf: CivilDate, page: PageRequest) throws -> [CustomerListRow]
    /// Customers matching `filter` (classes incl. sub-classes, and search), sorted, one page. Sorting by balance,
    /// overdue or last sale computes those for every matching customer first (slower on very large ledgers).
    func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort,
                      page: PageRequest) throws -> [CustomerListRow]
    /// `customerList(filter:asOf:sort:page:)` where `after` is the row at `page.offset - 1` (the last row of the
    /// page before): a store then reads the page after that row's sort key (keyset) instead of skipping
    /// `page.offset` rows, where the order allows it (a sort on a stored column, not a search's rank order).
    func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort, page: PageRequest,
                      after: CustomerListRow?) throws -> [CustomerListRow]
    func customerListCount(filter: ClassFilter) throws -> Int
    /// `customerListCount(filter:)` counted no further than `limit`: min(count, limit). A search stops counting
    /// there, so a one-letter text over 100,000 customers costs one indexed range, not every match.
    func customerListCount(filter: ClassFilter, atMost limit: Int) throws -> Int
    func invoices(filter: InvoiceFilter, page: PageRequest) throws -> [InvoiceListRow]
    func invoiceCount(filter: InvoiceFilter) throws -> Int
    func invoiceDocument(number: String) throws -> Invoice?
    /// The receipt numbered `number` (its display number), a keyed look-up.
    func receipt(number: String) throws -> Receipt?
    func products(search: String?, page: PageRequest) throws -> [Product]
    func salespeople() throws -> [Salesperson]
    /// Posted, non-void sales (invoices less credit notes) grouped by `dimension`, dated in `from...to`; with `top`,
    /// only the `top` largest rows of each currency (total descending, then key: the order of the whole report),
    /// chosen in SQL. `top` is for the ranked dimensions (not month, quarter, year); nil: every row.
    func salesReport(by dimension: SalesDimension, from: CivilDate?, to: CivilDate?,
                     top: Int?) throws -> [SalesReportRow]
    /// Every posted invoice open as of `asOf` (dated on or before it; allocations dated after it ignored), oldest
    /// due date first; of one customer when `customerID` is given (its documents only, on an index).
    func openItems(asOf: CivilDate, customerID: Int64?) throws -> [OpenItem]
    /// Unapplied receipts and credit notes as of `asOf`, of one customer when `customerID` is given.
    func unappliedCredits(asOf: CivilDate, customerID: Int64?) throws -> [UnappliedCredit]
    /// Net sales (invoices less credit notes, minor units) per month key `YYYY-MM` of one customer, dated in
    /// `from...to`.
    func monthlySales(customerID: Int64, from: CivilDate, to: CivilDate) throws -> [String: Int64]
    /// `monthlySales` of several customers in one query (a screen's sparklines), by customer id.
    func monthlySales(customerIDs: [Int64], from: CivilDate, to: CivilDate) throws -> [Int64: [String: Int64]]
    /// Users and their roles, by name (empty on a ledger nobody has set up users for).
    func users() throws -> [LedgerUser]
    /// Posted documents (invoices and credit notes) with net, tax and total, by date then id.
    func documentTotals(from: CivilDate?, to: CivilDate?) throws -> [DocumentTotals]
    /// Receipts of a customer, newest first; with `asOf`, only those dated on or before it (the app's today).
    func receipts(customerID: Int64, asOf: CivilDate?, page: PageRequest) throws -> [Receipt]
}

extension LedgerQueries {
    /// Every row of the sales report (`salesReport(by:from:to:top:)` without a limit).
    public func salesReport(by dimension: SalesDimension, from: CivilDate?, to: CivilDate?) throws -> [SalesReportRow] {
        try salesReport(by: dimension, from: from, to: to, top: nil)
    }

    /// Every posted invoice open as of `asOf`, of every customer.
    public func openItems(asOf: CivilDate) throws -> [OpenItem] { try openItems(asOf: asOf, customerID: nil) }
    /// Unapplied receipts and credit notes as of `asOf`, of every customer.
    public func unappliedCredits(asOf: CivilDate) throws -> [UnappliedCredit] {
        try unappliedCredits(asOf: asOf, customerID: nil)
    }

    /// Every receipt of a customer, newest first.
    public func receipts(customerID: Int64, page: PageRequest) throws -> [Receipt] {
        try receipts(customerID: customerID, asOf: nil, page: page)
    }
}

/// A posted document's figures for exports (minor units of `currency`; credit notes positive, `kind` gives the sign).
public struct DocumentTotals: Hashable, Sendable {
    public var number: String
    public var kind: DocumentKind
    public var date: CivilDate
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    public var net: Int64
    public var tax: Int64
    public var total: Int64
    public init(number: String, kind: DocumentKind, date: CivilDate, customerCode: String, customerName: String,
                currency: Currency, net: Int64, tax: Int64, total: Int64) {
        self.number = number
        self.kind = kind
        self.date = date
        self.customerCode = customerCode
        self.customerName = customerName
        self.currency = currency
        self.net = net
        self.tax = tax
        self.total = total
    }
}

/// Sort order of the customer list.
public struct CustomerSort: Hashable, Sendable {
    public enum Column: Int, Sendable, CaseIterable {
        case code, name, customerClass, region, channel, balance, overdue, lastPurchase
    }
    public var column: Column
    public var ascending: Bool
    public init(_ column: Column = .code, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}

/// Filter for invoice lists.
public struct InvoiceFilter: Hashable, Sendable {
    public var customerCode: String?
    public var from: CivilDate?
    public var to: CivilDate?
    public var kind: DocumentKind?
    public var status: DocumentStatus?
    /// The list as of this date (the app's today): documents dated after it are left out and each open amount is
    /// as of it (allocations dated after it added back). Nil: every document, open amounts now.
    public var asOf: CivilDate?
    public init(customerCode: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                kind: DocumentKind? = nil, status: DocumentStatus? = nil, asOf: CivilDate? = nil) {
        self.customerCode = customerCode
        self.from = from
        self.to = to
        self.kind = kind
        self.status = status
        self.asOf = asOf
    }
}

/// Counts and totals of a ledger.
public struct LedgerSummary: Hashable, Sendable, Codable {
    public var customers: Int
    public var products: Int
    public var salespeople: Int
    public var invoices: Int
    public var creditNotes: Int
    public var invoiceLines: Int
    public var receipts: Int
    /// Sum of posted invoice totals less credit notes, per currency code, in minor units.
    public var salesByCurrency: [String: Int64]
    public var firstDate: CivilDate?
    public var lastDate: CivilDate?
    public init(customers: Int = 0, products: Int = 0, salespeople: Int = 0, invoices: Int = 0, creditNotes: Int = 0,
                invoiceLines: Int = 0, receipts: Int = 0, salesByCurrency: [String: Int64] = [:],
                firstDate: CivilDate? = nil, lastDate: CivilDate? = nil) {
        self.customers = customers
        self.products = products
        self.salespeople = salespeople
        self.invoices = invoices
        self.creditNotes = creditNotes
        self.invoiceLines = invoiceLines
        self.receipts = receipts
        self.salesByCurrency = salesByCurrency
        self.firstDate = firstDate
        self.lastDate = lastDate
    }
    public var isEmpty: Bool { customers == 0 && invoices == 0 && receipts == 0 && products == 0 }
}

extension LedgerQueries {
    public func isEmpty() throws -> Bool { try summary().isEmpty }
}

/// One row of the customer list.
public struct CustomerListRow: Hashable, Sendable, Codable {
    public var id: Int64
    public var code: String
    public var name: String
    public var customerClass: String
    public var region: String
    public var channel: String
    public var currency: Currency
    /// Open invoices less unapplied credits, minor units.
    public var balance: Int64
    /// Open amount of invoices past their due date, minor units.
    public var overdue: Int64
    public var lastPurchase: CivilDate?
    /// Net sales (invoices less credit notes, minor units, every currency added) of the 12 months ending with the
    /// as-of date's month, oldest first (the list's sparkline); empty when not read.
    public var recentSales: [Int64]

    public init(id: Int64, code: String, name: String, customerClass: String, region: String, channel: String,
                currency: Currency, balance: Int64, overdue: Int64, lastPurchase: CivilDate? = nil,
                recentSales: [Int64] = []) {
        self.recentSales = recentSales
        self.id = id
        self.code = code
        self.name = name
        self.customerClass = customerClass
        self.region = region
        self.channel = channel
        self.currency = currency
        self.balance = balance
        self.overdue = overdue
        self.lastPurchase = lastPurchase
    }
}

extension LedgerQueries {
    /// Stores without keyset paging read by offset.
    public func customerList(filter: ClassFilter, asOf: CivilDate, sort: CustomerSort, page: PageRequest,
                             after: CustomerListRow?) throws -> [CustomerListRow] {
        try customerList(filter: filter, asOf: asOf, sort: sort, page: page)
    }
}

/// One row of an invoice list.
public struct InvoiceListRow: Hashable, Sendable, Codable {
    public var id: Int64
    public var number: String
    public var kind: DocumentKind
    public var status: DocumentStatus
    public var date: CivilDate
    public var dueDate: CivilDate
    public var customerCode: String
    public var customerName: String
    public var total: Money
    /// Open balance today (total − allocations), minor units; 0 for void documents.
    public var open: Int64
    /// An invoice's credit-note allocations as of the list's day (reversals negative), minor units; 0 for other
    /// documents. With `open` it gives the status (`settlement(asOf:)`).
    public var credited: Int64

    public init(id: Int64, number: String, kind: DocumentKind, status: DocumentStatus, date: CivilDate,
                dueDate: CivilDate, customerCode: String, customerName: String, total: Money, open: Int64,
                credited: Int64 = 0) {
        self.credited = credited
        self.id = id
        self.number = number
        self.kind = kind
        self.status = status
        self.date = date
        self.dueDate = dueDate
        self.customerCode = customerCode
        self.customerName = customerName
        self.total = total
        self.open = open
    }
}

/// Dimensions of the sales report.
public enum SalesDimension: String, Sendable, CaseIterable, Codable {
    case month, quarter, year, customer, region, channel, salesperson, product, category
}

/// One group of the sales report. Amounts are minor units of `currency`; credit notes count negative.
public struct SalesReportRow: Hashable, Sendable, Codable {
    public var key: String
    public var label: String
    public var currency: Currency
    public var documents: Int
    public var net: Int64
    public var tax: Int64
    public var total: Int64

    public init(key: String, label: String, currency: Currency, documents: Int, net: Int64, tax: Int64, total: Int64) {
        self.key = key
        self.label = label
        self.currency = currency
        self.documents = documents
        self.net = net
        self.tax = tax
        self.total = total
    }
}

/// An invoice with an open balance as of some date.
public struct OpenItem: Hashable, Sendable, Codable {
    public var invoiceID: Int64
    public var number: String
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var salesperson: String
    public var region: String
    public var channel: String
    public var date: CivilDate
    public var dueDate: CivilDate
    public var currency: Currency
    public var total: Int64
    /// Total − allocations (as of the date), minor units; > 0.
    public var open: Int64
    public var isDisputed: Bool
    public init(invoiceID: Int64, number: String, customerID: Int64, customerCode: String, customerName: String,
                salesperson: String, region: String, channel: String, date: CivilDate, dueDate: CivilDate,
                currency: Currency, total: Int64, open: Int64, isDisputed: Bool) {
        self.invoiceID = invoiceID
        self.number = number
        self.customerID = customerID
        self.customerCode = customerCode
        self.customerName = customerName
        self.salesperson = salesperson
        self.region = region
        self.channel = channel
        self.date = date
        self.dueDate = dueDate
        self.currency = currency
        self.total = total
        self.open = open
        self.isDisputed = isDisputed
    }
}

/// A receipt or credit note with an amount not yet allocated: a credit the customer holds.
public struct UnappliedCredit: Hashable, Sendable, Codable {
    public var source: AllocationSource
    public var sourceID: Int64
    public var number: String
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var date: CivilDate
    public var currency: Currency
    /// Unapplied amount, minor units, > 0.
    public var amount: Int64
    public init(source: AllocationSource, sourceID: Int64, number: String, customerID: Int64, customerCode: String,
                customerName: String, date: CivilDate, currency: Currency, amount: Int64) {
        self.source = source
        self.sourceID = sourceID
        self.number = number
        self.customerID = customerID
        self.customerCode = customerCode
        self.customerName = customerName
        self.date = date
        self.currency = currency
        self.amount = amount
    }
}

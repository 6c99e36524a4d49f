/// Filters of the invoice browser and `invoice list`: every document (drafts, posted, void), any date.
public struct DocumentSearch: Hashable, Sendable {
    /// Status as people ask for it: stored status, or derived from the open balance and due date (as of `asOf`).
    public enum Status: String, Sendable, CaseIterable, Codable {
        case all, draft, posted, void, disputed, paid, credited, open, overdue
    }
    /// Number, external reference, customer code, name, pinyin or initials.
    public var text: String?
    public var customerCode: String?
    public var from: CivilDate?
    public var to: CivilDate?
    public var status: Status
    public var salespersonCode: String?
    /// Customer class (tier), or a region or channel class code (region matches its sub-regions).
    public var classCode: String?
    public var kind: DocumentKind?
    /// The day `overdue` is judged on.
    public var asOf: CivilDate

    public init(text: String? = nil, customerCode: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil,
                status: Status = .all, salespersonCode: String? = nil, classCode: String? = nil,
                kind: DocumentKind? = nil, asOf: CivilDate) {
        self.text = text
        self.customerCode = customerCode
        self.from = from
        self.to = to
        self.status = status
        self.salespersonCode = salespersonCode
        self.classCode = classCode
        self.kind = kind
        self.asOf = asOf
    }
}

/// Queries of the invoice browser. `LedgerQueries` inherits it.
public protocol DocumentBrowserQueries: AnyObject, EntryHistoryQueries {
    /// Documents matching `search`, newest first (date, then id).
    func documents(_ search: DocumentSearch, page: PageRequest) throws -> [InvoiceListRow]
    func documentCount(_ search: DocumentSearch) throws -> Int
    /// Everything shown when a document is opened: the document, its customer, allocations (reversals included),
    /// credit notes applied to it, and the contact history of its customer (newest first).
    func documentDetail(id: Int64) throws -> DocumentDetail?
    /// `documentDetail(id:)` as of `asOf`: only the allocations and credit notes dated on or before it, and the
    /// open amount from those (F9 under a pinned `--today`). nil: everything recorded.
    func documentDetail(id: Int64, asOf: CivilDate?) throws -> DocumentDetail?
}

/// A document with what settles it and what was said about it.
public struct DocumentDetail: Sendable {
    public var document: Invoice
    public var customer: Customer
    public var salesperson: String
    /// Allocations to the invoice (or from the credit note), oldest first, with the source's number.
    public var allocations: [(allocation: Allocation, sourceNumber: String)]
    public var creditNotes: [InvoiceListRow]
    public var contacts: [ContactLogEntry]
    /// Open balance today (invoices) or unapplied amount (credit notes), minor units.
    public var open: Int64

    public init(document: Invoice, customer: Customer, salesperson: String,
                allocations: [(allocation: Allocation, sourceNumber: String)], creditNotes: [InvoiceListRow],
                contacts: [ContactLogEntry], open: Int64) {
        self.document = document
        self.customer = customer
        self.salesperson = salesperson
        self.allocations = allocations
        self.creditNotes = creditNotes
        self.contacts = contacts
        self.open = open
    }
}

/// Which documents `AuditCheckQueries.forEachAuditDocument` streams (issue 10: each check reads only its rows).
/// Dates are inclusive business dates.
public enum AuditDocumentScope: Hashable, Sendable {
    /// Non-draft documents whose net, tax or total disagrees with their lines (net ≠ Σ line net, tax ≠ Σ line
    /// tax, or total ≠ net + tax).
    case totalsMismatch
    /// Every document (any status) dated `from`…`to`.
    case dated(from: CivilDate, to: CivilDate)
    /// The documents with these ids.
    case ids([Int64])
    /// Posted invoices dated `from`…`to` that share customer, currency, total and date with another such invoice.
    case duplicateInvoices(from: CivilDate, to: CivilDate)
    /// Posted credit notes dated after `date` that apply to a document.
    case creditNotesAfter(CivilDate)
    /// Drafts dated before `date`.
    case draftsBefore(CivilDate)
    /// Posted invoices marked disputed.
    case disputedInvoices
    /// Invoices (any status) of these customers.
    case invoicesOf(customers: [Int64])
}

/// Which receipts `AuditCheckQueries.forEachAuditReceipt` streams.
public enum AuditReceiptScope: Hashable, Sendable {
    /// Receipts dated `from`…`to`.
    case dated(from: CivilDate, to: CivilDate)
    /// The receipts with these ids.
    case ids([Int64])
    /// Receipts whose reference (white space trimmed, not empty) is shared with another receipt, in groups of
    /// which at least one receipt is dated `from`…`to`.
    case sharedReferences(from: CivilDate, to: CivilDate)
}

/// A receipt with its customer's code.
public struct AuditReceipt: Hashable, Sendable {
    public var receipt: Receipt
    public var customerCode: String
    public init(receipt: Receipt, customerCode: String) {
        self.receipt = receipt
        self.customerCode = customerCode
    }
}

/// One number series and year over documents (numbered: number > 0) and receipts: how many numbers it holds,
/// the highest, and the counter's last number handed out (0 without a counter).
public struct AuditNumberSeries: Hashable, Sendable {
    public var series: String
    public var year: Int
    public var count: Int
    public var highest: Int
    public var counter: Int
    public init(series: String, year: Int, count: Int, highest: Int, counter: Int) {
        self.series = series
        self.year = year
        self.count = count
        self.highest = highest
        self.counter = counter
    }
}

/// A document or receipt holding a number that is used more than once in its series and year.
public struct AuditNumberHolder: Hashable, Sendable {
    public var series: String
    public var year: Int
    public var number: Int
    public var displayNumber: String
    public var customerCode: String
    public init(series: String, year: Int, number: Int, displayNumber: String, customerCode: String) {
        self.series = series
        self.year = year
        self.number = number
        self.displayNumber = displayNumber
        self.customerCode = customerCode
    }
}

/// A customer's balance in one currency as of a date (`ReceivablesSnapshot.customerBalance`: posted invoices −
/// posted credit notes − receipts − write-offs, each dated ≤ the date), minor units, never 0.
public struct AuditCustomerBalance: Hashable, Sendable {
    public var customer: Customer
    public var currency: Currency
    public var balance: Int64
    public init(customer: Customer, currency: Currency, balance: Int64) {
        self.customer = customer
        self.currency = currency
        self.balance = balance
    }
}

/// What the periodic audit's checks read (issue 10), set-based or streamed: only the rows a check needs, never
/// every document or every audit entry at once. Synchronous and free of database types; the SQLite store
/// implements it in `LedgerStore/Audit/`. Every method throws `LedgerError.storage` on a store failure (and what
/// the body throws). Bodies must not call the store.
public protocol AuditCheckQueries: AnyObject {
    /// How many documents the ledger holds (any status).
    func auditDocumentCount() throws -> Int
    /// The documents of `scope` with their line sums, by id.
    func forEachAuditDocument(_ scope: AuditDocumentScope, _ body: (AuditDocument) throws -> Void) throws
    /// The receipts of `scope` with their customer's code, by date then id.
    func forEachAuditReceipt(_ scope: AuditReceiptScope, _ body: (AuditReceipt) throws -> Void) throws
    /// Documents with more allocated to them (`toInvoice: true`, allocations to the invoice) or from them (credit
    /// notes) than they hold (a document that is not posted holds 0), or a negative sum, with that sum (every
    /// allocation, reversals included, minor units), by id.
    func overAllocatedDocuments(toInvoice: Bool) throws -> [(document: AuditDocument, allocated: Int64)]
    /// Invoice lines whose posted credit notes (by line: `credits_line_no`) credit more quantity, net or tax than the
    /// line sold, by invoice id then line: one grouped read of the credit notes' lines against the invoice lines.
    func overCreditedLines() throws -> [AuditOverCreditedLine]
    /// Receipts with more allocated from them than their amount, or a negative sum, with that sum, by date then id.
    func overAllocatedReceipts() throws -> [(receipt: AuditReceipt, allocated: Int64)]
    /// Every series and year that holds numbers or has a counter, by series then year.
    func auditNumberSeries() throws -> [AuditNumberSeries]
    /// The runs of numbers missing below the highest number of each series and year (1 … highest), as closed
    /// ranges, by series, year and first number.
    func forEachAuditNumberGap(_ body: (_ series: String, _ year: Int, _ first: Int, _ last: Int) throws -> Void)
        throws
    /// The holders of numbers used more than once, by series, year and number; for one number documents (by id)
    /// come before receipts (by date then id).
    func auditDuplicateNumbers() throws -> [AuditNumberHolder]
    /// Every customer's non-zero balance per currency as of `asOf`, by customer code then currency code.
    func auditCustomerBalances(asOf: CivilDate) throws -> [AuditCustomerBalance]
    /// Write-offs (not reversals) dated `from`…`to`, by date then id.
    func auditWriteOffs(from: CivilDate, to: CivilDate) throws -> [Allocation]
}

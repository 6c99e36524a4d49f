/// A posted invoice dated in a process-metrics period with the date of its first receipt allocation.
public struct ProcessInvoice: Hashable, Sendable {
    public var id: Int64
    public var date: CivilDate
    /// Earliest date of a receipt allocated to it (allocations from receipts, amount > 0, not reversals); nil
    /// when no receipt paid it.
    public var firstReceipt: CivilDate?
    public init(id: Int64, date: CivilDate, firstReceipt: CivilDate?) {
        self.id = id
        self.date = date
        self.firstReceipt = firstReceipt
    }
}

/// An allocation of a receipt dated in a process-metrics period (amount > 0, not a reversal).
public struct ProcessAllocation: Hashable, Sendable {
    public var id: Int64
    /// The allocation's own date.
    public var date: CivilDate
    public var receiptID: Int64
    public var receiptDate: CivilDate
    public init(id: Int64, date: CivilDate, receiptID: Int64, receiptDate: CivilDate) {
        self.id = id
        self.date = date
        self.receiptID = receiptID
        self.receiptDate = receiptDate
    }
}

/// A contact-log entry dated in a period or promising payment in it, with the customer's receipts around it.
public struct ProcessContact: Hashable, Sendable {
    public var date: CivilDate
    public var who: String
    public var promisedDate: CivilDate?
    /// Minor units as stored (no currency: the contact log records none).
    public var promisedAmount: Int64?
    /// Sum of the customer's receipt amounts (minor units, every currency) dated from the contact's date to the
    /// promised date, both included; 0 without a promised date.
    public var paidByPromise: Int64
    /// Whether the customer has a receipt dated 1 to 14 days after the contact.
    public var paidWithin14Days: Bool
    public init(date: CivilDate, who: String, promisedDate: CivilDate?, promisedAmount: Int64?,
                paidByPromise: Int64, paidWithin14Days: Bool) {
        self.date = date
        self.who = who
        self.promisedDate = promisedDate
        self.promisedAmount = promisedAmount
        self.paidByPromise = paidByPromise
        self.paidWithin14Days = paidWithin14Days
    }
}

/// A posted or void document (invoice or credit note) dated in a period.
public struct ProcessDocument: Hashable, Sendable {
    public var id: Int64
    public var kind: DocumentKind
    public var status: DocumentStatus
    public init(id: Int64, kind: DocumentKind, status: DocumentStatus) {
        self.id = id
        self.kind = kind
        self.status = status
    }
}

/// What the process metrics (`ProcessMetrics`, issue 10) read: each metric's rows for one period, set-based, and
/// the audit log as a stream. Periods are inclusive business dates. Synchronous and free of database types; the
/// SQLite store implements it in `LedgerStore/Audit/`. Every method throws `LedgerError.storage` on a store
/// failure (and what the body throws). Bodies must not call the store.
public protocol ProcessQueries: AnyObject {
    /// Posted invoices dated `from`…`to`, by id.
    func forEachProcessInvoice(from: CivilDate, to: CivilDate, _ body: (ProcessInvoice) throws -> Void) throws
    /// Allocations (amount > 0, not reversals) of receipts dated `from`…`to`, by allocation id.
    func forEachProcessAllocation(from: CivilDate, to: CivilDate, _ body: (ProcessAllocation) throws -> Void) throws
    /// Contact-log entries dated `from`…`to` or with a promised date in it, by date and id.
    func forEachProcessContact(from: CivilDate, to: CivilDate, _ body: (ProcessContact) throws -> Void) throws
    /// Posted and void documents dated `from`…`to`, by id.
    func forEachProcessDocument(from: CivilDate, to: CivilDate, _ body: (ProcessDocument) throws -> Void) throws
    /// The audit log in sequence order, one stored entry at a time: a bulk entry's commands come together (same
    /// sequence number), a single command as an array of one. With `since`, only entries whose UTC day is on or
    /// after it. Read through a cursor: the log is never held whole.
    func forEachAuditEntry(since: CivilDate?, _ body: ([AuditLogEntry]) throws -> Void) throws
    /// A document's status, nil when there is none with that id.
    func documentStatus(id: Int64) throws -> DocumentStatus?
}

/// The writes (and the reads that decide them) a command may do inside one store transaction.
///
/// Synchronous and free of any database library's types, so SQLite (GRDB) and, later, PostgreSQL stores
/// implement it alike. Every method throws `LedgerError.storage` on a store failure.
public protocol LedgerTransaction: ReceivablesTransaction, ClassificationTransaction, TradeTransaction,
    ProductTransaction, InteropTransaction {
    func customer(id: Int64) throws -> Customer?
    func customer(code: String) throws -> Customer?
    /// The first customer (by code) whose name is exactly `name`.
    func customer(named name: String) throws -> Customer?
    /// For each of `names` some customer has: how many customers have it and the first two codes by code (the first
    /// is what `customer(named:)` gives), in one statement (an import looks up a chunk's names at once). Names no
    /// customer has are not in the result.
    func customerCodes(named names: [String]) throws -> [String: CustomerNameMatches]
    /// Which of `codes` (compared as `customer(code:)` compares them) a customer has, in one statement.
    func customersExisting(codes: [String]) throws -> Set<String>
    /// The first customer code (by code) matching the SQLite GLOB `pattern` (`KH[0-9][0-9][0-9]`), or nil.
    func firstCustomerCode(glob pattern: String) throws -> String?
    /// Which of `externalReferences` a posted or draft document carries (e.g. imported invoice numbers; an import
    /// asks for a chunk of rows at once).
    func documentsExisting(externalReferences: [String]) throws -> Set<String>
    /// Inserts and returns the new id.
    func insert(_ customer: Customer) throws -> Int64
    /// Inserts customers in order (one statement: an import creates a chunk's new customers at once); returns their
    /// new ids, in order. Their search keys are kept as for single inserts.
    func insert(customers: [Customer]) throws -> [Int64]
    func update(_ customer: Customer) throws

    func product(id: Int64) throws -> Product?
    func product(sku: String) throws -> Product?
    func insert(_ product: Product) throws -> Int64

    func salesperson(id: Int64) throws -> Salesperson?
    func salesperson(code: String) throws -> Salesperson?
    func insert(_ salesperson: Salesperson) throws -> Int64
    /// Rewrites the salesperson row (by id): name and region.
    func update(_ salesperson: Salesperson) throws

    /// Reads and bumps the counter of `series` in `year` in this transaction: gapless, never reused.
    func nextNumber(series: String, year: Int) throws -> Int
    /// Raises the counter of `series` in `year` to at least `atLeast`; returns the value it had (0 when none).
    func raiseNumberCounter(series: String, year: Int, atLeast: Int) throws -> Int

    /// Inserts a document with its lines; returns the new id.
    func insert(_ invoice: Invoice) throws -> Int64
    /// Inserts documents with their lines, in order; returns their new ids. Inside a bulk chunk the store may bring
    /// derived values (open amounts, balances) up to date once for the call.
    func insert(invoices: [Invoice]) throws -> [Int64]
    func invoice(id: Int64) throws -> Invoice?
    /// By display number such as `INV-2026-000123`, or by external reference when `number` is not found.
    func invoice(number: String) throws -> Invoice?
    func setStatus(invoiceID: Int64, status: DocumentStatus, voidReason: String) throws
    func setDispute(invoiceID: Int64, isDisputed: Bool, reason: String) throws

    func insert(_ receipt: Receipt) throws -> Int64
    func receipt(id: Int64) throws -> Receipt?
    func receipt(number: String) throws -> Receipt?

    func insert(_ allocation: Allocation) throws -> Int64
    func allocation(id: Int64) throws -> Allocation?
    /// Whether a reversal of the allocation exists.
    func isReversed(allocationID: Int64) throws -> Bool
    /// Net allocated to an invoice (reversals subtract), in minor units.
    func allocatedToInvoice(id: Int64) throws -> Int64
    /// Net allocated from a receipt or credit note, in minor units.
    func allocatedFrom(source: AllocationSource, id: Int64) throws -> Int64
    /// Posted invoices of the customer whose open balance is > 0, oldest due date first (then number).
    func openInvoices(customerID: Int64) throws -> [OpenItem]
    /// The posted invoices among `numbers` open now (open amount ≠ 0; for manual allocation), in one read.
    func openInvoices(numbers: [String]) throws -> [OpenItem]
    /// How many rows this connection has inserted, updated or deleted so far (triggers' rows included): equal
    /// before and after a stretch of code when it wrote nothing.
    func rowsChanged() -> Int
    /// The latest allocation date on each of `invoiceIDs` that has an allocation, in one read.
    func latestAllocationDates(invoiceIDs: [Int64]) throws -> [Int64: CivilDate]
    /// Inserts receipts, each with its allocations (their `sourceID` becomes the receipt's new id), in order;
    /// returns the new ids. Inside a bulk chunk the store may bring derived values up to date once for the call.
    func insert(receipts: [Receipt], allocations: [[Allocation]]) throws -> [(receipt: Int64, allocations: [Int64])]
    /// Inserts `allocations` (a chunk of invoices' credit notes', `BatchRunner.postInvoices`) in order, in one
    /// statement; returns their new ids. The row triggers keep the open amounts and balances, as for one insert.
    func insert(allocations: [Allocation]) throws -> [Int64]
    /// Receipts and credit notes of the customer with an unapplied amount > 0, oldest first.
    func unappliedCredits(customerID: Int64) throws -> [UnappliedCredit]
    /// Credit control's figures of the customer as aggregates (no list of open invoices; issue 10).
    func creditPosition(customerID: Int64, currency: Currency, asOf: CivilDate) throws -> CreditPosition
    /// What deciding a credit hold on `asOf` reads, for posting (issue 10: no open invoice summed per post): the
    /// open and unapplied sums of `creditPosition`, `overdue` left 0 (no hold depends on it), and `oldestOpen` only
    /// when it is at least `stopCreditFromDays` overdue (it then names the hold), else nil. One position per
    /// customer asked, in order (a chunk of invoices asks for its customers at once). `naming` false: the oldest
    /// open invoice's number may be left empty — a caller whose every post carries an override reason never shows
    /// the hold's reasons, and the hold itself depends on the due date only (issue 10: reading the numbers was
    /// 11 % of `import sales` at 1M).
    func creditHoldPositions(_ customers: [(customerID: Int64, currency: Currency, stopCreditFromDays: Int)],
                             asOf: CivilDate, naming: Bool) throws -> [CreditPosition]

    func user(name: String) throws -> LedgerUser?
    func save(_ user: LedgerUser) throws
    func activeAdminCount() throws -> Int
    /// Whether the ledger holds any invoice, credit note or receipt, in any status (the base currency is fixed
    /// then: their amounts, rates and vouchers are in it). - Throws: `LedgerError.storage`.
    func hasDocuments() throws -> Bool
    /// Stores a password hash for `user` and clears its failed-login count.
    func setPasswordHash(user: String, hash: String) throws

    /// Appends an audit entry; the store numbers it and chains its hash.
    func appendAudit(_ entry: AuditDraft) throws
    /// Appends one entry for several commands of a bulk load, in order (issue 10: one entry per chunk). A store
    /// without a bulk format appends them one by one.
    func appendAuditChunk(_ entries: [AuditDraft]) throws
}

/// A storage back end: one write path (`write`, one transaction) and paged, read-only queries.
public protocol LedgerStore: LedgerQueries, AnyObject {
    /// Runs `body` in one transaction (SQLite `BEGIN IMMEDIATE`): all of it commits, or none of it.
    func write<T>(_ body: (any LedgerTransaction) throws -> T) throws -> T
    /// Runs `body` in a series of transactions on one connection (issue 10: a bulk load commits in chunks so its
    /// write-ahead log and page cache stay small): `commit()` commits what `body` wrote so far and opens the next
    /// transaction; what follows the last `commit()` commits when `body` returns and rolls back when it throws.
    /// Between two chunks other writers may take the lock. The default runs everything in one `write`.
    func writeInChunks<T>(_ body: (any LedgerTransaction, _ commit: () throws -> Void) throws -> T) throws -> T
}

extension LedgerStore {
    public func writeInChunks<T>(_ body: (any LedgerTransaction, _ commit: () throws -> Void) throws -> T) throws -> T {
        try write { tx in try body(tx, {}) }
    }
}

extension LedgerTransaction {
    public func appendAuditChunk(_ entries: [AuditDraft]) throws {
        for entry in entries { try appendAudit(entry) }
    }

    /// From the full lists, for a store without an aggregate query.
    public func creditPosition(customerID: Int64, currency: Currency, asOf: CivilDate) throws -> CreditPosition {
        CreditPosition.from(open: try openInvoices(customerID: customerID),
                            unapplied: try unappliedCredits(customerID: customerID), currency: currency, asOf: asOf)
    }

    /// The full position, for a store without a cheaper query.
    public func creditHoldPositions(_ customers: [(customerID: Int64, currency: Currency, stopCreditFromDays: Int)],
                                    asOf: CivilDate, naming: Bool) throws -> [CreditPosition] {
        try customers.map { try creditPosition(customerID: $0.customerID, currency: $0.currency, asOf: asOf) }
    }
}

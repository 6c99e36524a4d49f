/// The progress of a bulk load that commits in chunks (issue 10), kept in the ledger in the same transaction as each
/// chunk: a load killed in the middle leaves whole chunks and this marker, and running the same load again resumes
/// after the last committed chunk. Deleted in the load's last transaction.
public struct BulkLoadMarker: Hashable, Sendable, Codable {
    /// Which load: `sample generate`.
    public var name: String
    /// The load's options as one text (`lang=zh customers=200 invoices=3000 seed=1 today=2026-06-30`); a resume
    /// needs the same text, because the load is deterministic only for the same options.
    public var parameters: String
    /// Documents of the load have ids above this one.
    public var firstDocumentID: Int64
    /// Invoices (with their credit notes) committed, in generation order.
    public var invoicesDone: Int
    /// Receipts committed, in posting order.
    public var receiptsDone: Int

    public init(name: String, parameters: String, firstDocumentID: Int64, invoicesDone: Int = 0,
                receiptsDone: Int = 0) {
        self.name = name
        self.parameters = parameters
        self.firstDocumentID = firstDocumentID
        self.invoicesDone = invoicesDone
        self.receiptsDone = receiptsDone
    }
}

/// A posted invoice as a resumed load reads it back: what the generator needs of an invoice it wrote before.
public struct LoadedInvoice: Hashable, Sendable {
    public var id: Int64
    public var displayNumber: String
    public var total: Money
    public var dueDate: CivilDate
    public var lineCount: Int
    public init(id: Int64, displayNumber: String, total: Money, dueDate: CivilDate, lineCount: Int) {
        self.id = id
        self.displayNumber = displayNumber
        self.total = total
        self.dueDate = dueDate
        self.lineCount = lineCount
    }
}

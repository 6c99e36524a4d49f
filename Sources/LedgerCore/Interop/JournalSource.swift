/// A receipt or a bad-debt write-off as the journal export needs it. `method` is the receipt method's raw value
/// (`bank_transfer` …), nil for a write-off; `number` is the receipt's number, or the written-off invoice's.
public struct JournalPayment: Hashable, Sendable {
    public var date: CivilDate
    public var number: String
    public var customerCode: String
    public var customerName: String
    public var method: String?
    public var amount: Money
    public init(date: CivilDate, number: String, customerCode: String, customerName: String, method: String?,
                amount: Money) {
        self.date = date
        self.number = number
        self.customerCode = customerCode
        self.customerName = customerName
        self.method = method
        self.amount = amount
    }
}

/// One entry of the journal export, in export order.
public enum JournalItem: Hashable, Sendable {
    case document(DocumentTotals)
    case payment(JournalPayment)
}

/// Streams what the journal export writes, so that a million invoices never sit in memory at once.
public protocol JournalQueries {
    /// Calls `body` with every posted document, receipt and write-off dated in `from...to` (nil: open), ordered by
    /// date; on one date documents (by id), then receipts (by id), then write-offs (by allocation id). All reads see
    /// one snapshot. `progress` gets the items done and their count (counted first).
    func forEachJournalItem(from: CivilDate?, to: CivilDate?, progress: ((Int, Int) -> Void)?,
                            _ body: (JournalItem) throws -> Void) throws
}

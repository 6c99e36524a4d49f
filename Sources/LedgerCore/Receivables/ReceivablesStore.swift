/// Receivables-engine writes a command may do inside a transaction (contacts, snoozes, rates, rules).
/// `LedgerTransaction` inherits it; the SQLite store implements it in `LedgerStore/Receivables/`.
/// Every method throws `LedgerError.storage` on a store failure.
public protocol ReceivablesTransaction: AnyObject {
    /// Appends a contact-log entry (never edited); returns its id.
    func insert(_ contact: ContactLogEntry) throws -> Int64
    /// Appends a snooze; returns its id.
    func insert(_ snooze: ReminderSnooze) throws -> Int64
    /// Stores the rate of `rate.currency` on `rate.date`, replacing one for the same day and currency.
    func save(_ rate: ExchangeRate) throws
    /// The ledger's base (reporting) currency; nil until set.
    func baseCurrency() throws -> Currency?
    func setBaseCurrency(_ currency: Currency) throws
    /// The stored reminder rules, or the defaults when none are stored.
    func reminderRules() throws -> ReminderRules
    func save(_ rules: ReminderRules) throws
    /// The latest date of any allocation (or reversal) on the invoice; nil when none.
    /// New allocations are dated no earlier (see `AllocationDating`).
    func latestAllocationDate(invoiceID: Int64) throws -> CivilDate?
    /// The latest date of any allocation or reversal of one source (a receipt or credit note), or nil.
    func latestAllocationDate(source: AllocationSource, sourceID: Int64) throws -> CivilDate?
}

/// Dating rule of allocations: an allocation (or reversal, or write-off) is dated no earlier than its source,
/// the invoice, every earlier allocation on the invoice and every earlier allocation or reversal of the same
/// source. So on both sides, allocations dated on or before any date are a prefix of the order they were made in:
/// an invoice's open balance and a source's unapplied credit as of any date are never negative (amounts are
/// bounded by the open balance and the unapplied credit when made). Without the source side, credit freed by a
/// reversal could be re-allocated to another invoice dated before the reversal, over-allocating the source as of
/// the days between.
public enum AllocationDating {
    /// - Parameters: `source`/`sourceID` name the receipt or credit note (nil for a write-off, which has none).
    /// - Throws: `LedgerError.storage` when the store cannot be read.
    public static func date(_ wanted: CivilDate, invoiceID: Int64, invoiceDate: CivilDate,
                            source: AllocationSource? = nil, sourceID: Int64? = nil,
                            tx: any LedgerTransaction) throws -> CivilDate {
        let fromSource = try source.flatMap { source in
            try sourceID.flatMap { try tx.latestAllocationDate(source: source, sourceID: $0) }
        }
        return date(wanted, invoiceDate: invoiceDate,
                    latestOnInvoice: try tx.latestAllocationDate(invoiceID: invoiceID), latestFromSource: fromSource)
    }

    /// The rule itself, given the latest allocation dates on the invoice and from the source (nil when none).
    public static func date(_ wanted: CivilDate, invoiceDate: CivilDate, latestOnInvoice: CivilDate?,
                            latestFromSource: CivilDate?) -> CivilDate {
        max(wanted, invoiceDate, latestOnInvoice ?? invoiceDate, latestFromSource ?? wanted)
    }
}

/// Receivables-engine read queries (statements, DSO, reminders, …). `LedgerQueries` inherits it.
public protocol ReceivablesQueries: ReceivablesAggregateQueries, ReceivablesListQueries {
    /// Everything the receivables figures are computed from: customers, posted (non-void) invoices and credit
    /// notes, receipts, allocations (with reversals), contacts and snoozes — of one customer, or all when nil.
    func receivablesSnapshot(customerID: Int64?) throws -> ReceivablesSnapshot
    /// The base currency and every stored rate.
    func exchangeRates() throws -> ExchangeRateTable
    /// The stored reminder rules, or `ReminderRules.standard`.
    func storedReminderRules() throws -> ReminderRules
    /// Credit control's aggregates of customer `customerID` in `currency` as of `asOf`, read from the maintained
    /// balances by the same query credit control runs when posting (no list of the customer's invoices); nil when
    /// something is dated after `asOf`, since the maintained values are then not the values as of it.
    /// - Throws: `LedgerError.storage`.
    func maintainedCreditPosition(customerID: Int64, currency: Currency, asOf: CivilDate) throws -> CreditPosition?
}

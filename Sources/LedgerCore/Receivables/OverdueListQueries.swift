/// The order of the receivables screen's overdue list (`s` switches it).
public enum OverdueOrder: String, Sendable, Hashable, CaseIterable {
    /// Oldest due date first, then invoice number.
    case dueDate
    /// Largest open amount first, then invoice number.
    case amount
}

/// Which open invoices can have a reminder due on a date (`ReminderEngine.candidates`): a superset the store
/// selects by index before the engine decides each one, so "reminders due today" reads a fraction of the open
/// invoices (issue 10). An invoice is a candidate when its due date is the date plus one of `daysBeforeDue` (0: due
/// that day), or it is overdue by 1 + m × e days (m ≥ 0) for some e in `everyDays`, or its customer is one of
/// `customerIDs` (customers with contacts or snoozes, whose reminders move with them).
public struct ReminderCandidates: Sendable, Hashable {
    public var daysBeforeDue: Set<Int>
    public var everyDays: Set<Int>
    public var customerIDs: Set<Int64>

    public init(daysBeforeDue: Set<Int>, everyDays: Set<Int>, customerIDs: Set<Int64>) {
        self.daysBeforeDue = daysBeforeDue
        self.everyDays = everyDays
        self.customerIDs = customerIDs
    }

    /// Whether an invoice `daysOverdue` days past due (negative: before) of customer `customerID` is a candidate —
    /// the rule the store's SQL applies (tests compare them).
    public func contains(daysOverdue days: Int, customerID: Int64) -> Bool {
        if customerIDs.contains(customerID) || daysBeforeDue.contains(-days) { return true }
        return days > 0 && everyDays.contains { (days - 1) % max(1, $0) == 0 }
    }
}

/// Paged reads of the receivables screen (issue 10): the overdue list one keyset page at a time in SQL, its counts,
/// and the invoices that can have a reminder due. - Throws: `LedgerError.storage`.
public protocol ReceivablesListQueries: AnyObject {
    /// At most `limit` invoices of `currency` open on `asOf` (posted, dated ≤ `asOf`, open amount as of `asOf` ≠ 0)
    /// and past due (due date < `asOf`), in `order`, after the item `after` of the previous page (nil: from the
    /// first); when `backwards`, the `limit` items before `after` (nil: the last page), still in `order`. Today's
    /// list reads the maintained open rows by the partial index on due date.
    func overdueItems(asOf: CivilDate, currency: Currency, order: OverdueOrder, after: OpenItem?, backwards: Bool,
                      limit: Int) throws -> [OpenItem]
    /// The number of those invoices per currency (currencies with none are left out).
    func overdueCounts(asOf: CivilDate) throws -> [Currency: Int]
    /// `forEachOpenInvoice(asOf:)` limited to `candidates` (same order, same rows where they are candidates).
    func forEachOpenInvoice(asOf: CivilDate, candidates: ReminderCandidates,
                            _ body: (ReceivableDocument, Int64, Customer?) throws -> Void) throws
    /// A due date no later than that of any invoice open on `asOf` (today: the earliest open due date; another
    /// date: the earliest invoice date, since a due date is never before its invoice's date); nil: no invoices.
    func earliestReminderDue(asOf: CivilDate) throws -> CivilDate?
    /// At most `limit` of the invoices `selection` selects (open on `asOf` as for `forEachOpenInvoice`, not
    /// disputed, customer not one of `selection.customerIDs`, due date listed for the customer's class) with their
    /// open amounts and customers, in the reminders list's order after `from` (nil: from the first), or when
    /// `backwards` in reverse order before `from` (nil: from the last).
    func reminderInvoices(asOf: CivilDate, selection: ReminderSelection, from: ReminderKey?, backwards: Bool,
                          limit: Int) throws -> [(invoice: ReceivableDocument, open: Int64, customer: Customer?)]
    /// The number of those invoices per currency (none: left out).
    func reminderInvoiceCounts(asOf: CivilDate, selection: ReminderSelection) throws -> [Currency: Int]
}

extension ReceivablesListQueries {
    /// A page forwards (`overdueItems(…, backwards: false, …)`).
    public func overdueItems(asOf: CivilDate, currency: Currency, order: OverdueOrder, after: OpenItem?,
                             limit: Int) throws -> [OpenItem] {
        try overdueItems(asOf: asOf, currency: currency, order: order, after: after, backwards: false, limit: limit)
    }
}

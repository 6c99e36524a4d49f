import LedgerCore

/// One page of the reminders due on a date (issue 10): the items in the list's order and each item's position
/// (`keys[i]` is `items[i]`'s), from which the next or previous page is read.
public struct ReminderPage: Sendable, Hashable {
    public var items: [ReminderItem] = []
    public var keys: [ReminderKey] = []
    public init(items: [ReminderItem] = [], keys: [ReminderKey] = []) {
        self.items = items
        self.keys = keys
    }
}

/// The reminders due on a date, one keyset page at a time, and their count (issue 10), so the receivables screen
/// sends only a visible page through the engine. The engine still decides: it names the due dates per policy
/// (`ReminderEngine.selection`), the store reads and counts those invoices by index, and the invoices of
/// customers with contacts or snoozes (few) are each decided by the engine and merged in by position.
extension Reports {
    /// The engine, its selection and the contacted customers' due reminders (sorted by position) on `date`.
    func dueReminderParts(on date: CivilDate) throws
        -> (engine: ReminderEngine, selection: ReminderSelection, contacted: [(key: ReminderKey, item: ReminderItem)]) {
        let (contacts, snoozes) = try store.reminderContacts(asOf: date)
        let engine = ReminderEngine(on: date, contacts: contacts, snoozes: snoozes,
                                    rules: try store.storedReminderRules(), dueOnly: true)
        let selection = engine.selection(earliestDue: try store.earliestReminderDue(asOf: date))
        var contacted: [(key: ReminderKey, item: ReminderItem)] = []
        if !selection.customerIDs.isEmpty {
            let only = ReminderCandidates(daysBeforeDue: [], everyDays: [], customerIDs: selection.customerIDs)
            try store.forEachOpenInvoice(asOf: date, candidates: only) { invoice, open, customer in
                if let item = engine.item(invoice: invoice, open: open, customer: customer) {
                    contacted.append((ReminderKey(invoice), item))
                }
            }
            contacted.sort { $0.key < $1.key }
        }
        return (engine, selection, contacted)
    }

    /// At most `limit` reminders due on `date`, in the list's order (oldest due date, then invoice date and number)
    /// after `from` (nil: the first page), or when `backwards` the `limit` before `from` (nil: the last page), still
    /// in the list's order. The same items as `reminders(on: date, dueOnly: true)`. - Throws: `LedgerError.storage`.
    public func reminderPage(on date: CivilDate, from: ReminderKey?, backwards: Bool = false,
                             limit: Int = Reports.overduePageSize) throws -> ReminderPage {
        try store.readSnapshot {
            let rows = try duePage(try dueReminderParts(on: date), on: date, from: from, backwards: backwards,
                                   limit: limit)
            return ReminderPage(items: rows.map(\.item), keys: rows.map(\.key))
        }
    }

    /// Every reminder due on `date` to `body`, in the list's order, a page of 20,000 at a time: each page sorts
    /// every selected invoice from its first due date on, so pages of 1,000 sorted 700k rows for the 37,570
    /// reminders at 1M (3 s CPU). - Throws: as `body`, or `LedgerError.storage`.
    func forEachDueReminder(on date: CivilDate, _ body: (ReminderItem) throws -> Void) throws {
        try store.readSnapshot {
            let parts = try dueReminderParts(on: date)
            var from: ReminderKey?
            while true {
                let rows = try duePage(parts, on: date, from: from, backwards: false, limit: 20_000)
                for row in rows { try body(row.item) }
                guard rows.count == 20_000, let last = rows.last else { return }
                from = last.key
            }
        }
    }

    func duePage(_ parts: (engine: ReminderEngine, selection: ReminderSelection,
                                   contacted: [(key: ReminderKey, item: ReminderItem)]),
                         on date: CivilDate, from: ReminderKey?, backwards: Bool,
                         limit: Int) throws -> [(key: ReminderKey, item: ReminderItem)] {
        var rows: [(key: ReminderKey, item: ReminderItem)] = []
        var position = from
        while true {
            let read = try store.reminderInvoices(asOf: date, selection: parts.selection, from: position,
                                                  backwards: backwards, limit: limit)
            for (invoice, open, customer) in read {
                if let item = parts.engine.item(invoice: invoice, open: open, customer: customer) {
                    rows.append((ReminderKey(invoice), item))
                }
            }
            position = read.last.map { ReminderKey($0.invoice) }
            if read.count < limit || rows.count >= limit { break }
        }
        rows += parts.contacted.filter { row in from.map { backwards ? row.key < $0 : row.key > $0 } ?? true }
        rows.sort { $0.key < $1.key }
        return backwards ? Array(rows.suffix(limit)) : Array(rows.prefix(limit))
    }

    /// The number of reminders due on `date` per currency (none: left out): the store's count of the selected
    /// invoices plus the contacted customers' due reminders. - Throws: `LedgerError.storage`.
    public func reminderCounts(on date: CivilDate) throws -> [Currency: Int] {
        try store.readSnapshot { try reminderCounts(try dueReminderParts(on: date), on: date) }
    }

    func reminderCounts(_ parts: (engine: ReminderEngine, selection: ReminderSelection,
                                  contacted: [(key: ReminderKey, item: ReminderItem)]),
                        on date: CivilDate) throws -> [Currency: Int] {
        var counts = try store.reminderInvoiceCounts(asOf: date, selection: parts.selection)
        for row in parts.contacted { counts[row.item.currency, default: 0] += 1 }
        return counts
    }
}

/// The reminder rule of `Reminders.list` applied one open invoice at a time, so a store can stream the invoices
/// open on a date (issue 10) instead of building a snapshot: `item` gives the invoice's collection-list entry, or
/// nil when `Reminders.list` would leave it out (disputed, neither overdue nor with a reminder due, or no
/// reminder due when `dueOnly`). Holds the contacts and snoozes dated on or before the date, by customer.
public struct ReminderEngine: Sendable {
    public let date: CivilDate
    public let rules: ReminderRules
    public let dueOnly: Bool
    private var contactsByCustomer: [Int64: [ContactLogEntry]] = [:]
    private var snoozesByCustomer: [Int64: [ReminderSnooze]] = [:]

    /// `contacts` and `snoozes` may include entries dated after `date` (they are left out here).
    public init(on date: CivilDate, contacts: [ContactLogEntry], snoozes: [ReminderSnooze], rules: ReminderRules,
                dueOnly: Bool) {
        self.date = date
        self.rules = rules
        self.dueOnly = dueOnly
        for contact in contacts where contact.date <= date {
            contactsByCustomer[contact.customerID, default: []].append(contact)
        }
        for snooze in snoozes where snooze.date <= date {
            snoozesByCustomer[snooze.customerID, default: []].append(snooze)
        }
    }

    /// The entry of `invoice` (open `open` minor units > 0 on the date, of `customer`), or nil when not listed.
    public func item(invoice: ReceivableDocument, open: Int64, customer: Customer?) -> ReminderItem? {
        guard !invoice.isDisputed else { return nil }
        let policy = rules.policy(forClass: customer?.customerClass ?? "")
        let contacts = (contactsByCustomer[invoice.customerID] ?? []).filter { $0.concerns(invoice) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let snoozes = (snoozesByCustomer[invoice.customerID] ?? []).filter { $0.concerns(invoice) }
        let item = Reminders.evaluate(invoice: invoice, open: open, customer: customer, on: date, policy: policy,
                                      contacts: contacts, snoozes: snoozes)
        guard item.daysOverdue > 0 || item.dueReminder != nil, !dueOnly || item.dueReminder != nil else { return nil }
        return item
    }

    /// The invoices that can have a reminder due on the date when `dueOnly` (a superset; `item` decides): before
    /// due and on the due date by every policy's days, overdue by each policy's interval (the first reminder the day
    /// after the due date), and every invoice of a customer with contacts or snoozes (they move the anchor).
    public var candidates: ReminderCandidates {
        let policies = [rules.standardPolicy] + Array(rules.byCustomerClass.values)
        var before = Set(policies.flatMap(\.daysBeforeDue))
        if policies.contains(where: \.onDueDate) { before.insert(0) }
        return ReminderCandidates(daysBeforeDue: before, everyDays: Set(policies.map { max(1, $0.overdueEveryDays) }),
                                  customerIDs: Set(contactsByCustomer.keys).union(snoozesByCustomer.keys))
    }
}

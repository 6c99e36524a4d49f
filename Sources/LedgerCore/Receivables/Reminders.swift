/// Why a reminder is due.
public enum ReminderKind: Hashable, Sendable, Codable {
    /// `days` before the due date.
    case beforeDue(days: Int)
    case onDueDate
    /// `days` past the due date on the regular overdue schedule.
    case overdue(days: Int)
    /// The day after a promised payment date passed with the invoice still open.
    case brokenPromise(promised: CivilDate)
}

/// One invoice on the collection list on a date: its open balance, dunning level, and whether a reminder is due
/// that day (and why).
public struct ReminderItem: Hashable, Sendable, Codable {
    public var invoiceID: Int64
    public var invoiceNumber: String
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var dueDate: CivilDate
    public var currency: Currency
    /// Open balance as of the date, minor units, > 0.
    public var open: Int64
    /// Date − due date (negative before the due date).
    public var daysOverdue: Int
    public var level: DunningLevel
    public var brokenPromises: Int
    /// The reminder due on the date, or nil when none is (quiet between reminders, snoozed, promise pending).
    public var dueReminder: ReminderKind?
    public var isSnoozed: Bool
    /// A promised payment date on or after the date (reminders wait for it).
    public var pendingPromise: CivilDate?
    public var lastContact: CivilDate?
}

/// The reminder engine: which reminders are due on a date, computed only from the rules, the invoices, the
/// contact log and the snoozes — no stored state, so the same inputs always give the same list.
///
/// For each posted invoice open on date D (dated ≤ D, allocations dated ≤ D counted), not disputed:
/// - snoozed (a snooze set on or before D with `until` > D, for the customer or that invoice): nothing is due;
/// - before the due date: due when D is one of the policy's `daysBeforeDue`; on the due date when `onDueDate`;
/// - overdue: the schedule starts from an anchor, the latest of: the day after the due date; the last contact
///   (≤ D) + M days, or, when that contact promised a date P, P + 1; the end of the last snooze. A reminder is
///   due when D ≥ anchor and (D − anchor) is a multiple of M (`overdueEveryDays`). While a promise is pending
///   (P ≥ D) nothing is due;
/// - level: from days overdue (`ReminderPolicy.level`), raised by one per broken promise (a promise dated
///   before D whose contact concerns the invoice and was made on or after the invoice date), capped at stop credit.
/// Disputed invoices get no reminders and are not listed.
public enum Reminders {
    /// The collection list on `date`: open, undisputed invoices that are overdue or have a reminder due,
    /// oldest due date first (then number). `dueOnly` keeps only those with a reminder due on `date`.
    public static func list(on date: CivilDate, snapshot: ReceivablesSnapshot, rules: ReminderRules = .standard,
                            dueOnly: Bool = false) -> [ReminderItem] {
        var customers: [Int64: Customer] = [:]
        for customer in snapshot.customers { customers[customer.id] = customer }
        let engine = ReminderEngine(on: date, contacts: snapshot.contacts, snoozes: snapshot.snoozes, rules: rules,
                                    dueOnly: dueOnly)
        return snapshot.openInvoices(asOf: date).compactMap { invoice, open in
            engine.item(invoice: invoice, open: open, customer: customers[invoice.customerID])
        }
    }

    static func evaluate(invoice: ReceivableDocument, open: Int64, customer: Customer?, on date: CivilDate,
                         policy: ReminderPolicy, contacts: [ContactLogEntry],
                         snoozes: [ReminderSnooze]) -> ReminderItem {
        let days = invoice.dueDate.days(to: date)
        let every = max(1, policy.overdueEveryDays)
        let isSnoozed = snoozes.contains { $0.until > date }
        let lastContact = contacts.last
        let pending = contacts.compactMap(\.promisedDate).filter { $0 >= date }.max()
        let broken = contacts.filter { contact in
            guard let promised = contact.promisedDate else { return false }
            return promised < date && contact.date >= invoice.date
        }
        var level = DunningLevel.friendly
        if days > 0 {
            let raised = policy.level(daysOverdue: days).rawValue + broken.count
            level = DunningLevel(rawValue: min(raised, DunningLevel.stopCredit.rawValue)) ?? .stopCredit
        }
        var due: ReminderKind?
        if !isSnoozed, pending == nil {
            if days < 0 {
                if policy.daysBeforeDue.contains(-days) { due = .beforeDue(days: -days) }
            } else if days == 0 {
                if policy.onDueDate { due = .onDueDate }
            } else {
                var anchor = invoice.dueDate.adding(days: 1)
                var anchorIsPromise: CivilDate?
                if let contact = lastContact {
                    let next = contact.promisedDate.map { $0.adding(days: 1) } ?? contact.date.adding(days: every)
                    if next > anchor {
                        anchor = next
                        anchorIsPromise = contact.promisedDate
                    }
                }
                if let ended = snoozes.map(\.until).filter({ $0 <= date }).max(), ended > anchor {
                    anchor = ended
                    anchorIsPromise = nil
                }
                let since = anchor.days(to: date)
                if since >= 0, since % every == 0 {
                    if let promised = anchorIsPromise, since == 0 {
                        due = .brokenPromise(promised: promised)
                    } else {
                        due = .overdue(days: days)
                    }
                }
            }
        }
        return ReminderItem(invoiceID: invoice.id, invoiceNumber: invoice.number, customerID: invoice.customerID,
                            customerCode: customer?.code ?? "", customerName: customer?.name ?? "",
                            dueDate: invoice.dueDate, currency: invoice.currency, open: open, daysOverdue: days,
                            level: level, brokenPromises: broken.count, dueReminder: due, isSnoozed: isSnoozed,
                            pendingPromise: pending, lastContact: lastContact?.date)
    }
}

/// How a customer was contacted about money owed.
public enum ContactChannel: String, Sendable, Codable, CaseIterable {
    case phone, email, visit, wechat, letter, other
}

/// One entry of the contact log (跟进记录): who spoke to the customer, when, how, what was said, and an
/// optional promise to pay (承诺付款日). Entries are appended, never edited.
///
/// A promise whose date has passed while the invoices it covers are still open is a broken promise; each one
/// raises the dunning level by one (see `Reminders`).
public struct ContactLogEntry: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    /// The invoice talked about; nil = the customer's account as a whole.
    public var invoiceID: Int64?
    public var date: CivilDate
    /// Who made the contact (a user or salesperson name).
    public var who: String
    public var channel: ContactChannel
    public var note: String
    public var promisedDate: CivilDate?
    /// Amount promised, minor units of the customer's currency; nil = the open balance.
    public var promisedAmount: Int64?

    public init(id: Int64 = 0, customerID: Int64, invoiceID: Int64? = nil, date: CivilDate, who: String,
                channel: ContactChannel, note: String, promisedDate: CivilDate? = nil, promisedAmount: Int64? = nil) {
        self.id = id
        self.customerID = customerID
        self.invoiceID = invoiceID
        self.date = date
        self.who = who
        self.channel = channel
        self.note = note
        self.promisedDate = promisedDate
        self.promisedAmount = promisedAmount
    }

    /// Whether this entry concerns `invoice` (entries without an invoice concern all of the customer's).
    public func concerns(_ invoice: ReceivableDocument) -> Bool {
        customerID == invoice.customerID && (invoiceID == nil || invoiceID == invoice.id)
    }
}

/// Reminders for a customer (or one invoice) are held back until `until` (exclusive: on `until` they resume).
public struct ReminderSnooze: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var customerID: Int64
    public var invoiceID: Int64?
    /// The day the snooze was set; it has no effect before.
    public var date: CivilDate
    public var until: CivilDate
    public var reason: String

    public init(id: Int64 = 0, customerID: Int64, invoiceID: Int64? = nil, date: CivilDate, until: CivilDate,
                reason: String) {
        self.id = id
        self.customerID = customerID
        self.invoiceID = invoiceID
        self.date = date
        self.until = until
        self.reason = reason
    }

    public func concerns(_ invoice: ReceivableDocument) -> Bool {
        customerID == invoice.customerID && (invoiceID == nil || invoiceID == invoice.id)
    }
}

/// Logs a contact with a customer (optionally about one invoice, optionally with a promised payment date).
/// Outcome: the stored entry. Errors: `validation` naming `customer`, `invoice`, `who`, `promisedDate`.
public struct LogContact: LedgerCommand {
    public static let name = "contact.log"
    public var customerCode: String
    public var invoiceNumber: String?
    public var date: CivilDate
    public var who: String
    public var channel: ContactChannel
    public var note: String
    public var promisedDate: CivilDate?
    public var promisedAmount: Money?

    public init(customerCode: String, invoiceNumber: String? = nil, date: CivilDate, who: String,
                channel: ContactChannel, note: String, promisedDate: CivilDate? = nil, promisedAmount: Money? = nil) {
        self.customerCode = customerCode
        self.invoiceNumber = invoiceNumber
        self.date = date
        self.who = who
        self.channel = channel
        self.note = note
        self.promisedDate = promisedDate
        self.promisedAmount = promisedAmount
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ContactLogEntry {
        var issues = IssueCollector()
        let (customer, invoice) = try ReceivablesLookup.customerAndInvoice(customerCode, invoiceNumber, tx, &issues)
        issues.check(!who.trimmingSpaces().isEmpty, "who", "who made the contact is required")
        if let promisedDate { issues.check(promisedDate >= date, "promisedDate",
                                           "promised date \(promisedDate) is before the contact date \(date)") }
        if let promisedAmount { issues.check(promisedAmount.minorUnits > 0, "promisedAmount",
                                             "must be greater than 0") }
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound(customerCode) }
        var entry = ContactLogEntry(customerID: customer.id, invoiceID: invoice?.id, date: date, who: who,
                                    channel: channel, note: note, promisedDate: promisedDate,
                                    promisedAmount: promisedAmount?.minorUnits)
        entry.id = try tx.insert(entry)
        context.recordChange(entity: "contact", id: entry.id, before: ContactLogEntry?.none, after: entry)
        return entry
    }
}

/// Holds back reminders for a customer (or one invoice) until a date. Outcome: the stored snooze.
public struct SnoozeReminders: LedgerCommand {
    public static let name = "reminder.snooze"
    public var customerCode: String
    public var invoiceNumber: String?
    public var until: CivilDate
    public var reason: String

    public init(customerCode: String, invoiceNumber: String? = nil, until: CivilDate, reason: String) {
        self.customerCode = customerCode
        self.invoiceNumber = invoiceNumber
        self.until = until
        self.reason = reason
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> ReminderSnooze {
        var issues = IssueCollector()
        let (customer, invoice) = try ReceivablesLookup.customerAndInvoice(customerCode, invoiceNumber, tx, &issues)
        issues.check(until > context.today, "until", "snooze date \(until) must be after today (\(context.today))")
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound(customerCode) }
        var snooze = ReminderSnooze(customerID: customer.id, invoiceID: invoice?.id, date: context.today, until: until,
                                    reason: reason)
        snooze.id = try tx.insert(snooze)
        context.recordChange(entity: "snooze", id: snooze.id, before: ReminderSnooze?.none, after: snooze)
        return snooze
    }
}

enum ReceivablesLookup {
    /// The customer by code and (optionally) one of its invoices by number, adding issues for unknown ones.
    static func customerAndInvoice(_ code: String, _ number: String?, _ tx: any LedgerTransaction,
                                   _ issues: inout IssueCollector) throws -> (Customer?, Invoice?) {
        let customer = try tx.customer(code: code)
        if customer == nil { issues.add("customer", "unknown customer code \(code)") }
        guard let number, !number.isEmpty else { return (customer, nil) }
        let invoice = try tx.invoice(number: number)
        if invoice == nil || invoice?.kind != .invoice {
            issues.add("invoice", "no invoice numbered \(number)")
        } else if let customer, invoice?.customerID != customer.id {
            issues.add("invoice", "\(number) belongs to another customer")
        }
        return (customer, invoice)
    }
}

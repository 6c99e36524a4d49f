/// A position in the reminders list's order (due date, then invoice date, then number: `display_number` is
/// unique), for keyset pages of the list in either direction.
public struct ReminderKey: Sendable, Hashable, Comparable {
    public var dueDate: CivilDate
    public var date: CivilDate
    public var number: String

    public init(dueDate: CivilDate, date: CivilDate, number: String) {
        self.dueDate = dueDate
        self.date = date
        self.number = number
    }

    public init(_ invoice: ReceivableDocument) {
        self.init(dueDate: invoice.dueDate, date: invoice.date, number: invoice.number)
    }

    public static func < (lhs: ReminderKey, rhs: ReminderKey) -> Bool {
        (lhs.dueDate, lhs.date, lhs.number) < (rhs.dueDate, rhs.date, rhs.number)
    }
}

/// The reminders due on a date as the store can select them by index (issue 10). For an invoice whose customer has
/// no contacts and no snoozes, the engine's answer depends only on the customer's policy, the due date and whether
/// it is disputed; so the engine decides once per policy and due date (`ReminderEngine.selection`) and the store
/// reads, counts and pages exactly those invoices in SQL. The invoices of `customerIDs` (contacts or snoozes move
/// their schedule) are left out of the store's selection and decided one by one by the engine.
public struct ReminderSelection: Sendable, Hashable {
    /// Due dates on which the standard policy has a reminder due (customers of a class without its own policy).
    public var standardDueDates: [CivilDate]
    /// The same, per customer class with its own policy.
    public var dueDatesByClass: [String: [CivilDate]]
    /// Customers with contacts or snoozes dated on or before the date.
    public var customerIDs: Set<Int64>

    /// Every listed due date (the index range the store searches), ascending.
    public var allDueDates: [CivilDate] {
        Set(standardDueDates + dueDatesByClass.values.flatMap { $0 }).sorted()
    }
}

extension ReminderEngine {
    /// The store's selection for the reminders due on the date (`dueOnly`). `earliestDue`: a due date no later than
    /// that of any invoice open on the date (nil: none is open). Each policy is asked, through the engine's own
    /// rule, about every candidate due date (`candidates`: before due, on the due date, the overdue intervals back
    /// to `earliestDue`) for an undisputed invoice without contacts or snoozes.
    public func selection(earliestDue: CivilDate?) -> ReminderSelection {
        let candidates = self.candidates
        var dates = Set(candidates.daysBeforeDue.map { date.adding(days: $0) })
        if let earliestDue {
            for every in candidates.everyDays {
                var due = date.adding(days: -1)
                while due >= earliestDue {
                    dates.insert(due)
                    due = due.adding(days: -max(1, every))
                }
            }
        }
        let sorted = dates.sorted()
        func dueDates(_ policy: ReminderPolicy) -> [CivilDate] {
            sorted.filter { due in
                let probe = ReceivableDocument(id: 0, kind: .invoice, number: "", customerID: 0, date: min(due, date),
                                               dueDate: due, currency: .cny, total: 1)
                return Reminders.evaluate(invoice: probe, open: 1, customer: nil, on: date, policy: policy,
                                          contacts: [], snoozes: []).dueReminder != nil
            }
        }
        return ReminderSelection(standardDueDates: dueDates(rules.standardPolicy),
                                 dueDatesByClass: rules.byCustomerClass.mapValues(dueDates),
                                 customerIDs: candidates.customerIDs)
    }
}

/// Credit control (信用控制): posting for a customer over the credit limit, or with an invoice at the dunning
/// level "stop further credit" (overdue at least the reminder policy's `stopCreditFromDays` for the customer's
/// class — configurable with SetReminderRules, `ReminderRules.standard` when none are stored; acceptance bills held
/// count against the limit until maturity), needs a manager's
/// override with a reason (kept in the audit payload). The rule itself is `CreditExposure`, shared with the screens.
enum CreditControl {
    /// What the rule reads of the store for one customer: its hold-deciding position, the stop level of its class
    /// and its acceptance bills. A chunk of invoices (`BatchRunner.postInvoices`) reads it once per customer and
    /// moves the position by its own invoices (`CreditPosition.adding`); a single post reads it every time.
    struct Standing {
        var position: CreditPosition
        var stopDays: Int
        var bills: [AcceptanceBill]

        /// The standings of `customers` (distinct), in order: the hold-deciding figures only (no overdue sum),
        /// the positions read in one statement (issue 10: a chunk of invoices reads its customers' at once), and
        /// bills only where a limit makes them count: the rule (`CreditExposure.evaluate`) reads neither
        /// otherwise, so its hold reasons are the same. `naming` false when every post the standings serve carries
        /// an override reason: the hold is then decided as before but its reasons are never shown, so the oldest
        /// open invoice's number is not read (`LedgerTransaction.creditHoldPositions`).
        static func read(_ customers: [Customer], asOf: CivilDate, tx: any LedgerTransaction,
                         naming: Bool = true) throws -> [Standing] {
            guard !customers.isEmpty else { return [] }
            let rules = try tx.reminderRules()
            let stops = customers.map { rules.policy(forClass: $0.customerClass).stopCreditFromDays }
            let positions = try tx.creditHoldPositions(
                zip(customers, stops).map { (customerID: $0.id, currency: $0.currency, stopCreditFromDays: $1) },
                asOf: asOf, naming: naming)
            return try zip(customers, zip(positions, stops)).map { customer, figures in
                let bills = try customer.creditLimit.map { _ in try tx.acceptanceBills(customerID: customer.id) }
                return Standing(position: figures.0, stopDays: figures.1, bills: bills ?? [])
            }
        }
    }

    /// Whether `reason` overrides a hold (a reason with more than spaces): the hold's reasons are then never shown.
    static func overrides(_ reason: String?) -> Bool { !(reason?.trimmingSpaces().isEmpty ?? true) }

    /// Throws `creditHold` when a sale of `newTotal` puts `customer` (at `standing`) on hold without an override
    /// reason; with one, requires a manager and records the override as a change of `context`.
    static func check(customer: Customer, newTotal: Money, standing: Standing, context: CommandContext,
                      overrideReason: String?) throws {
        let exposure = CreditExposure.evaluate(customer: customer, position: standing.position, asOf: context.today,
                                               stopCreditFromDays: standing.stopDays, newSale: newTotal.minorUnits,
                                               bills: standing.bills)
        guard exposure.isOnHold else { return }
        guard overrides(overrideReason) else {
            throw LedgerError.creditHold(exposure.holdReasons.map(\.message))
        }
        try context.requireManager("overriding a credit hold")
        // The hold reasons are not kept: replaying the log up to this entry gives them again, and the reason is in
        // the payload (compact audit log, issue 10). The change names the override for the audit checks.
        context.recordChange(entity: "credit_override", id: customer.id, before: [String]?.none, after: [String]?.none)
    }
}

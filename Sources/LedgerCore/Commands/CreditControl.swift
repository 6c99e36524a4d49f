/// Credit control (信用控制): posting for a customer over the credit limit, or with an invoice at the dunning
/// level "stop further credit" (overdue at least the reminder policy's `stopCreditFromDays` for the customer's
/// class — configurable with SetReminderRules; `creditOverdueDays` when no rules are stored), needs a manager's
/// override with a reason (kept in the audit payload).
enum CreditControl {
    static func check(customer: Customer, newTotal: Money, tx: any LedgerTransaction, context: CommandContext,
                      overrideReason: String?) throws {
        let open = try tx.openInvoices(customerID: customer.id)
        var reasons: [String] = []
        if let limit = customer.creditLimit {
            let credits = CheckedSum.of(try tx.unappliedCredits(customerID: customer.id).map(\.amount))
            let openTotal = CheckedSum.of(open.map(\.open))
            // Checked: a ledger holding amounts beyond the bounds (from an older version) must not trap here.
            let exposure = openTotal.flatMap { o in credits.flatMap { c in CheckedSum.add(o, -c) } }
                .flatMap { CheckedSum.add($0, newTotal.minorUnits) } ?? Int64.max
            if exposure > limit.minorUnits {
                let digits = customer.currency.minorDigits
                reasons.append("balance would be \(Money.format(exposure, digits: digits, grouping: true)), over the credit limit \(Money.format(limit.minorUnits, digits: digits, grouping: true)) \(customer.currency.code)")
            }
        }
        if let worst = open.max(by: { $0.dueDate > $1.dueDate }) {
            let days = worst.dueDate.days(to: context.today)
            let limit = (try? tx.reminderRules().policy(forClass: customer.customerClass).stopCreditFromDays) ?? context.creditOverdueDays
            if days >= limit {
                reasons.append("invoice \(worst.number) is \(days) days overdue (stop further credit from \(limit) days)")
            }
        }
        guard !reasons.isEmpty else { return }
        guard let reason = overrideReason?.trimmingSpaces(), !reason.isEmpty else { throw LedgerError.creditHold(reasons) }
        try context.requireManager("overriding a credit hold")
        context.recordChange(entity: "credit_override", id: customer.id, before: reasons, after: [reason])
    }
}

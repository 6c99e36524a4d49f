/// Why a customer is on credit hold (信用冻结).
public enum CreditHoldReason: Hashable, Sendable {
    /// The balance with the new sale would exceed the credit limit (minor units of the customer's currency).
    case overLimit(balance: Int64, limit: Int64, currency: Currency)
    /// An open invoice has reached the dunning level "stop further credit".
    case stopCredit(invoice: String, daysOverdue: Int, fromDays: Int)
    /// The balance plus acceptance bills still held (承兑汇票 not yet matured) with the new sale would exceed the
    /// limit; `exposure` includes `bills`.
    case overLimitWithBills(exposure: Int64, bills: Int64, limit: Int64, currency: Currency)

    /// English message (translated by the app's core-message patterns).
    public var message: String {
        switch self {
        case let .overLimit(balance, limit, currency):
            let digits = currency.minorDigits
            return "balance would be \(Money.format(balance, digits: digits, grouping: true)), over the credit limit "
                + "\(Money.format(limit, digits: digits, grouping: true)) \(currency.code)"
        case let .stopCredit(invoice, days, from):
            return "invoice \(invoice) is \(days) days overdue (stop further credit from \(from) days)"
        case let .overLimitWithBills(exposure, bills, limit, currency):
            let digits = currency.minorDigits
            return "balance and bills held would be \(Money.format(exposure, digits: digits, grouping: true)) "
                + "(bills \(Money.format(bills, digits: digits, grouping: true))), over the credit limit "
                + "\(Money.format(limit, digits: digits, grouping: true)) \(currency.code)"
        }
    }
}

/// A customer's credit exposure on a date: the one rule behind credit control (posting), the sales-entry warning
/// and the customer detail, so they can never disagree.
///
/// - balance = open invoices − unapplied receipts and credit notes (minor units of the customer's currency;
///   documents in other currencies are not counted);
/// - overdue = open amount of invoices due before the date;
/// - bills held = acceptance bills (承兑汇票) received and not yet matured: paid on paper, still the customer's
/// risk
///   until maturity (cn-finance §5), so they count against the limit;
/// - credit used = (balance + bills held) ÷ limit in basis points (nil without a limit);
/// - hold: balance + bills held + the new sale over the limit, or the oldest open invoice at least
///   `stopCreditFromDays` overdue (the reminder policy of the customer's class, see `ReminderRules`).
public struct CreditExposure: Hashable, Sendable {
    public var customerCode: String
    public var currency: Currency
    public var openInvoices: Int64
    public var unappliedCredit: Int64
    public var overdue: Int64
    public var creditLimit: Int64?
    public var asOf: CivilDate
    public var stopCreditFromDays: Int
    /// The sale being entered (0 when only looking), minor units.
    public var newSale: Int64
    public var holdReasons: [CreditHoldReason]
    /// Acceptance bills of the customer held on `asOf` (received, not matured), minor units.
    public var billsHeld: Int64 = 0

    /// Checked: a sum beyond Int64 (a ledger from an older version) reads as `Int64.max`, never a trap.
    public var balance: Int64 { CheckedSum.add(openInvoices, -unappliedCredit) ?? .max }
    /// What the limit is checked against: balance + bills held (checked, `Int64.max` beyond the bounds).
    public var atRisk: Int64 { CheckedSum.add(balance, billsHeld) ?? .max }
    public var isOnHold: Bool { !holdReasons.isEmpty }
    /// (Balance + bills held) ÷ credit limit in basis points (10000 = 100 %), rounded half up; nil without a positive
    /// limit.
    public var creditUsedBasisPoints: Int64? {
        guard let limit = creditLimit, limit > 0 else { return nil }
        return Int64(clamping: RoundingRule.halfUp.divide(Int128(max(0, atRisk)) * 10_000, by: Int128(limit)))
    }

    /// The hold reason when `total` (at risk with the sale) exceeds `limit`.
    func overLimitReason(_ total: Int64, _ limit: Int64) -> CreditHoldReason {
        billsHeld > 0 ? .overLimitWithBills(exposure: total, bills: billsHeld, limit: limit, currency: currency)
            : .overLimit(balance: total, limit: limit, currency: currency)
    }

    /// The same exposure with `amount` (minor units) as the sale about to be posted: the limit is checked again,
    /// the overdue reason does not depend on the sale (the sales-entry warning, live as lines are typed).
    public func adding(sale amount: Int64) -> CreditExposure {
        var result = self
        result.newSale = amount
        result.holdReasons = holdReasons.filter {
            switch $0 {
            case .overLimit, .overLimitWithBills: false
            case .stopCredit: true
            }
        }
        if let limit = creditLimit {
            let total = CheckedSum.add(atRisk, amount) ?? .max
            if total > limit { result.holdReasons.insert(overLimitReason(total, limit), at: 0) }
        }
        return result
    }

    /// - Parameters:
    ///   - open: open invoices of the customer (number, due date, currency, open amount).
    ///   - unapplied: unapplied credits of the customer (currency, amount).
    ///   - bills: the customer's acceptance bills; those held on `asOf` in its currency count.
    public static func evaluate(customer: Customer,
                                open: [(number: String, dueDate: CivilDate, currency: Currency, open: Int64)],
                                unapplied: [(currency: Currency, amount: Int64)], asOf: CivilDate,
                                stopCreditFromDays: Int, newSale: Int64 = 0,
                                bills: [AcceptanceBill] = []) -> CreditExposure {
        let mine = open.filter { $0.currency == customer.currency }
        let oldest = open.min(by: { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) })
        let position = CreditPosition(
            openInvoices: CheckedSum.of(mine.map(\.open)) ?? .max,
            overdue: CheckedSum.of(mine.filter { $0.dueDate < asOf }.map(\.open)) ?? .max,
            unappliedCredit: CheckedSum.of(unapplied.filter { $0.currency == customer.currency }.map(\.amount)) ?? .max,
            oldestOpen: oldest.map { ($0.number, $0.dueDate) })
        return evaluate(customer: customer, position: position, asOf: asOf, stopCreditFromDays: stopCreditFromDays,
                        newSale: newSale, bills: bills)
    }

    /// The rule over aggregates (`CreditPosition`): what posting uses, so it never lists open invoices. `bills`: the
    /// customer's acceptance bills; those held on `asOf` in its currency count against the limit.
    public static func evaluate(customer: Customer, position: CreditPosition, asOf: CivilDate,
                                stopCreditFromDays: Int, newSale: Int64 = 0,
                                bills: [AcceptanceBill] = []) -> CreditExposure {
        var exposure = CreditExposure(
            customerCode: customer.code, currency: customer.currency, openInvoices: position.openInvoices,
            unappliedCredit: position.unappliedCredit, overdue: position.overdue,
            creditLimit: customer.creditLimit?.minorUnits, asOf: asOf, stopCreditFromDays: stopCreditFromDays,
            newSale: newSale, holdReasons: [])
        exposure.billsHeld = CheckedSum.of(bills
            .filter { $0.isHeld(on: asOf) && $0.amount.currency == customer.currency }
            .map(\.amount.minorUnits)) ?? .max
        if let limit = exposure.creditLimit {
            let total = CheckedSum.add(exposure.atRisk, newSale) ?? .max
            if total > limit { exposure.holdReasons.append(exposure.overLimitReason(total, limit)) }
        }
        if let oldest = position.oldestOpen {
            let days = oldest.dueDate.days(to: asOf)
            if days >= stopCreditFromDays {
                exposure.holdReasons.append(.stopCredit(invoice: oldest.number, daysOverdue: days,
                                                        fromDays: stopCreditFromDays))
            }
        }
        return exposure
    }
}

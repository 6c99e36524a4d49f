/// What credit control needs of a customer, as aggregates (issue 10): posting no longer fetches every open
/// invoice of the customer. Amounts are minor units of the customer's currency.
public struct CreditPosition: Hashable, Sendable {
    /// Sum of open invoice amounts in the customer's currency.
    public var openInvoices: Int64
    /// Of which due before the date.
    public var overdue: Int64
    /// Unapplied receipts and credit notes in the customer's currency.
    public var unappliedCredit: Int64
    /// The open invoice with the earliest due date (then number), in any currency.
    public var oldestOpen: (number: String, dueDate: CivilDate)?

    public init(openInvoices: Int64, overdue: Int64, unappliedCredit: Int64,
                oldestOpen: (number: String, dueDate: CivilDate)?) {
        self.openInvoices = openInvoices
        self.overdue = overdue
        self.unappliedCredit = unappliedCredit
        self.oldestOpen = oldestOpen
    }

    public static func == (a: CreditPosition, b: CreditPosition) -> Bool {
        a.openInvoices == b.openInvoices && a.overdue == b.overdue && a.unappliedCredit == b.unappliedCredit
            && a.oldestOpen?.number == b.oldestOpen?.number && a.oldestOpen?.dueDate == b.oldestOpen?.dueDate
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(openInvoices)
        hasher.combine(overdue)
        hasher.combine(unappliedCredit)
        hasher.combine(oldestOpen?.number)
    }

    /// The position after one more open invoice in the customer's currency (a chunk of invoices counts its own,
    /// issue 10): the open sum grows (checked: `Int64.max` beyond the bounds, as the other sums read), and the
    /// oldest open invoice is the earlier by due date, then number — the order the stored one is chosen in.
    public func adding(open amount: Int64, number: String, dueDate: CivilDate) -> CreditPosition {
        var result = self
        result.openInvoices = CheckedSum.add(openInvoices, amount) ?? .max
        if let oldest = oldestOpen, (oldest.dueDate, oldest.number) <= (dueDate, number) { return result }
        result.oldestOpen = (number, dueDate)
        return result
    }

    /// The position after a credit note allocated `allocated` to open invoice `number` and left `unapplied` as
    /// customer credit, both in the customer's currency (a chunk of invoices counts its own notes, issue 10): the
    /// open sum falls, the unapplied sum grows (checked: a sum already out of bounds stays `Int64.max`). Nil when
    /// the note `closed` the invoice and it is the oldest open one: the next oldest is not in the position.
    public func crediting(allocated: Int64, unapplied: Int64, number: String, closed: Bool) -> CreditPosition? {
        if closed, oldestOpen?.number == number { return nil }
        var result = self
        if openInvoices != .max { result.openInvoices = CheckedSum.add(openInvoices, -allocated) ?? .max }
        if unappliedCredit != .max { result.unappliedCredit = CheckedSum.add(unappliedCredit, unapplied) ?? .max }
        return result
    }

    /// The same figures from the full lists (the rule `CreditExposure.evaluate` applies): a store without an
    /// aggregate query, and the tests' independent computation, use this.
    public static func from(open: [OpenItem], unapplied: [UnappliedCredit], currency: Currency,
                            asOf: CivilDate) -> CreditPosition {
        let mine = open.filter { $0.currency == currency }
        let oldest = open.min { ($0.dueDate, $0.number) < ($1.dueDate, $1.number) }
        return CreditPosition(
            openInvoices: CheckedSum.of(mine.map(\.open)) ?? .max,
            overdue: CheckedSum.of(mine.filter { $0.dueDate < asOf }.map(\.open)) ?? .max,
            unappliedCredit: CheckedSum.of(unapplied.filter { $0.currency == currency }.map(\.amount)) ?? .max,
            oldestOpen: oldest.map { ($0.number, $0.dueDate) })
    }
}

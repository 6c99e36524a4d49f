/// Issues a credit note (红字冲销): against an invoice (it is allocated to that invoice up to its open
/// balance; any excess stays as customer credit) or standalone (all customer credit).
/// Lines are entered with positive quantities; `amount` is a shortcut for one free line.
public struct IssueCreditNote: LedgerCommand {
    public static let name = "credit_note.issue"
    public var customerCode: String
    public var date: CivilDate
    public var appliesToNumber: String?
    public var lines: [LineInput]
    public var reason: String
    public var series: String = "CN"
    public var externalReference: String = ""

    public init(customerCode: String, date: CivilDate, appliesToNumber: String? = nil, lines: [LineInput],
                reason: String) {
        self.customerCode = customerCode
        self.date = date
        self.appliesToNumber = appliesToNumber
        self.lines = lines
        self.reason = reason
    }

    /// A credit note of one free line of `amount` (tax 0).
    public init(customerCode: String, date: CivilDate, appliesToNumber: String? = nil, amount: Money, reason: String) {
        self.init(customerCode: customerCode, date: date, appliesToNumber: appliesToNumber,
                  lines: [LineInput(description: reason.isEmpty ? "Credit" : reason, quantity: Quantity(1),
                                    unitPrice: amount)],
                  reason: reason)
    }

    public struct Outcome: Hashable, Sendable, CustomStringConvertible {
        public var creditNote: Invoice
        public var allocation: AllocationOutcome
        public var description: String { "\(creditNote.displayNumber): \(allocation)" }
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> Outcome {
        var issues = IssueCollector()
        var target: Invoice?
        if let number = appliesToNumber, !number.isEmpty { target = try tx.invoice(number: number) }
        // Against an invoice, an empty customer code means the invoice's customer (`credit-note add --applies-to`
        // says the customer is optional there; tryout s31 was refused with --amount).
        let customer = try customerCode.isEmpty ? target.flatMap { try tx.customer(id: $0.customerID) }
            : tx.customer(code: customerCode)
        if customer == nil {
            issues.add("customer", customerCode.isEmpty ? "a customer is required"
                       : "unknown customer code \(customerCode)")
        }
        issues.check(!reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        if let number = appliesToNumber, !number.isEmpty {
            if let found = target {
                if found.kind != .invoice || found.status != .posted {
                    issues.add("appliesTo", "\(number) is not a posted invoice")
                } else if let customer, found.customerID != customer.id {
                    issues.add("appliesTo", "\(number) belongs to another customer")
                }
            } else {
                issues.add("appliesTo", "no invoice numbered \(number)")
            }
        }
        let currency = customer?.currency ?? .cny
        let computed = try DocumentMath.lines(lines, currency: currency, tx: tx, rounding: context.rounding,
                                              issues: &issues)
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound(customerCode) }
        return try Self.post(computed, currency: currency, customer: customer, appliesTo: target, date: date,
                             series: series, reason: reason, externalReference: externalReference, in: tx,
                             context: context)
    }

    /// The one posting of a credit note, for both commands (this one and `IssueLineCreditNote`): the clerk limit,
    /// the document (the invoice's salesperson, channel and region when it applies to one), and its allocation to
    /// that invoice up to its open balance; the rest stays as customer credit.
    static func post(_ lines: [InvoiceLine], currency: Currency, customer: Customer, appliesTo target: Invoice?,
                     date: CivilDate, series: String, reason: String, externalReference: String = "",
                     in tx: any LedgerTransaction, context: CommandContext) throws -> Outcome {
        var note = try Self.note(lines, currency: currency, customer: customer, appliesTo: target, date: date,
                                 series: series, reason: reason, externalReference: externalReference, in: tx,
                                 context: context)
        note.id = try tx.insert(note)
        context.recordChange(entity: "invoice", id: note.id, before: Invoice?.none, after: note)
        let total = note.total
        var outcome = AllocationOutcome(allocations: [], unapplied: total)
        if let target {
            let amount = min(target.total.minorUnits - (try tx.allocatedToInvoice(id: target.id)), total.minorUnits)
            if amount > 0 {
                let manual = [ManualAllocation(invoiceNumber: target.displayNumber,
                                               amount: Money(minorUnits: amount, currency: currency))]
                outcome = try Allocator.apply(plan: .manual(manual), available: total, source: .creditNote,
                                              sourceID: note.id, sourceDate: date, customer: customer, tx: tx,
                                              context: context)
            }
        }
        return Outcome(creditNote: note, allocation: outcome)
    }

    /// The credit note document `post` writes, numbered (id 0, not yet written): its totals, the clerk limit (above
    /// it the context must be a manager's), the invoice's salesperson, channel and region when it applies to one.
    /// - Throws: `LedgerError` for a total out of range or a clerk over the limit; the store's error.
    static func note(_ lines: [InvoiceLine], currency: Currency, customer: Customer, appliesTo target: Invoice?,
                     date: CivilDate, series: String, reason: String, externalReference: String = "",
                     in tx: any LedgerTransaction, context: CommandContext) throws -> Invoice {
        let (net, tax, total) = try DocumentMath.totals(lines, currency: currency)
        // Like a write-off, a credit note cancels debt: above the clerk limit (default 0) it needs a manager.
        let limit = try AccessPolicy.creditNoteClerkLimit(tx)
        if total.minorUnits > limit {
            try context.requireManager("a credit note above \(limit) minor units (the clerk limit)")
        }
        var note = Invoice(
            id: 0, kind: .creditNote, series: series, numberYear: date.year,
            number: try tx.nextNumber(series: series, year: date.year), date: date, dueDate: date,
            customerID: customer.id, salespersonID: target?.salespersonID, channel: target?.channel ?? customer.channel,
            region: target?.region ?? customer.region, currency: currency, paymentTerms: .net(days: 0), status: .posted,
            lines: lines, subtotal: net, taxTotal: tax, total: total, appliesToInvoiceID: target?.id)
        note.note = reason
        note.externalReference = externalReference
        return note
    }
}

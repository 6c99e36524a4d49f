extension LedgerService.BatchRunner {
    /// A credit note of a chunk of invoices (`postInvoices`) on `invoice`, one of the chunk's (numbered, `id` the
    /// one it will take), of `customer`; the note will take `id`. The rules `run` applies to `command`, in memory:
    /// the role, the reason, `IssueLineCreditNote.creditLines` (nothing credited yet on a new invoice), the note
    /// (`IssueCreditNote.note`: clerk limit, number) and its allocation to the invoice up to its open amount (its
    /// total: nothing is allocated to a new invoice yet), checked by `Allocator.checkManual` and dated by
    /// `AllocationDating` (no allocation on the invoice or from the note before). Returns the note, its
    /// allocations (ids 0) and what it left unapplied, with the context its audit line records.
    /// - Throws: `LedgerError` as `IssueLineCreditNote` does; `refused` when `command` names another invoice.
    func creditNote(_ command: IssueLineCreditNote, on invoice: Invoice, customer: Customer, id: Int64) throws
        -> (note: Invoice, allocations: [Allocation], unapplied: Money, context: CommandContext) {
        guard command.invoiceNumber == invoice.displayNumber else {
            throw LedgerError.refused("a chunk of invoices issues credit notes on its own invoices only: the note "
                                      + "for \(invoice.displayNumber) names \(command.invoiceNumber)")
        }
        try service.checkRole(IssueLineCreditNote.self)
        let context = service.commandContext()
        var issues = IssueCollector()
        issues.check(!command.reason.trimmingSpaces().isEmpty, "reason", "a reason is required")
        let lines = try command.creditLines(of: invoice, customerCode: customer.code, credited: [:],
                                            rounding: context.rounding, issues: &issues)
        var note = try IssueCreditNote.note(lines, currency: invoice.currency, customer: customer, appliesTo: invoice,
                                            date: command.date, series: command.series, reason: command.reason,
                                            in: tx, context: context)
        note.id = id
        let currency = invoice.currency
        let amount = min(invoice.total.minorUnits, note.total.minorUnits)
        var allocations: [Allocation] = []
        if amount > 0 {
            let item = OpenItem(invoiceID: invoice.id, number: invoice.displayNumber, customerID: customer.id,
                                customerCode: customer.code, customerName: customer.name, salesperson: "",
                                region: invoice.region, channel: invoice.channel, date: invoice.date,
                                dueDate: invoice.dueDate, currency: currency, total: invoice.total.minorUnits,
                                open: invoice.total.minorUnits, isDisputed: invoice.isDisputed)
            let parts = [ManualAllocation(invoiceNumber: invoice.displayNumber,
                                          amount: Money(minorUnits: amount, currency: currency))]
            let planned = try Allocator.checkManual(parts, available: note.total, customer: customer) { number in
                number == item.number ? item : nil
            }
            for (item, part) in planned {
                let date = AllocationDating.date(command.date, invoiceDate: item.date, latestOnInvoice: nil,
                                                 latestFromSource: allocations.last?.date)
                allocations.append(Allocation(id: 0, invoiceID: item.invoiceID, source: .creditNote, sourceID: id,
                                              date: date, amount: Money(minorUnits: part, currency: currency),
                                              reversesID: nil, note: ""))
            }
        }
        let applied = allocations.reduce(0) { $0 + $1.amount.minorUnits }
        return (note, allocations, Money(minorUnits: note.total.minorUnits - applied, currency: currency), context)
    }
}

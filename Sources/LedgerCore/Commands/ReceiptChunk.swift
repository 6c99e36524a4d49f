extension LedgerService.BatchRunner {
    /// Records `commands` — receipts each applied by hand (`.manual`), as a bulk load plans them — as one chunk
    /// (issue 10, the set-based bulk write path). Every receipt is checked in memory by the rules `RecordReceipt`
    /// runs (`checkedCustomer`, `Allocator.checkManual`, `AllocationDating`), against the open invoices and their
    /// latest allocation dates read in one statement each for the whole chunk and kept up to date as the chunk
    /// allocates; numbered in order; then the store inserts the chunk in one call (inside a bulk chunk it keeps the
    /// open amounts set-based). Each receipt keeps its own audit line, as `run` writes it: same rows, same lines.
    /// A receipt that fails its checks throws before any row of the chunk is inserted (its transaction rolls back).
    /// - Throws: `LedgerError` as `RecordReceipt` does; `refused` for a plan other than `.manual`.
    @discardableResult
    public func recordReceipts(_ commands: [RecordReceipt]) throws -> [RecordReceipt.Outcome] {
        try recordReceipts(invoiceNumbers: []) { _ in commands }
    }

    /// Reads the open invoices among `invoiceNumbers` (one statement), hands them by number to `plan`, which makes
    /// the chunk's receipts from them (a load capping each receipt at what is still open), and records those as
    /// `recordReceipts(_:)` does, checked against the same read: the chunk's invoices are read once, not once for
    /// the plan and again for the checks. Numbers a receipt names beyond `invoiceNumbers` are read before the
    /// checks; if anything was written while `plan` ran (it should not write), every number is read again.
    /// - Throws: what `plan` throws; `LedgerError` as `recordReceipts(_:)` does.
    @discardableResult
    public func recordReceipts(invoiceNumbers: [String], _ plan: ([String: OpenItem]) throws -> [RecordReceipt])
        throws -> [RecordReceipt.Outcome] {
        try service.checkRole(RecordReceipt.self)
        let changed = tx.rowsChanged()
        var open = try openInvoices(byNumber: invoiceNumbers)
        let commands = try plan(open)
        var numbers: [String] = []
        for command in commands {
            guard case let .manual(parts) = command.allocation else {
                throw LedgerError.refused("a chunk of receipts is applied by hand only: the receipt of "
                                          + "\(command.customerCode) on \(command.date) is not")
            }
            numbers += parts.map(\.invoiceNumber)
        }
        if tx.rowsChanged() != changed {
            open = try openInvoices(byNumber: numbers)
        } else {
            let read = Set(invoiceNumbers)
            open.merge(try openInvoices(byNumber: numbers.filter { !read.contains($0) })) { first, _ in first }
        }
        var latest = try tx.latestAllocationDates(invoiceIDs: Set(numbers).compactMap { open[$0]?.invoiceID })
        var receipts: [Receipt] = [], allocations: [[Allocation]] = [], contexts: [CommandContext] = []
        for command in commands {
            guard case let .manual(parts) = command.allocation else { continue }
            let context = service.commandContext()
            let customer = try command.checkedCustomer(tx)
            let planned = try Allocator.checkManual(parts, available: command.amount, customer: customer) {
                number in open[number].flatMap { item in item.customerID == customer.id && item.open != 0 ? item : nil }
            }
            receipts.append(try command.numbered(customerID: customer.id, tx))
            var written: [Allocation] = []
            for (item, amount) in planned {
                let date = AllocationDating.date(command.date, invoiceDate: item.date,
                                                 latestOnInvoice: latest[item.invoiceID],
                                                 latestFromSource: written.last?.date)
                written.append(Allocation(id: 0, invoiceID: item.invoiceID, source: .receipt, date: date,
                                          amount: Money(minorUnits: amount, currency: command.amount.currency),
                                          note: ""))
                open[item.number]?.open -= amount
                latest[item.invoiceID] = date
            }
            allocations.append(written)
            contexts.append(context)
        }
        // The chunk's records and audit lines go into the same audit entry.
        try audit.makeRoom(for: commands.count, tx: tx)
        chunks?.countCommands(commands.count)
        let ids = try tx.insert(receipts: receipts, allocations: allocations)
        var outcomes: [RecordReceipt.Outcome] = []
        for (index, command) in commands.enumerated() {
            var receipt = receipts[index]
            receipt.id = ids[index].receipt
            let context = contexts[index]
            context.recordChange(entity: "receipt", id: receipt.id, before: Receipt?.none, after: receipt)
            var written = allocations[index]
            for position in written.indices {
                written[position].id = ids[index].allocations[position]
                written[position].sourceID = receipt.id
                context.recordChange(entity: "allocation", id: written[position].id, before: Allocation?.none,
                                     after: written[position])
            }
            let applied = written.reduce(0) { $0 + $1.amount.minorUnits }
            let outcome = RecordReceipt.Outcome(
                receipt: receipt, allocation: AllocationOutcome(
                    allocations: written, unapplied: Money(minorUnits: command.amount.minorUnits - applied,
                                                           currency: command.amount.currency)))
            try audit.add(service.deferredAuditDraft(command, context: context, outcome: outcome), tx: tx)
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// The posted invoices among `numbers` open now (open amount ≠ 0), read in one statement, by number.
    private func openInvoices(byNumber numbers: [String]) throws -> [String: OpenItem] {
        Dictionary(try tx.openInvoices(numbers: numbers).map { ($0.number, $0) }) { first, _ in first }
    }
}

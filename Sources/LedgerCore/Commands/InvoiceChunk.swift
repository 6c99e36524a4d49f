extension LedgerService.BatchRunner {
    /// Posts `commands` — invoices, as a bulk load writes them — as one chunk (issue 10, the set-based bulk write
    /// path). Every invoice is checked and computed in memory by the rules `PostInvoice` runs (`checked`: customer,
    /// salesperson, lines, tax, totals, due date) and credit control takes the customer's position read once for the
    /// chunk (`CreditControl.Standing`) moved by the chunk's own invoices before it (`CreditPosition.adding`), then
    /// numbered in order; then the store inserts the chunk in one call (inside a bulk chunk it keeps the open amounts
    /// and balances set-based). Each invoice keeps its own audit line, as `run` writes it: same rows, same lines.
    /// An invoice that fails its checks throws before any document of the chunk is inserted — or, with `refused`,
    /// is handed to it with its index in `commands` and left out, and the others are posted (an import names the
    /// refused row and goes on, as it does for single posts). Chunks end where the audit buffer's entry is full, so
    /// the entries hold the lines one-by-one posts give them.
    /// - Throws: `LedgerError` as `PostInvoice` does; `refused` for a draft or a post replacing a draft.
    @discardableResult
    public func postInvoices(_ commands: [PostInvoice],
                             refused: ((Int, LedgerError) throws -> Void)? = nil) throws -> [Invoice] {
        var posted: [Invoice] = []
        posted.reserveCapacity(commands.count)
        var first = 0
        while first < commands.count {
            let end = min(first + max(1, BulkAuditBuffer.chunkSize - audit.drafts.count), commands.count)
            posted += try postChunk(commands[first..<end], refused: refused)
            first = end
        }
        return posted
    }

    private func postChunk(_ slice: ArraySlice<PostInvoice>,
                           refused: ((Int, LedgerError) throws -> Void)?) throws -> [Invoice] {
        // Every invoice checked first, so the chunk's customers' positions are read in one statement.
        var checked: [(index: Int, command: PostInvoice, context: CommandContext,
                       result: Result<(Customer, Invoice), LedgerError>)] = []
        var customers: [Customer] = [], seen = Set<Int64>()
        for (index, command) in zip(slice.indices, slice) {
            guard !command.asDraft, command.replacesDraftID == nil else {
                throw LedgerError.refused("a chunk of invoices posts new invoices only: the document of "
                                          + "\(command.customerCode) on \(command.date) is a draft")
            }
            let context = service.commandContext()
            let result: Result<(Customer, Invoice), LedgerError>
            do {
                try service.checkRole(PostInvoice.self)
                result = .success(try command.checked(in: tx, context: context))
            } catch let error as LedgerError {
                result = .failure(error)
            }
            if case .success(let (customer, _)) = result, seen.insert(customer.id).inserted {
                customers.append(customer)
            }
            checked.append((index, command, context, result))
        }
        var standings = Dictionary(uniqueKeysWithValues: zip(
            customers.map(\.id),
            try CreditControl.Standing.read(customers, asOf: service.commandContext().today, tx: tx)))
        var invoices: [Invoice] = [], contexts: [CommandContext] = [], commands: [PostInvoice] = []
        for (index, command, context, result) in checked {
            var customer: Customer, invoice: Invoice, standing: CreditControl.Standing
            do {
                (customer, invoice) = try result.get()
                standing = try standings[customer.id] ?? CreditControl.Standing.read([customer], asOf: context.today,
                                                                                      tx: tx)[0]
                try CreditControl.check(customer: customer, newTotal: invoice.total, standing: standing,
                                        context: context, overrideReason: command.creditOverrideReason)
            } catch let error as LedgerError {
                guard let refused else { throw error }
                try refused(index, error)
                continue
            }
            invoice.number = try tx.nextNumber(series: command.series, year: command.date.year)
            standing.position = standing.position.adding(open: invoice.total.minorUnits,
                                                          number: invoice.displayNumber, dueDate: invoice.dueDate)
            standings[customer.id] = standing
            invoices.append(invoice)
            contexts.append(context)
            commands.append(command)
        }
        // The chunk's records and audit lines go into the same audit entry.
        try audit.makeRoom(for: commands.count, tx: tx)
        chunks?.countCommands(commands.count)
        let ids = try tx.insert(invoices: invoices)
        for (index, command) in zip(invoices.indices, commands) {
            invoices[index].id = ids[index]
            contexts[index].recordChange(entity: "invoice", id: ids[index], before: Invoice?.none,
                                         after: invoices[index])
            try audit.add(service.auditDraft(command, context: contexts[index], outcome: invoices[index]), tx: tx)
        }
        return invoices
    }
}

extension LedgerService.BatchRunner {
    /// Posts `commands` — invoices, as a bulk load writes them — as one chunk (issue 10, the set-based bulk write
    /// path). Every invoice is checked and computed in memory by the rules `PostInvoice` runs (`checked`: customer,
    /// salesperson, lines, tax, totals, due date) and credit control takes the customer's position read once for the
    /// chunk (`CreditControl.Standing`) moved by the chunk's own invoices and credit notes before it
    /// (`CreditPosition.adding`, `crediting`), then numbered in order; then the store inserts the chunk in one call
    /// (inside a bulk chunk it keeps the open amounts and balances set-based). Each invoice keeps its own audit
    /// line, as `run` writes it: same rows, same lines.
    ///
    /// `creditNotes`, by index in `commands`, makes the credit note issued right after that invoice from the posted
    /// invoice (numbered, lines computed; nil: none): an `IssueLineCreditNote` on that invoice, checked and posted
    /// inside the chunk by the rules `run` applies to it (`creditLines`, `IssueCreditNote.note`, its allocation
    /// to the invoice up to its open amount), with its own audit line after the invoice's. A chunk is cut after a
    /// note that closes the invoice its customer's position counts as the oldest open one (the next oldest is not
    /// known inside the chunk); the rest goes on in the next chunk.
    ///
    /// `creating`, by index in `commands`, is a new customer to create right before that invoice (checked by
    /// `BatchRunner.checkedNewCustomer`): a chunk's new customers are inserted with one statement before its
    /// invoices are checked, each with its own `customer.create` audit line before its invoice's, as `run` writes
    /// it; a refused invoice leaves its customer created, as one-by-one commands do.
    ///
    /// An invoice that fails its checks throws before any document of the chunk is inserted — or, with `refused`,
    /// is handed to it with its index in `commands` and left out (with its credit note), and the others are posted
    /// (an import names the refused row and goes on, as it does for single posts). A credit note that fails its
    /// checks throws. Chunks end where the audit buffer's entry is full, so the entries hold the lines one-by-one
    /// posts give them.
    /// - Throws: `LedgerError` as `PostInvoice` and `IssueLineCreditNote` do; `refused` for a draft, a post
    ///   replacing a draft or a credit note on another invoice.
    @discardableResult
    public func postInvoices(_ commands: [PostInvoice],
                             creating: [Int: (command: CreateCustomer, customer: Customer)] = [:],
                             creditNotes: [Int: (Invoice) throws -> IssueLineCreditNote?] = [:],
                             refused: ((Int, LedgerError) throws -> Void)? = nil) throws -> [Invoice] {
        var posted: [Invoice] = []
        posted.reserveCapacity(commands.count)
        var first = 0
        var created: [Int: Customer] = [:]
        while first < commands.count {
            // As many invoices as the audit entry has room for, with their credit notes' lines.
            var room = BulkAuditBuffer.chunkSize - audit.drafts.count, end = first
            while end < commands.count {
                let lines = (creditNotes[end] == nil ? 1 : 2) + (creating[end] == nil ? 0 : 1)
                guard lines <= room || end == first else { break }
                room -= lines
                end += 1
            }
            let chunk = try postChunk(commands[first..<end], creating: creating, created: &created,
                                      creditNotes: creditNotes, refused: refused)
            posted += chunk.invoices
            first = chunk.end
        }
        return posted
    }

    /// An audit line of a chunk, in order: an invoice, or a credit note with its allocations (a range of the
    /// chunk's) and what it left unapplied; `position` is the document's in the chunk's documents.
    private enum ChunkLine {
        case customer(CreateCustomer, Customer)
        case invoice(position: Int, PostInvoice, CommandContext)
        case creditNote(position: Int, IssueLineCreditNote, CommandContext, allocations: Range<Int>, unapplied: Money)
    }

    /// Posts a prefix of `slice`; returns its invoices and the index after the last command it handled.
    private func postChunk(_ slice: ArraySlice<PostInvoice>,
                           creating: [Int: (command: CreateCustomer, customer: Customer)],
                           created: inout [Int: Customer],
                           creditNotes: [Int: (Invoice) throws -> IssueLineCreditNote?],
                           refused: ((Int, LedgerError) throws -> Void)?) throws -> (invoices: [Invoice], end: Int) {
        // The slice's new customers first, in one statement (those a cut chunk created before are kept).
        let fresh = slice.indices.filter { creating[$0] != nil && created[$0] == nil }
        let customerIDs = try tx.insert(customers: fresh.compactMap { creating[$0]?.customer })
        for (index, id) in zip(fresh, customerIDs) {
            created[index] = creating[index]?.customer
            created[index]?.id = id
        }
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
        // A hold's reasons are shown only for a post without an override reason (loaders and imports give one).
        let naming = !checked.allSatisfy { CreditControl.overrides($0.command.creditOverrideReason) }
        var standings = Dictionary(uniqueKeysWithValues: zip(
            customers.map(\.id),
            try CreditControl.Standing.read(customers, asOf: service.commandContext().today, tx: tx, naming: naming)))
        // The chunk's invoices and credit notes in the order they are numbered and written (ids in that order
        // after `base`, the largest before the chunk: read when a note needs its invoice's id).
        var documents: [Invoice] = [], lines: [ChunkLine] = [], allocations: [Allocation] = []
        var base: Int64?
        var end = slice.endIndex
        for (index, command, context, result) in checked {
            if let new = creating[index], let customer = created[index] {
                lines.append(.customer(new.command, customer))
            }
            var customer: Customer, invoice: Invoice, standing: CreditControl.Standing
            do {
                (customer, invoice) = try result.get()
                standing = try standings[customer.id] ?? CreditControl.Standing.read([customer], asOf: context.today,
                                                                                      tx: tx, naming: naming)[0]
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
            lines.append(.invoice(position: documents.count, command, context))
            documents.append(invoice)
            var cut = false
            if let make = creditNotes[index], let note = try make(invoice) {
                let first = try base ?? tx.maxDocumentID()
                base = first
                invoice.id = first + Int64(documents.count)
                let credit = try creditNote(note, on: invoice, customer: customer,
                                            id: first + Int64(documents.count) + 1)
                lines.append(.creditNote(position: documents.count, note, credit.context,
                                         allocations: allocations.count..<allocations.count + credit.allocations.count,
                                         unapplied: credit.unapplied))
                documents.append(credit.note)
                allocations += credit.allocations
                let allocated = credit.note.total.minorUnits - credit.unapplied.minorUnits
                if let position = standing.position.crediting(
                    allocated: allocated, unapplied: credit.unapplied.minorUnits, number: invoice.displayNumber,
                    closed: allocated == invoice.total.minorUnits) {
                    standing.position = position
                } else {
                    cut = true
                }
            }
            standings[customer.id] = standing
            if cut {
                end = index + 1
                break
            }
        }
        // The chunk's records and audit lines go into the same audit entry.
        try audit.makeRoom(for: lines.count, tx: tx)
        chunks?.countCommands(lines.count)
        let ids = try tx.insert(invoices: documents)
        if let base, ids.first != base + 1 {
            throw LedgerError.storage("table document: the chunk's documents did not take the ids after \(base)")
        }
        for (position, id) in zip(documents.indices, ids) { documents[position].id = id }
        let allocationIDs = try tx.insert(allocations: allocations)
        for (position, id) in zip(allocations.indices, allocationIDs) { allocations[position].id = id }
        var invoices: [Invoice] = []
        invoices.reserveCapacity(documents.count)
        for line in lines {
            switch line {
            case let .customer(command, customer):
                let context = service.commandContext()
                context.recordChange(entity: "customer", id: customer.id, before: Customer?.none, after: customer)
                try audit.add(service.deferredAuditDraft(command, context: context, outcome: customer), tx: tx)
            case let .invoice(position, command, context):
                let invoice = documents[position]
                context.recordChange(entity: "invoice", id: invoice.id, before: Invoice?.none, after: invoice)
                try audit.add(service.deferredAuditDraft(command, context: context, outcome: invoice), tx: tx)
                invoices.append(invoice)
            case let .creditNote(position, command, context, range, unapplied):
                let note = documents[position]
                context.recordChange(entity: "invoice", id: note.id, before: Invoice?.none, after: note)
                for allocation in allocations[range] {
                    context.recordChange(entity: "allocation", id: allocation.id, before: Allocation?.none,
                                         after: allocation)
                }
                let outcome = IssueCreditNote.Outcome(
                    creditNote: note, allocation: AllocationOutcome(allocations: Array(allocations[range]),
                                                                    unapplied: unapplied))
                try audit.add(service.deferredAuditDraft(command, context: context, outcome: outcome), tx: tx)
            }
        }
        return (invoices, end)
    }
}

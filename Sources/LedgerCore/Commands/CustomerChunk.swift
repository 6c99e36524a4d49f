extension LedgerService.BatchRunner {
    /// Creates the customers of `commands` as `run` does them one by one (issue 10, s32-gen): each checked by
    /// `CreateCustomer`'s rules and the actor's role (`checkedNewCustomer`; a code used by an earlier command of
    /// the call counts as used, as it would after that command ran), then inserted with one statement per audit
    /// entry's room (`LedgerTransaction.insert(customers:)`: ids in order, search keys as for a single insert),
    /// each with its own `customer.create` audit line (same payload, changes and outcome as `run` writes) in the
    /// same entries. Returns the stored customers, in order.
    /// - Throws: `LedgerError` as `CreateCustomer` does (validation by field, permission), for the first command
    ///   that fails, after the ones before it are written (as one by one).
    @discardableResult
    public func createCustomers(_ commands: [CreateCustomer]) throws -> [Customer] {
        var created: [Customer] = []
        created.reserveCapacity(commands.count)
        var used = Set<String>()
        while created.count < commands.count {
            let first = created.count
            let end = min(commands.count, first + max(1, BulkAuditBuffer.chunkSize - audit.drafts.count))
            var customers: [Customer] = []
            var failure: (any Error)?
            for command in commands[first..<end] {
                do {
                    try service.checkRole(CreateCustomer.self)
                    customers.append(try command.checked(in: tx, used: used))
                    used.insert(command.fields.code.trimmingSpaces())
                } catch {
                    failure = error
                    break
                }
            }
            chunks?.countCommands(customers.count)
            let ids = try tx.insert(customers: customers)
            for (index, (id, var customer)) in zip(first..., zip(ids, customers)) {
                customer.id = id
                let context = service.commandContext()
                context.recordChange(entity: "customer", id: id, before: Customer?.none, after: customer)
                try audit.add(service.deferredAuditDraft(commands[index], context: context, outcome: customer),
                              tx: tx)
                created.append(customer)
            }
            if let failure { throw failure }
        }
        return created
    }
}

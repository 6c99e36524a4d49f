import LedgerCore

/// Posts checked sales rows (`SalesImport.Row`) through the command layer inside one batch, row by row: the
/// customer is found by code, else by exact name, else created (code `IMP-0001` …, in the row's currency); the row
/// becomes an invoice of one line of its amount with tax (价税合计, split at the row's rate or the ledger's default
/// rate: `LineInput.grossAmount`) or, with kind credit_note, a credit note of such a line. Used by the import
/// engine (`DataImport`, kind sales). Identical rows are posted as separate invoices (two equal
/// sales on one day are two sales); only a repeated number is refused, when the row is checked.
///
/// Invoices wait and are posted a chunk at a time (`BatchRunner.postInvoices`, issue 10): the pending ones are
/// posted before anything else is written (a credit note), when `chunkRows` wait, and by `finish`, so the ledger
/// gets the same rows, numbers and audit lines in the same order as posting row by row. A new customer of an
/// invoice row does not end the chunk: it is checked when its row is posted (a bad one names that row) and
/// created with the chunk, before its invoice (`postInvoices(_:creating:)`). An invoice
/// the ledger refuses is handed to `refused` with its row and cells; without one, the refusal is thrown.
struct SalePosting {
    typealias Refused = (_ line: Int, _ cells: [String], _ error: LedgerError) throws -> Void
    var outcome = SalesImport.Outcome()
    private var codesByName: [String: String] = [:]
    private var next = 1
    private var pending: [(post: PostInvoice, line: Int, cells: [String], amount: Money)] = []
    /// The pending invoices' new customers, by index in `pending`, and their codes.
    private var creating: [Int: (command: CreateCustomer, customer: Customer)] = [:]
    private var creatingCodes = Set<String>()
    /// Codes known to be in the ledger (read once, or created by a posted chunk): a customer is never removed
    /// while the import's transaction runs, so each later row of the customer needs no look-up (s31-import).
    private var existing = Set<String>()
    /// The ledger's default tax rate, for rows without a rate (read once).
    private var defaultRate: Rate?
    /// Invoices pending at most (one audit entry's worth): memory stays bounded whatever the file's size.
    static let chunkRows = 1_000

    /// Posts the pending invoices.
    mutating func finish(_ runner: LedgerService.BatchRunner, refused: Refused? = nil) throws {
        guard !pending.isEmpty else { return }
        let chunk = pending, customers = creating
        pending.removeAll(keepingCapacity: true)
        creating.removeAll(keepingCapacity: true)
        creatingCodes.removeAll(keepingCapacity: true)
        var left = Set<Int>()
        let handler: ((Int, LedgerError) throws -> Void)? = refused.map { refused in
            { index, error in
                left.insert(index)
                try refused(chunk[index].line, chunk[index].cells, error)
            }
        }
        try runner.postInvoices(chunk.map(\.post), creating: customers, refused: handler)
        for entry in customers.values { existing.insert(entry.customer.code) }
        for (index, entry) in chunk.enumerated() where !left.contains(index) {
            outcome.invoices += 1
            outcome.totals[entry.amount.currency.code, default: 0] += entry.amount.minorUnits
        }
    }

    /// Whether a customer has `code`, in the ledger or waiting to be created with the pending invoices.
    private mutating func exists(_ code: String, _ runner: LedgerService.BatchRunner) throws -> Bool {
        if existing.contains(code) || creatingCodes.contains(code) { return true }
        guard try runner.customer(code: code) != nil else { return false }
        existing.insert(code)
        return true
    }

    mutating func post(_ row: SalesImport.Row, _ runner: LedgerService.BatchRunner, cells: [String] = [],
                       refused: Refused? = nil) throws {
        var code = row.customerCode
        if code == nil { code = codesByName[row.customerName] }
        if code == nil { code = try runner.customerCode(named: row.customerName) }
        var new: CustomerFields?
        if let existing = code, try !exists(existing, runner) {
            new = CustomerFields(code: existing, name: row.customerName)
        }
        if code == nil {
            var candidate: String
            repeat {
                candidate = "IMP-" + String(repeating: "0", count: max(0, 4 - String(next).count)) + String(next)
                next += 1
            } while try exists(candidate, runner)
            new = CustomerFields(code: candidate, name: row.customerName)
            code = candidate
        }
        if var fields = new {
            fields.currency = row.amount.currency
            if row.isCreditNote {
                try finish(runner, refused: refused)
                try runner.run(CreateCustomer(fields))
            } else {
                let command = CreateCustomer(fields)
                creating[pending.count] = (command, try runner.checkedNewCustomer(command))
                creatingCodes.insert(fields.code)
            }
            outcome.newCustomers += 1
        }
        guard let customerCode = code else { return }
        codesByName[row.customerName] = customerCode
        let description = row.number.isEmpty ? (row.note.isEmpty ? "Imported sale" : row.note) : row.number
        if defaultRate == nil { defaultRate = try runner.defaultTaxRate() }
        let line = LineInput(description: row.isCreditNote ? "imported: \(description)" : description,
                             quantity: Quantity(1), taxRate: row.taxRate ?? defaultRate, grossAmount: row.amount)
        if row.isCreditNote {
            try finish(runner, refused: refused)
            var note = IssueCreditNote(customerCode: customerCode, date: row.date, lines: [line],
                                       reason: "imported: \(description)")
            note.externalReference = row.number
            try runner.run(note)
            outcome.creditNotes += 1
            outcome.totals[row.amount.currency.code, default: 0] -= row.amount.minorUnits
        } else {
            var post = PostInvoice(customerCode: customerCode, date: row.date, lines: [line])
            post.dueDate = row.dueDate
            post.externalReference = row.number
            post.note = row.note
            post.creditOverrideReason = "import"
            pending.append((post, row.line, cells, row.amount))
            if pending.count >= Self.chunkRows { try finish(runner, refused: refused) }
        }
    }
}

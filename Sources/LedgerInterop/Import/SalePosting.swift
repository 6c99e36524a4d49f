import LedgerCore

/// Posts checked sales rows (`SalesImport.Row`) through the command layer inside one batch, row by row: the
/// customer is found by code, else by exact name, else created (code `IMP-0001` …, in the row's currency); the row
/// becomes an invoice of one line (tax included) or, with kind credit_note, a credit note. Shared by `SalesImport`
/// and the import engine (`DataImport`, kind sales). Identical rows are posted as separate invoices (two equal
/// sales on one day are two sales); only a repeated number is refused, when the row is checked.
struct SalePosting {
    var outcome = SalesImport.Outcome()
    private var codesByName: [String: String] = [:]
    private var next = 1

    mutating func post(_ row: SalesImport.Row, _ runner: LedgerService.BatchRunner) throws {
        var code = row.customerCode
        if code == nil { code = codesByName[row.customerName] }
        if code == nil { code = try runner.customerCode(named: row.customerName) }
        if let existing = code, try runner.customer(code: existing) == nil {
            var fields = CustomerFields(code: existing, name: row.customerName)
            fields.currency = row.amount.currency
            try runner.run(CreateCustomer(fields))
            outcome.newCustomers += 1
        }
        if code == nil {
            var candidate: String
            repeat {
                candidate = "IMP-" + String(repeating: "0", count: max(0, 4 - String(next).count)) + String(next)
                next += 1
            } while try runner.customer(code: candidate) != nil
            var fields = CustomerFields(code: candidate, name: row.customerName)
            fields.currency = row.amount.currency
            try runner.run(CreateCustomer(fields))
            outcome.newCustomers += 1
            code = candidate
        }
        guard let customerCode = code else { return }
        codesByName[row.customerName] = customerCode
        let description = row.number.isEmpty ? (row.note.isEmpty ? "Imported sale" : row.note) : row.number
        if row.isCreditNote {
            var note = IssueCreditNote(customerCode: customerCode, date: row.date, amount: row.amount,
                                       reason: "imported: \(description)")
            note.externalReference = row.number
            try runner.run(note)
            outcome.creditNotes += 1
            outcome.totals[row.amount.currency.code, default: 0] -= row.amount.minorUnits
        } else {
            var post = PostInvoice(customerCode: customerCode, date: row.date,
                                   lines: [LineInput(description: description, quantity: Quantity(1), unitPrice: row.amount)])
            post.dueDate = row.dueDate
            post.externalReference = row.number
            post.note = row.note
            post.creditOverrideReason = "import"
            try runner.run(post)
            outcome.invoices += 1
            outcome.totals[row.amount.currency.code, default: 0] += row.amount.minorUnits
        }
    }
}

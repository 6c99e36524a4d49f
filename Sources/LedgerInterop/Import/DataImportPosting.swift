import Foundation
import LedgerCore

/// Posting of a checked `DataImport` inside one batch transaction: the file is recorded first (fingerprint,
/// permission), then each row through the command layer; a row the ledger refuses becomes a rejected row, and the
/// caller rolls the whole batch back when any row was rejected (all-or-nothing) or on a dry run.
extension DataImport {
    public struct Outcome: Sendable, CustomStringConvertible {
        public var created = 0
        public var updated = 0
        /// Rows of records already as the file gives them (`--update`): nothing written for them (s33-fix).
        public var unchanged = 0
        public var receipts = 0
        public var openInvoices = 0
        public var openCredits = 0
        /// Net total by currency code, minor units.
        public var totals: [String: Int64] = [:]
        /// Allocation proposals of receipts: `row 5: 张三 1200.00 → INV-2025-000012 (invoice number in the note)`.
        public var proposals: [String] = []
        /// Rows the ledger refused.
        public var rejected = RejectedRows()
        /// What a sales import wrote (kind sales).
        public var sales: SalesImport.Outcome?

        public var description: String {
            if let sales { return sales.summary }
            var parts: [String] = []
            if unchanged > 0 {
                parts.append("\(created) created, \(updated) updated, \(unchanged) unchanged")
            } else if created > 0 || updated > 0 {
                parts.append("\(created) created, \(updated) updated")
            }
            if receipts > 0 { parts.append("\(receipts) receipt(s)") }
            if openInvoices > 0 || openCredits > 0 {
                parts.append("\(openInvoices) open invoice(s), \(openCredits) unapplied credit(s)")
            }
            let money = totals.sorted { $0.key < $1.key }.map { code, minor in
                "\(Money.format(minor, digits: Currency.named(code)?.minorDigits ?? 2, grouping: true)) \(code)"
            }
            if !money.isEmpty { parts.append(money.joined(separator: ", ")) }
            return parts.isEmpty ? "nothing to import" : parts.joined(separator: "; ")
        }
    }

    /// Writes every entry through `runner`, except the rows in `skipping`. Rows the ledger refuses are returned
    /// in `Outcome.rejected` (the caller must then roll back: a refused row may have written part of itself).
    /// - Throws: `LedgerError` when the file was imported before or the actor lacks the role.
    /// `progress` gets the rows written and the rows staged after each chunk.
    public func post(into runner: LedgerService.BatchRunner, today: CivilDate, skipping: Set<Int> = [],
                     progress: ((Int, Int) -> Void)? = nil) throws -> Outcome {
        var outcome = Outcome()
        try runner.run(RecordImportedFile(ImportedFile(fingerprint: file.fingerprint, kind: kind.rawValue,
                                                       fileName: (file.source as NSString).lastPathComponent,
                                                       rows: staging.count, importedOn: today)))
        var sales = SalePosting()
        // Invoices refused when their chunk is posted (`SalePosting`), in row order; merged with the others at the end.
        let refusedInChunks = RejectedRows()
        let refused: SalePosting.Refused = { row, cells, error in
            try refusedInChunks.append(Rejected(row: row, cells: cells, problems: problems(error, row)))
        }
        var done = 0
        try forEachEntryChunk { chunk in
            // The chunk's sale numbers already in the ledger, read at once (a number repeated within the file is
            // refused when the rows are checked).
            let imported = try runner.documentsExisting(externalReferences: chunk.compactMap { entry in
                guard case .sale(let sale) = entry.record, !sale.number.isEmpty else { return nil }
                return sale.number
            })
            // The customers the chunk's sales name, looked up at once (s32-import).
            try sales.lookUp(chunk.compactMap { entry in
                guard !skipping.contains(entry.row), case .sale(let sale) = entry.record else { return nil }
                return sale
            }, runner)
            for entry in chunk where !skipping.contains(entry.row) {
                do {
                    try post(entry, runner, &outcome, &sales, imported, refused)
                } catch let error as LedgerError {
                    try outcome.rejected.append(Rejected(row: entry.row, cells: entry.cells,
                                                         problems: problems(error, entry.row)))
                }
            }
            done += chunk.count
            progress?(done, staging.count)
        }
        try sales.finish(runner, refused: refused)
        outcome.rejected = try RejectedRows.merged(outcome.rejected, refusedInChunks)
        if kind == .sales { outcome.sales = sales.outcome }
        // A large import changes the open items by orders of magnitude: fresh statistics for the planner.
        if staging.count >= 10_000 { try runner.refreshPlannerStatistics() }
        return outcome
    }

    /// A refusal of the ledger as row problems, each naming the file's own column header (or no column when the
    /// issue is about none of the file's columns) — never a command's field path (s33-fix: `lines[1].unitPrice`).
    func problems(_ error: LedgerError, _ row: Int) -> [ImportProblem] {
        guard case .validation(let issues) = error else {
            return [ImportProblem(row: row, column: "", message: error.description)]
        }
        return issues.map { ImportProblem(row: row, column: fileColumn(of: $0.path) ?? "", message: $0.message) }
    }

    /// The header of the file's column that a command's issue `path` is about, or nil when none is.
    func fileColumn(of path: String) -> String? {
        let field = Self.rowField(path)
        if let sales = salesColumns {
            let found: String?? = [
                "dueDate": sales.due, "date": sales.date, "customer": sales.code ?? sales.name, "name": sales.name,
                "code": sales.code, SalePosting.namePath: sales.name, "amount": sales.amount,
                "line.amount": sales.amount, "line.unitPrice": sales.amount, "line.quantity": sales.amount,
                "line.discount": sales.amount, "line.taxRate": sales.rate ?? sales.amount,
                "line.description": sales.number ?? sales.note, "line.product": sales.number ?? sales.note,
                "reason": sales.number ?? sales.note, "externalReference": sales.number, "note": sales.note,
                "number": sales.number, "currency": sales.currency ?? sales.amount,
            ][field]
            // A refusal of the import itself names the sales file's header as its path (`单号`).
            return (found ?? nil) ?? (columns[path] != nil ? path : nil)
        }
        return (Self.columnKeys[field] ?? [field]).first { columns[$0] != nil }.map(columnName)
    }

    /// The field of an imported row that a command's issue path is about. One row is one document line (opening
    /// balances, sales) or one receipt with its allocations: `lines[1].unitPrice` → `line.unitPrice`, `lines` (the
    /// document total) → `line.amount`, `allocations[2].invoice` → `allocation.invoice`; other paths as they are.
    static func rowField(_ path: String) -> String {
        for (list, item) in [("lines", "line"), ("allocations", "allocation")] where path.hasPrefix(list) {
            let rest = path.dropFirst(list.count)
            if rest.isEmpty { return item + ".amount" }
            if rest.hasPrefix("["), let dot = rest.firstIndex(of: ".") { return item + rest[dot...] }
        }
        return path
    }

    /// The master-data, opening and receipts columns (`ImportColumns` keys) a row field is found under, first
    /// present wins; a field not listed is looked up under its own name (`phone`, `email`, `date`, `amount` …).
    static let columnKeys: [String: [String]] = [
        "unitPrice": ["unit_price"], "taxRate": ["tax_rate"], "creditLimit": ["credit_limit"],
        "taxID": ["tax_id"], "invoiceTitle": ["invoice_title"], "addressPhone": ["address_phone"],
        "bankAccount": ["bank_account"], "dueDate": ["due_date", "due"], "customerClass": ["class"],
        "customer": ["customer_code", "code", "customer", "customer_name"], "name": ["name", "customer"],
        "code": ["code", "customer"], "paymentTerms": ["payment_terms"], "productName": ["name"],
        "line.amount": ["amount"], "line.unitPrice": ["amount", "unit_price"], "line.quantity": ["amount"],
        "line.discount": ["amount"], "line.taxRate": ["tax_rate", "amount"], "line.description": ["number"],
        "line.product": ["number"], "allocation.amount": ["amount"], "allocation.invoice": ["invoice", "note"],
        "reference": ["reference", "number"], "number": ["number", "reference"], "method": ["method"],
        "currency": ["currency", "amount"],
    ]

    private func post(_ entry: Entry, _ runner: LedgerService.BatchRunner, _ outcome: inout Outcome,
                      _ sales: inout SalePosting, _ imported: Set<String>,
                      _ refused: @escaping SalePosting.Refused) throws {
        let row = entry.row
        switch entry.record {
        case let .sale(sale):
            if !sale.number.isEmpty, imported.contains(sale.number) {
                throw LedgerError.validation([FieldIssue(salesColumns?.number ?? "number",
                                                         "\(sale.number) is already in the ledger (imported before?)")])
            }
            try sales.post(sale, runner, cells: entry.cells, refused: refused)
        case let .customer(fields, present):
            if let existing = try runner.customerRecord(code: fields.code) {
                guard settings.update else {
                    throw LedgerError.validation([FieldIssue("code", "customer \(fields.code) already exists "
                                                             + "(use --update to change it)")])
                }
                let stored = CustomerFields(existing)
                var merged = stored
                merged.contact = present.contains("contact") ? fields.contact : existing.contact
                merged.phone = present.contains("phone") ? fields.phone : existing.phone
                merged.email = present.contains("email") ? fields.email : existing.email
                merged.address = present.contains("address") ? fields.address : existing.address
                merged.region = present.contains("region") ? fields.region : existing.region
                merged.channel = present.contains("channel") ? fields.channel : existing.channel
                merged.customerClass = present.contains("class") ? fields.customerClass : existing.customerClass
                merged.creditLimit = present.contains("credit_limit") ? fields.creditLimit : existing.creditLimit
                merged.paymentTerms = present.contains("payment_terms") ? fields.paymentTerms : existing.paymentTerms
                merged.currency = present.contains("currency") ? fields.currency : existing.currency
                merged.notes = present.contains("notes") ? fields.notes : existing.notes
                merged.name = present.contains("name") ? fields.name : existing.name
                // A customer already as the file says is not written again (s33-fix: a re-run "updated" every row
                // and wrote an audit entry of no change for each).
                var changed = merged != stored
                if changed { try runner.run(UpdateCustomer(id: existing.id, fields: merged)) }
                if let tax = entry.tax {
                    let before = try runner.taxDetails(customerCode: existing.code)
                    let after = try runner.run(MergeCustomerTaxDetails(
                        customerCode: fields.code, details: tax, present: present.intersection(DataImport.taxKeys)))
                    changed = changed || after != before
                }
                if changed { outcome.updated += 1 } else { outcome.unchanged += 1 }
            } else {
                try runner.run(CreateCustomer(fields))
                outcome.created += 1
                if let tax = entry.tax {
                    try runner.run(MergeCustomerTaxDetails(customerCode: fields.code, details: tax,
                                                           present: present.intersection(DataImport.taxKeys)))
                }
            }
        case let .product(sku, name, category, unit, price, taxRate, present):
            if let existing = try runner.product(sku: sku) {
                guard settings.update else {
                    throw LedgerError.validation([FieldIssue("sku", "product \(sku) already exists "
                                                             + "(use --update to change it)")])
                }
                // Only what differs from the stored product is given (a price already the list price would add a
                // dated price of no change); a product already as the file says is not written (s33-fix).
                func given<T: Equatable>(_ key: String, _ value: T, _ stored: T) -> T? {
                    present.contains(key) && value != stored ? value : nil
                }
                let edit = EditProduct(sku: sku, name: given("name", name, existing.name),
                                       category: given("category", category, existing.category),
                                       unit: given("unit", unit, existing.unit),
                                       taxRate: given("tax_rate", taxRate, existing.taxRate),
                                       unitPrice: given("unit_price", price, existing.unitPrice))
                if [edit.productName == nil, edit.category == nil, edit.unit == nil, edit.taxRate == nil,
                    edit.unitPrice == nil].allSatisfy({ $0 }) {
                    outcome.unchanged += 1
                } else {
                    try runner.run(edit)
                    outcome.updated += 1
                }
            } else {
                try runner.run(CreateProduct(sku: sku, name: name, category: category, unit: unit, unitPrice: price,
                                             taxRate: taxRate))
                outcome.created += 1
            }
        case let .openInvoice(code, number, date, due, amount):
            if !number.isEmpty, try runner.documentExists(externalReference: number) {
                throw LedgerError.validation([FieldIssue("number",
                                                         "\(number) is already in the ledger (imported before?)")])
            }
            var post = PostInvoice(customerCode: code, date: date, lines: [
                LineInput(description: "期初余额 opening balance" + (number.isEmpty ? "" : " \(number)"),
                          quantity: Quantity(1), unitPrice: amount, taxRate: .zero)])
            post.dueDate = due
            post.externalReference = number
            post.note = "opening balance"
            post.creditOverrideReason = "opening balance"
            try runner.run(post)
            outcome.openInvoices += 1
            outcome.totals[amount.currency.code, default: 0] += amount.minorUnits
        case let .openCredit(code, number, date, amount):
            if !number.isEmpty, try runner.receiptExists(reference: number) {
                throw LedgerError.validation([FieldIssue("number",
                                                         "\(number) is already in the ledger (imported before?)")])
            }
            var receipt = RecordReceipt(customerCode: code, date: date, amount: amount, allocation: AllocationPlan.none)
            receipt.method = .other
            receipt.reference = number
            receipt.note = "opening balance (unapplied credit)"
            try runner.run(receipt)
            outcome.openCredits += 1
            outcome.totals[amount.currency.code, default: 0] -= amount.minorUnits
        case let .receipt(date, code, name, account, amount, method, reference, note, invoice):
            if !reference.isEmpty, try runner.receiptExists(reference: reference) {
                throw LedgerError.validation([FieldIssue("reference",
                                                         "\(reference) is already in the ledger (imported before?)")])
            }
            guard let customer = try matchCustomer(code: code, name: name, account: account, runner) else {
                throw LedgerError.validation([FieldIssue(code.isEmpty ? "customer_name" : "customer_code",
                                                         "no customer matches \(code.isEmpty ? name : code)")])
            }
            try checkCurrency(of: amount, customer: customer, invoice: invoice, runner)
            let (plan, why) = try proposal(customer: customer, amount: amount, text: invoice + " " + note, runner)
            let shown = Money.format(amount.minorUnits, digits: amount.currency.minorDigits, grouping: false)
            outcome.proposals.append("row \(row): \(customer) \(shown) → \(why)")
            var receipt = RecordReceipt(customerCode: customer, date: date, amount: amount, allocation: plan)
            receipt.method = method
            receipt.reference = reference
            receipt.note = note
            try runner.run(receipt)
            outcome.receipts += 1
            outcome.totals[amount.currency.code, default: 0] += amount.minorUnits
        }
    }

    /// A receipt is in its customer's currency, and in the currency of the invoice its invoice column names (an open
    /// invoice of the customer): otherwise the row is refused, naming the currency column (the amount column when the
    /// file has none: the receipt was then taken in `--currency`, CNY by default).
    /// - Throws: `LedgerError.validation` with the path `currency`.
    func checkCurrency(of amount: Money, customer: String, invoice: String,
                       _ runner: LedgerService.BatchRunner) throws {
        if let record = try runner.customerRecord(code: customer), record.currency != amount.currency {
            throw LedgerError.validation([FieldIssue("currency", "is in \(amount.currency.code) but \(customer) "
                                                     + "pays in \(record.currency.code)")])
        }
        let named = invoice.trimmingCharacters(in: .whitespaces)
        guard !named.isEmpty else { return }
        if let open = try runner.openInvoices(customerCode: customer).first(where: { $0.number == named }),
           open.currency != amount.currency {
            throw LedgerError.validation([FieldIssue("currency", "is in \(amount.currency.code) but invoice "
                                                     + "\(named) is in \(open.currency.code)")])
        }
    }

    /// Customer code by code, else exact name, else an alias in a customer's notes (`别名：…`), else a customer whose
    /// phone, e-mail or notes hold the payer's account.
    func matchCustomer(code: String, name: String, account: String,
                       _ runner: LedgerService.BatchRunner) throws -> String? {
        if !code.isEmpty { return try runner.customerRecord(code: code) != nil ? code : nil }
        if let byName = try runner.customerCode(named: name) { return byName }
        if let byAlias = try runner.customerCode(alias: name) { return byAlias }
        if !account.isEmpty, let byAccount = try runner.customerCode(account: account) { return byAccount }
        return nil
    }

    /// Allocation proposal: an open invoice whose number is in the note, else one open invoice of exactly the
    /// amount, else oldest first.
    func proposal(customer: String, amount: Money, text: String,
                  _ runner: LedgerService.BatchRunner) throws -> (AllocationPlan, String) {
        let open = try runner.openInvoices(customerCode: customer)
        if let named = open.first(where: { !$0.number.isEmpty && text.contains($0.number) }) {
            let applied = min(named.open, amount.minorUnits)
            return (.manual([ManualAllocation(invoiceNumber: named.number,
                                              amount: Money(minorUnits: applied, currency: amount.currency))]),
                    "\(named.number) (invoice number in the note)")
        }
        if let exact = open.first(where: { $0.open == amount.minorUnits }) {
            return (.manual([ManualAllocation(invoiceNumber: exact.number, amount: amount)]),
                    "\(exact.number) (exact amount)")
        }
        return (.auto, open.isEmpty ? "unapplied credit (no open invoice)" : "oldest first")
    }
}

extension DataImport {
    /// What a run did: the outcome, every rejected row (file checks and ledger checks, by row), and whether the
    /// rows were written.
    public struct RunResult: Sendable {
        public var outcome: Outcome
        public var rejected: RejectedRows
        public var written: Bool
    }

    /// Posts in one transaction and keeps it only when no row was rejected and this is not a dry run; otherwise
    /// rolls everything back (all-or-nothing). A real import of a file whose own checks rejected rows posts
    /// nothing at all. `dropUnmatched` leaves out receipts whose payer matches no customer.
    /// `settings.skipInvalid` writes the good rows of a file with rejected rows: when the ledger refuses rows,
    /// the transaction is rolled back and run again without them (a refused row may have written part of itself,
    /// e.g. its new customer), until no row is refused; every refused row is listed. While the transaction holds
    /// the ledger's write lock, other programs that wait for it are told `import by <actor>` (`WriteJob`).
    /// `progress` gets the rows written and the rows staged.
    /// - Throws: `LedgerError` when the file was imported before or the actor lacks the role.
    public func run(service: LedgerService, dryRun: Bool, dropUnmatched: Bool = false,
                    progress: ((Int, Int) -> Void)? = nil) throws -> RunResult {
        // With rows rejected by the file's own checks the import cannot be all of it: the other rows are still
        // posted, to be checked against the ledger, and rolled back, so that every error of the file is reported at
        // once, the same with and without --dry-run (s34-fix; issue 10 had left the ledger's checks to --dry-run).
        let fileRejects = settings.skipInvalid ? false : !rejected.isEmpty
        var refused = RejectedRows()
        var skipping = Set<Int>()
        while true {
            var attempt = try attempt(service: service, dryRun: dryRun || fileRejects, dropUnmatched: dropUnmatched,
                                      skipping: skipping, progress: progress)
            let again = settings.skipInvalid && !dryRun && !attempt.outcome.rejected.isEmpty
                && attempt.outcome.rejected.count < staging.count - skipping.count
            refused = try RejectedRows.merged(refused, attempt.outcome.rejected)
            guard again else {
                attempt.outcome.rejected = refused
                let all = try RejectedRows.merged(rejected, refused)
                return RunResult(outcome: attempt.outcome, rejected: all, written: attempt.written)
            }
            try attempt.outcome.rejected.forEach { skipping.insert($0.row) }
        }
    }

    /// One pass of `run`: posts every row but `skipping` and keeps the transaction only when no row was refused
    /// and `rollBack` is false.
    private func attempt(service: LedgerService, dryRun rollBack: Bool, dropUnmatched: Bool, skipping: Set<Int>,
                         progress: ((Int, Int) -> Void)?) throws -> (outcome: Outcome, written: Bool) {
        var outcome = Outcome()
        var rolledBack = false
        let plan = self
        let result: Result<Void, LedgerError> = WriteJob.$current.withValue("import by \(service.actor)") {
            Result { () throws(LedgerError) in
                // A large sales import builds the document indexes it never reads once, at its end; one of invoices
                // only, the open items' index by customer too (s35-import).
                try service.runBatch(bulk: true, rows: kind == .sales ? staging.count - skipping.count : 0,
                                     invoicesOnly: kind == .sales && staging.creditNoteRows == 0) { runner in
                    outcome = try plan.post(into: runner, today: service.clock.today(), skipping: skipping,
                                            progress: progress)
                    if dropUnmatched {
                        outcome.rejected = try outcome.rejected.filtered {
                            !$0.problems.contains { $0.message.hasPrefix("no customer matches") }
                        }
                    }
                    if rollBack || !outcome.rejected.isEmpty {
                        rolledBack = true
                        throw CancellationError()
                    }
                }
            }
        }
        if case .failure(let error) = result, !rolledBack { throw error }
        return (outcome, !rolledBack)
    }
}

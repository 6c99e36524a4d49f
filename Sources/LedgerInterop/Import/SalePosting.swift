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
    /// The code each name of the file went to (the last row's), and whether that name is known to be no other
    /// customer's: a look-up found at most one customer so named and the import has created none of that name since.
    /// Such a name needs no look-up at its later rows (s33-import: every staging chunk looked all its names up again).
    private var codesByName: [String: (code: String, single: Bool)] = [:]
    private var next = 1
    private var pending: [(post: PostInvoice, line: Int, cells: [String], amount: Money, defaulted: Bool)] = []
    /// The pending invoices' new customers, by index in `pending`, and their codes.
    private var creating: [Int: (command: CreateCustomer, customer: Customer)] = [:]
    private var creatingCodes = Set<String>()
    /// The pending invoices' new customers by name, their codes: not in the ledger yet, so no look-up sees them, but a
    /// row naming one alone counts them with the ledger's (s33-fix: it went to the last code the file tied to the name
    /// without a word while the ledger or the file had another customer of the name).
    private var creatingNames: [String: [String]] = [:]
    /// Codes known to be in the ledger (read once, or created by a posted chunk): a customer is never removed
    /// while the import's transaction runs, so each later row of the customer needs no look-up (s31-import).
    private var existing = Set<String>()
    /// The ledger's default tax rate, for rows without a rate (read once).
    private var defaultRate: Rate?
    /// The current staging chunk's look-ups (`lookUp`, s32-import): for each name looked up, the customers so named
    /// (how many, the first two codes) or nil; and the codes no customer had. An entry goes when a customer it could
    /// concern is created, so each answer stays the one a look-up at that row would get.
    private var namesLooked: [String: CustomerNameMatches?] = [:]
    private var absent = Set<String>()
    /// For each code shape asked about, the ledger's first code of that shape, or nil when it has none (read once).
    private var shapes: [CustomerCodeShape: String?] = [:]
    /// The path of a refusal about the row's customer name (`DataImport.problems` names the name column).
    static let namePath = "customerName"
    /// Invoices pending at most (one audit entry's worth): memory stays bounded whatever the file's size.
    static let chunkRows = 1_000

    /// Posts the pending invoices.
    mutating func finish(_ runner: LedgerService.BatchRunner, refused: Refused? = nil) throws {
        guard !pending.isEmpty else { return }
        let chunk = pending, customers = creating
        pending.removeAll(keepingCapacity: true)
        creating.removeAll(keepingCapacity: true)
        creatingCodes.removeAll(keepingCapacity: true)
        creatingNames.removeAll(keepingCapacity: true)
        var left = Set<Int>()
        let handler: ((Int, LedgerError) throws -> Void)? = refused.map { refused in
            { index, error in
                left.insert(index)
                try refused(chunk[index].line, chunk[index].cells, error)
            }
        }
        try runner.postInvoices(chunk.map(\.post), creating: customers, refused: handler)
        for entry in customers.values { created(entry.customer) }
        for (index, entry) in chunk.enumerated() where !left.contains(index) {
            outcome.invoices += 1
            outcome.totals[entry.amount.currency.code, default: 0] += entry.amount.minorUnits
            if entry.defaulted { outcome.defaultRateRows += 1 }
        }
    }

    /// A customer now in the ledger: its code exists, and the look-ups of its name are read again.
    private mutating func created(_ customer: Customer) {
        existing.insert(customer.code)
        absent.remove(customer.code)
        namesLooked[customer.name] = nil
        codesByName[customer.name]?.single = false
    }

    /// Looks up, before `rows` (a staging chunk) are posted, the customers they name that are not known yet: their
    /// names with one statement, their codes and the `IMP-` codes their new customers may draw with one more (more
    /// only when drawn codes are taken). Before this every miss was a statement of its own per row (by name, by
    /// the drawn code, again in the new customer's check). Only the import writes customers while its transaction
    /// runs, and each one it creates drops the answers it could change (`created`), so every row sees what a
    /// look-up at that row would see.
    mutating func lookUp(_ rows: [SalesImport.Row], _ runner: LedgerService.BatchRunner) throws {
        namesLooked.removeAll(keepingCapacity: true)
        absent.removeAll(keepingCapacity: true)
        var names: [String] = [], codes: [String] = [], seen = Set<String>()
        for row in rows {
            if let code = row.customerCode {
                if !existing.contains(code), !creatingCodes.contains(code), seen.insert(code).inserted {
                    codes.append(code)
                }
            } else if namesLooked[row.customerName] == nil, codesByName[row.customerName]?.single != true {
                // Also a name the file has used before: one that two customers have is refused (s32-fixb).
                namesLooked[row.customerName] = .some(nil)
                names.append(row.customerName)
            }
        }
        var drawing = 0
        if !names.isEmpty {
            let found = try runner.customerCodes(named: names)
            for name in names {
                namesLooked[name] = .some(found[name])
                if found[name] == nil && codesByName[name] == nil { drawing += 1 }
            }
        }
        // The given codes, and the `IMP-` codes the new names may draw from `next` on until as many are free (the
        // drawing widened while they are taken).
        var wanted = drawing, number = next, size = drawing
        while !codes.isEmpty || wanted > 0 {
            var drawn: [String] = []
            let end = number + size
            while number < end {
                let code = Self.drawnCode(number)
                number += 1
                if existing.contains(code) || creatingCodes.contains(code) || absent.contains(code) { continue }
                if seen.insert(code).inserted { drawn.append(code) }
            }
            let asked = codes + drawn
            if !asked.isEmpty {
                let found = try runner.customersExisting(codes: asked)
                for code in asked {
                    if found.contains(code) { existing.insert(code) } else { absent.insert(code) }
                }
                wanted -= drawn.count - drawn.filter(found.contains).count
            }
            codes = []
            size *= 2
        }
    }

    /// The code of the `number`th drawn customer: `IMP-0001`.
    private static func drawnCode(_ number: Int) -> String {
        "IMP-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
    }

    /// When `text` has a customer code's shape (`CustomerCodeShape`) and the ledger has codes of that shape: its first
    /// such code (`KH001`), else nil.
    private mutating func codeShaped(_ text: String, _ runner: LedgerService.BatchRunner) throws -> String? {
        guard let shape = CustomerCodeShape(text) else { return nil }
        if let known = shapes[shape] { return known }
        let found = try runner.firstCustomerCode(glob: shape.glob)
        shapes[shape] = .some(found)
        return found
    }

    /// Whether a customer has `code`, in the ledger or waiting to be created with the pending invoices.
    private mutating func exists(_ code: String, _ runner: LedgerService.BatchRunner) throws -> Bool {
        if existing.contains(code) || creatingCodes.contains(code) { return true }
        if absent.contains(code) { return false }
        guard try runner.customer(code: code) != nil else { return false }
        existing.insert(code)
        return true
    }

    mutating func post(_ row: SalesImport.Row, _ runner: LedgerService.BatchRunner, cells: [String] = [],
                       refused: Refused? = nil) throws {
        var code = row.customerCode
        var single = codesByName[row.customerName]?.single ?? false
        // A name some pending invoice's new customer has is counted again below (s33-fix), never taken on trust.
        if code == nil, let known = codesByName[row.customerName], known.single,
           creatingNames[row.customerName] == nil {
            code = known.code
        } else if code == nil {
            let matches: CustomerNameMatches?
            if let looked = namesLooked[row.customerName] {
                matches = looked
            } else {
                matches = try runner.customerCodes(named: [row.customerName])[row.customerName]
                namesLooked[row.customerName] = .some(matches)
            }
            // The ledger's customers of the name and those the pending invoices create (never both: a created one
            // enters the ledger with its chunk).
            let pendingCodes = creatingNames[row.customerName] ?? []
            let count = (matches?.count ?? 0) + pendingCodes.count
            if count > 1 {
                let first = ((matches?.codes ?? []) + pendingCodes).sorted().prefix(2)
                let codes = first.joined(separator: ", ") + (count > 2 ? ", …" : "")
                let message = "customer name '\(row.customerName)' matches \(count) customers (\(codes)): "
                    + "give the customer code"
                throw LedgerError.validation([FieldIssue(Self.namePath, message)])
            }
            code = codesByName[row.customerName]?.code ?? matches?.codes.first ?? pendingCodes.first
            single = true
            if code == nil, let example = try codeShaped(row.customerName, runner) {
                // A name no customer has, shaped like the ledger's codes: the customer of that code, never a new
                // customer named `KH999` (s35-fix: a mistyped code made one without a word).
                guard try exists(row.customerName, runner) else {
                    throw LedgerError.validation([FieldIssue(Self.namePath, "no customer is named "
                        + "'\(row.customerName)' and no customer has that code (the ledger's codes look like "
                        + "\(example)): check it, or add the customer first (customer add)")])
                }
                code = row.customerName
            }
        }
        var new: CustomerFields?
        if let existing = code, try !exists(existing, runner) {
            // An unknown code shaped like the ledger's is a typo unless the row names a new customer too (a name of
            // its own that no customer has): then the customer is created with that code, as before.
            if let example = try codeShaped(existing, runner) {
                var named = row.customerName != existing && creatingNames[row.customerName] == nil
                if named { named = try runner.customerCodes(named: [row.customerName])[row.customerName] == nil }
                if !named {
                    throw LedgerError.validation([FieldIssue("code", "no customer has code '\(existing)' (the "
                        + "ledger's codes look like \(example)): check the code, or add the customer first "
                        + "(customer add)")])
                }
            }
            new = CustomerFields(code: existing, name: row.customerName)
        }
        if code == nil {
            var candidate: String
            repeat {
                candidate = Self.drawnCode(next)
                next += 1
            } while try exists(candidate, runner)
            new = CustomerFields(code: candidate, name: row.customerName)
            code = candidate
        }
        if var fields = new {
            fields.currency = row.amount.currency
            if row.isCreditNote {
                try finish(runner, refused: refused)
                created(try runner.run(CreateCustomer(fields)))
            } else {
                // The code was found free just now (`exists`), with nothing written since.
                let command = CreateCustomer(fields)
                creating[pending.count] = (command, try runner.checkedNewCustomer(command, codeIsFree: true))
                creatingCodes.insert(fields.code)
                creatingNames[fields.name, default: []].append(fields.code)
            }
            outcome.newCustomers += 1
            if outcome.newCustomerList.count < SalesImport.Outcome.listedCustomers {
                outcome.newCustomerList.append(fields.code + " " + fields.name)
            }
        }
        guard let customerCode = code else { return }
        codesByName[row.customerName] = (customerCode, single)
        let description = row.number.isEmpty ? (row.note.isEmpty ? "Imported sale" : row.note) : row.number
        if defaultRate == nil {
            defaultRate = try runner.defaultTaxRate()
            outcome.defaultRate = defaultRate
        }
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
            if row.taxRate == nil { outcome.defaultRateRows += 1 }
        } else {
            var post = PostInvoice(customerCode: customerCode, date: row.date, lines: [line])
            post.dueDate = row.dueDate
            post.externalReference = row.number
            post.note = row.note
            post.creditOverrideReason = "import"
            pending.append((post, row.line, cells, row.amount, row.taxRate == nil))
            if pending.count >= Self.chunkRows { try finish(runner, refused: refused) }
        }
    }
}

import LedgerCore

/// CSV import of sales (one row = one invoice with one line of the row's amount, tax included), as exported
/// from spreadsheets, other tools or our own `invoice list --format csv`.
///
/// Columns are found by name, English or Chinese: date (日期), number (单号), customer / customer code and name
/// (客户 / 客户编码 / 客户名称), amount (金额 / 价税合计 / total), optional due date (到期日), note (备注),
/// currency, kind, status. Text is UTF-8 (BOM dropped) or GB18030 (see `CSVTable`). Dates use the declared
/// format only — never guessed per row, never "corrected" (shared/cases/B05.md). Every row is checked before
/// anything is written; the import is one transaction.
public struct SalesImport {
    /// One row ready to post.
    public struct Row: Sendable {
        public var line: Int
        public var date: CivilDate
        public var number: String
        public var customerCode: String?
        public var customerName: String
        public var amount: Money
        public var dueDate: CivilDate?
        public var note: String
        public var isCreditNote: Bool
    }

    public var rows: [Row] = []
    /// Problems by row and column (`row 7, column date: …`); rows with problems are not in `rows`.
    public var issues: [FieldIssue] = []
    /// Rows skipped on purpose (void documents), with the reason.
    public var skipped: [String] = []
    public let source: String

    static let synonyms: [String: [String]] = [
        "date": ["date", "invoice_date", "日期", "单据日期", "开票日期", "销售日期"],
        "number": ["number", "invoice_no", "invoice", "no", "单号", "单据号", "发票号", "销售单号"],
        "code": ["customer_code", "客户编码", "客户代码"],
        "name": ["customer_name", "name", "客户名称"],
        "customer": ["customer", "客户"],
        "amount": ["amount", "total", "金额", "价税合计", "含税金额"],
        "due": ["due_date", "due", "到期日"],
        "note": ["note", "notes", "memo", "备注"],
        "currency": ["currency", "币种"],
        "kind": ["kind", "type", "类型"],
        "status": ["status", "状态"],
    ]

    /// Reads and checks `table`. - Throws: `InteropError` when a required column is missing.
    public init(table: CSVTable, dateFormat: DateParser.Format, currency: Currency) throws {
        source = table.source
        func column(_ key: String) -> String? {
            let wanted = Self.synonyms[key] ?? []
            return table.header.first { h in wanted.contains(h.trimmingCharacters(in: .whitespaces).lowercased()) }
        }
        let dateColumn = column("date"), amountColumn = column("amount")
        var codeColumn = column("code"), nameColumn = column("name")
        let customerColumn = column("customer")
        if let customerColumn {
            if nameColumn == nil { nameColumn = customerColumn } else if codeColumn == nil { codeColumn = customerColumn }
        }
        var missing: [String] = []
        if dateColumn == nil { missing.append("date (日期)") }
        if amountColumn == nil { missing.append("amount (金额)") }
        if nameColumn == nil && codeColumn == nil { missing.append("customer (客户)") }
        guard missing.isEmpty, let dateColumn, let amountColumn else {
            throw InteropError(source: table.source, message: "missing column(s): \(missing.joined(separator: ", ")); the header is: \(table.header.joined(separator: ", "))")
        }
        let numberColumn = column("number"), dueColumn = column("due"), noteColumn = column("note")
        let currencyColumn = column("currency"), kindColumn = column("kind"), statusColumn = column("status")
        var seenNumbers: [String: Int] = [:]
        for r in table.records.indices {
            let line = table.rowNumber(r)
            func cell(_ c: String?) -> String { c.map { table.value(r, $0).trimmingCharacters(in: .whitespaces) } ?? "" }
            if statusColumn != nil, cell(statusColumn) == "void" { skipped.append("row \(line): void document not imported"); continue }
            var rowIssues: [FieldIssue] = []
            let dateText = cell(dateColumn)
            var date: CivilDate?
            do { date = try DateParser.parse(dateText, format: dateFormat) } catch {
                rowIssues.append(FieldIssue("row \(line), column \(dateColumn)", "\(dateText.isEmpty ? "date is empty" : "\(dateText) is not a valid date (\(error.reason), format \(dateFormat.rawValue))")"))
            }
            var rowCurrency = currency
            if currencyColumn != nil, !cell(currencyColumn).isEmpty {
                if let c = Currency.named(cell(currencyColumn)) { rowCurrency = c } else {
                    rowIssues.append(FieldIssue("row \(line), column \(currencyColumn!)", "unknown currency \(cell(currencyColumn))"))
                }
            }
            var amount: Money?
            do { amount = try MoneyParser.parse(cell(amountColumn), currency: rowCurrency) } catch {
                rowIssues.append(FieldIssue("row \(line), column \(amountColumn)", error.description))
            }
            let isCreditNote = kindColumn != nil && ["credit_note", "credit note", "红字冲销", "贷项"].contains(cell(kindColumn).lowercased())
            if let value = amount {
                if value.minorUnits < 0 && !isCreditNote {
                    rowIssues.append(FieldIssue("row \(line), column \(amountColumn)", "negative amount: import returns as credit notes (kind column)"))
                } else if value.minorUnits == 0 {
                    rowIssues.append(FieldIssue("row \(line), column \(amountColumn)", "amount is zero"))
                }
            }
            let name = cell(nameColumn), code = cell(codeColumn)
            for (column, text) in [(nameColumn, name), (codeColumn, code), (numberColumn, cell(numberColumn)),
                                   (noteColumn, cell(noteColumn))] {
                if let column, let bad = column == codeColumn
                    ? TextSafety.firstForbiddenInCode(text) : TextSafety.firstForbidden(in: text) {
                    rowIssues.append(FieldIssue("row \(line), column \(column)", TextSafety.message(for: bad)))
                }
            }
            if name.isEmpty && code.isEmpty {
                rowIssues.append(FieldIssue("row \(line), column \(nameColumn ?? codeColumn ?? "customer")", "customer is empty"))
            }
            let number = cell(numberColumn)
            if !number.isEmpty {
                if let first = seenNumbers[number] {
                    rowIssues.append(FieldIssue("row \(line), column \(numberColumn!)", "\(number) appears again (first on row \(first))"))
                } else {
                    seenNumbers[number] = line
                }
            }
            var due: CivilDate?
            if dueColumn != nil, !cell(dueColumn).isEmpty {
                do { due = try DateParser.parse(cell(dueColumn), format: dateFormat) } catch {
                    rowIssues.append(FieldIssue("row \(line), column \(dueColumn!)", "\(cell(dueColumn)) is not a valid date (\(error.reason))"))
                }
            }
            guard rowIssues.isEmpty, let date, let amount else { issues += rowIssues; continue }
            rows.append(Row(line: line, date: date, number: number, customerCode: code.isEmpty ? nil : code,
                            customerName: name.isEmpty ? code : name, amount: amount.minorUnits < 0 ? -amount : amount,
                            dueDate: due, note: cell(noteColumn), isCreditNote: isCreditNote))
        }
    }

    /// What an import wrote.
    public struct Outcome: Sendable, CustomStringConvertible {
        public var invoices = 0
        public var creditNotes = 0
        public var newCustomers = 0
        /// Net total by currency code (invoices less credit notes), minor units.
        public var totals: [String: Int64] = [:]
        public var description: String {
            let money = totals.sorted { $0.key < $1.key }.map { code, minor in
                "\(Money.format(minor, digits: Currency.named(code)?.minorDigits ?? 2, grouping: true)) \(code)"
            }.joined(separator: ", ")
            return "imported \(invoices) invoice(s)" + (creditNotes > 0 ? " and \(creditNotes) credit note(s)" : "")
                + " (\(money.isEmpty ? "0" : money)), \(newCustomers) new customer(s)"
        }
    }

    /// Posts the rows through the command layer inside `runner`'s transaction. Customers are found by code, else
    /// by exact name, else created (code `IMP-0001` …, in `currency`).
    public func post(into runner: LedgerService.BatchRunner) throws -> Outcome {
        var outcome = Outcome()
        var issues = IssueCollector()
        for row in rows where !row.number.isEmpty {
            if try runner.documentExists(externalReference: row.number) {
                issues.add("row \(row.line)", "\(row.number) is already in the ledger (imported before?)")
            }
        }
        try issues.throwIfAny()
        var codesByName: [String: String] = [:]
        var next = 1
        for row in rows {
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
            guard let customerCode = code else { continue }
            codesByName[row.customerName] = customerCode
            let description = row.number.isEmpty ? (row.note.isEmpty ? "Imported sale" : row.note) : row.number
            if row.isCreditNote {
                var note = IssueCreditNote(customerCode: customerCode, date: row.date, amount: row.amount, reason: "imported: \(description)")
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
        return outcome
    }
}

import LedgerCore

/// CSV import of sales (one row = one invoice with one line of the row's amount, tax included), as exported
/// from spreadsheets, other tools or our own `invoice list --format csv`. The amount is the total with tax
/// (价税合计), split into net and VAT (价税分离, `LineCalculation.split`) at the row's tax rate (税率 column: `13`,
/// `13%` or `0.13`), else the ledger's default rate (`LedgerSettings.defaultTaxRate`, 0 % when none is set).
///
/// Columns are found by name, English or Chinese: date (日期), number (单号), customer / customer code and name (客户 / 客户编码
/// / 客户名称), amount (金额 / 价税合计 / total), optional due date (到期日), note (备注), currency, kind, status, tax rate (税率). Text
/// is UTF-8 (BOM dropped) or GB18030 (see `CSVTable`). Dates use the declared format only — never guessed per row,
/// never "corrected" (shared/cases/B05.md). The file is read, checked and posted by the import engine (`DataImport`,
/// kind sales); this holds its columns, rows and the one row check.
public enum SalesImport {
    /// One row ready to post.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var date: CivilDate
        public var number: String
        public var customerCode: String?
        public var customerName: String
        public var amount: Money
        public var dueDate: CivilDate?
        public var note: String
        public var isCreditNote: Bool
        /// The row's tax rate; nil: the ledger's default rate.
        public var taxRate: Rate? = nil
    }

    static let synonyms: [String: [String]] = [
        "date": ["date", "invoice_date", "日期", "单据日期", "开票日期", "销售日期"],
        "number": ["number", "invoice_no", "invoice", "no", "单号", "单据号", "发票号", "销售单号"],
        "code": ["customer_code", "客户编码", "客户代码"],
        "name": ["customer_name", "name", "客户名称"],
        "customer": ["customer", "客户"],
        "amount": ["amount", "total", "金额", "价税合计", "含税金额"],
        "due": ["due_date", "due", "到期日"],
        "note": ["note", "notes", "memo", "备注"],
        "currency": ["currency", "币种", "币别"],
        "kind": ["kind", "type", "类型"],
        "status": ["status", "状态"],
        "rate": ["tax_rate", "vat_rate", "税率"],
    ]

    /// The columns of a sales file, found by name (`synonyms`); a lone `customer` column is the name, or the code
    /// when a name column exists.
    public struct Columns: Sendable {
        public var date: String, amount: String
        public var code: String?, name: String?, number: String?, due: String?, note: String?
        public var currency: String?, kind: String?, status: String?, rate: String?

        /// - Throws: `InteropError` naming the missing columns and the header, or two columns that give the same
        ///   field (`columns 3 (税率) and 4 (vat_rate) both give the tax rate`: which one counts would be a guess).
        public init(header: [String], source: String) throws {
            func column(_ key: String) -> String? {
                let wanted = SalesImport.synonyms[key] ?? []
                return header.first { h in wanted.contains(h.trimmingCharacters(in: .whitespaces).lowercased()) }
            }
            try Self.refuseRepeatedFields(header, source: source)
            let dateColumn = column("date"), amountColumn = column("amount")
            code = column("code")
            name = column("name")
            if let customer = column("customer") {
                if name == nil { name = customer } else if code == nil { code = customer }
            }
            var missing: [String] = []
            if dateColumn == nil { missing.append("date (日期)") }
            if amountColumn == nil { missing.append("amount (金额)") }
            if name == nil && code == nil { missing.append("customer (客户)") }
            guard missing.isEmpty, let dateColumn, let amountColumn else {
                throw InteropError(source: source, message: "missing column(s): \(missing.joined(separator: ", ")); "
                                   + "the header is: \(header.joined(separator: ", "))")
            }
            date = dateColumn
            amount = amountColumn
            number = column("number")
            due = column("due")
            note = column("note")
            currency = column("currency")
            kind = column("kind")
            status = column("status")
            rate = column("rate")
        }
    }

    /// What each field is called in the message about two columns that give it.
    static let fieldWords: [String: String] = [
        "date": "date", "number": "number", "code": "customer code", "name": "customer name",
        "amount": "amount", "due": "due date", "note": "note", "currency": "currency", "kind": "kind",
        "status": "status", "rate": "tax rate",
    ]

    /// The result of checking one row.
    public enum RowCheck: Sendable {
        case row(Row)
        /// A void document, left out on purpose.
        case void
        /// Problems by column (header name).
        case problems([(column: String, message: String)])
    }

    /// The one check of a sales row (the import engine's, `DataImport` kind sales). `cell` gives a column's
    /// trimmed text ("" for nil); `amount` parses an amount (the engine's reads a decimal comma when told);
    /// `firstRow` returns the row where a number was first seen, or records it.
    public static func check(line: Int, columns: Columns, dateFormat: DateParser.Format, today: CivilDate? = nil,
                             currency: Currency,
                             cell: (String?) -> String, amount parseAmount: (String, Currency) throws -> Money,
                             firstRow: (String) -> Int?) -> RowCheck {
        if columns.status != nil, cell(columns.status) == "void" { return .void }
        var problems: [(column: String, message: String)] = []
        let dateText = cell(columns.date)
        var date: CivilDate?
        do { date = try DateParser.parse(dateText, format: dateFormat, today: today) } catch {
            problems.append((columns.date, dateText.isEmpty ? "date is empty"
                             : "\(dateText) is not a valid date (\(error.reason), format \(dateFormat.rawValue))"))
        }
        var rowCurrency = currency
        if let c = columns.currency, !cell(c).isEmpty {
            if let found = Currency.parse(cell(c)) { rowCurrency = found } else {
                problems.append((c, "unknown currency \(cell(c))"))
            }
        }
        var amount: Money?
        do { amount = try parseAmount(cell(columns.amount), rowCurrency) } catch {
            problems.append((columns.amount, "\(error)"))
        }
        let isCreditNote = columns.kind != nil
            && ["credit_note", "credit note", "红字冲销", "贷项"].contains(cell(columns.kind).lowercased())
        if let value = amount {
            if value.minorUnits < 0 && !isCreditNote {
                problems.append((columns.amount, "negative amount: import returns as credit notes (kind column)"))
            } else if value.minorUnits == 0 {
                problems.append((columns.amount, "amount is zero"))
            }
        }
        let name = cell(columns.name), code = cell(columns.code), number = cell(columns.number)
        for (column, text) in [(columns.name, name), (columns.code, code), (columns.number, number),
                               (columns.note, cell(columns.note))] {
            if let column, let bad = column == columns.code
                ? TextSafety.firstForbiddenInCode(text) : TextSafety.firstForbidden(in: text) {
                problems.append((column, TextSafety.message(for: bad)))
            }
        }
        if name.isEmpty && code.isEmpty {
            problems.append((columns.name ?? columns.code ?? "customer", "customer is empty"))
        }
        if !number.isEmpty, let number_ = columns.number, let first = firstRow(number) {
            problems.append((number_, "\(number) appears again (first on row \(first))"))
        }
        var due: CivilDate?
        if let d = columns.due, !cell(d).isEmpty {
            do { due = try DateParser.parse(cell(d), format: dateFormat, today: today) } catch {
                problems.append((d, "\(cell(d)) is not a valid date (\(error.reason))"))
            }
        }
        var rate: Rate?
        if let r = columns.rate, !cell(r).isEmpty {
            switch checkedTaxRate(cell(r)) {
            case .success(let found): rate = found
            case .failure(let problem): problems.append((r, problem.message))
            }
        }
        guard problems.isEmpty, let date, let amount else { return .problems(problems) }
        return .row(Row(line: line, date: date, number: number, customerCode: code.isEmpty ? nil : code,
                        customerName: name.isEmpty ? code : name, amount: amount.minorUnits < 0 ? -amount : amount,
                        dueDate: due, note: cell(columns.note), isCreditNote: isCreditNote, taxRate: rate))
    }

    /// A tax rate as files write it: `13%` and `13` are percent, a number below 1 a fraction (`0.13` → 13 %,
    /// `0.5` → 50 %); trailing zeros of the decimals change nothing (`13.000`); nil when it is not a rate of 0–100 %.
    public static func taxRate(_ text: String) -> Rate? { try? checkedTaxRate(text).get() }

    /// Why a tax-rate cell is refused (the message names the cell's text and says what a fraction means).
    public struct RateProblem: Error, Sendable, Equatable { public var message: String }

    /// `taxRate`, with the reason when the text is not a rate of 0–100 %: `'abc' is not a tax rate (…)`,
    /// `'130' is more than 100% (…)`.
    public static func checkedTaxRate(_ text: String) -> Result<Rate, RateProblem> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let rate: Rate?
        if trimmed.hasSuffix("%") || trimmed.hasSuffix("％") {
            rate = try? Rate.parsePercent(trimmed)
        } else if let fraction = try? Rate.parseFraction(trimmed), fraction.basisPoints < 10_000 {
            rate = fraction                                  // 0.13 → 13 %
        } else {
            rate = try? Rate.parsePercent(trimmed)           // 13 → 13 %, 1 → 1 %
        }
        let example = "write 13, 13% or 0.13; a number below 1 is a fraction: 0.5 = 50%"
        guard let rate, rate.basisPoints >= 0 else {
            return .failure(RateProblem(message: "'\(trimmed)' is not a tax rate (\(example))"))
        }
        guard rate.basisPoints <= 10_000 else {
            return .failure(RateProblem(message: "'\(trimmed)' is more than 100% (\(example))"))
        }
        return .success(rate)
    }

    /// What an import wrote.
    public struct Outcome: Sendable, CustomStringConvertible {
        public var invoices = 0
        public var creditNotes = 0
        public var newCustomers = 0
        /// The first `listedCustomers` new customers, `code name` (a dry run lists them).
        public var newCustomerList: [String] = []
        /// How many new customers `newCustomerList` holds at most.
        public static let listedCustomers = 10
        /// `would create 12 customer(s): IMP-0001 甲, … (and 2 more)`, or nil when none is new.
        public var newCustomerLine: String? {
            guard newCustomers > 0 else { return nil }
            let more = newCustomers - newCustomerList.count
            return "would create \(newCustomers) customer(s): " + newCustomerList.joined(separator: ", ")
                + (more > 0 ? " (and \(more) more)" : "")
        }
        /// Net total by currency code (invoices less credit notes), minor units.
        public var totals: [String: Int64] = [:]
        /// Rows posted without a tax rate of their own, at the ledger's default rate (`defaultRate`).
        public var defaultRateRows = 0
        /// The ledger's default tax rate, once a row was posted (nil before).
        public var defaultRate: Rate?
        public var description: String { "imported " + summary }
        /// The description without its leading "imported ": counts, totals, new customers and, when rows had no
        /// tax rate, `; 12 rows without a tax rate used the ledger's default 0%` (tryout s32: they posted at 0 %
        /// without a word).
        public var summary: String {
            let money = totals.sorted { $0.key < $1.key }.map { code, minor in
                "\(Money.format(minor, digits: Currency.named(code)?.minorDigits ?? 2, grouping: true)) \(code)"
            }.joined(separator: ", ")
            var text = "\(invoices) invoice(s)" + (creditNotes > 0 ? " and \(creditNotes) credit note(s)" : "")
                + " (\(money.isEmpty ? "0" : money)), \(newCustomers) new customer(s)"
            if defaultRateRows > 0, let defaultRate {
                text += "; \(defaultRateRows) row\(defaultRateRows == 1 ? "" : "s") without a tax rate used the "
                    + "ledger's default \(defaultRate)"
            }
            return text
        }
    }
}

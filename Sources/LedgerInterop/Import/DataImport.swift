import Foundation
import LedgerCore

/// What `import customers|products|receipts|opening` reads.
/// `sales` is `import sales` (one row = one invoice or credit note, `SalesImport.check`).
public enum ImportKind: String, Sendable, CaseIterable { case customers, products, receipts, opening, sales }

/// Layout of a receipts file: our columns, a WeChat Pay or Alipay bill, or a bank statement CSV.
public enum ReceiptFormat: String, Sendable, CaseIterable { case generic, wechat, alipay, bankCSV = "bank-csv" }

public struct ImportSettings: Sendable {
    public var decimalComma = false
    /// Upsert by code (customers, products) instead of refusing existing codes.
    public var update = false
    public var dateFormat: DateParser.Format = .yearMonthDay
    /// The day relative dates (`today`, `+30`, `11-29`, `11月29日`) count from: the importing command's clock.
    /// nil: such dates are refused, naming why (`DateParser.parse(_:format:today:)`).
    public var today: CivilDate?
    public var currency: Currency = .cny
    public var format: ReceiptFormat = .generic
    /// Receipts whose customer cannot be matched are left out (listed) instead of stopping the file.
    public var skipUnmatched = false
    /// Rows that fail the file checks are left out (listed) and the rest imported (`import sales --skip-invalid`).
    public var skipInvalid = false
    public init() {}
}

/// A problem with one row: `row 7, column 电话: …`.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public var row: Int
    public var column: String
    public var message: String
    public var description: String {
        column.isEmpty ? "row \(row): \(message)" : "row \(row), column \(column): \(message)"
    }
}

/// One checked row, ready to post.
public enum ImportRecord: Sendable, Equatable {
    /// Fields present in the file (`present` lists their keys; the rest keep stored values on update).
    case customer(CustomerFields, present: Set<String>)
    case product(sku: String, name: String, category: String, unit: String, price: Money, taxRate: Rate,
                 present: Set<String>)
    case openInvoice(customerCode: String, number: String, date: CivilDate, due: CivilDate?, amount: Money)
    case openCredit(customerCode: String, number: String, date: CivilDate, amount: Money)
    case receipt(date: CivilDate, customerCode: String, customerName: String, account: String, amount: Money,
                 method: PaymentMethod, reference: String, note: String, invoice: String)
    case sale(SalesImport.Row)
}

/// The import engine shared by every kind: a `DelimitedFile` streamed once, each row checked into an `ImportRecord`
/// or rejected with problems naming row and column, the good rows staged (`ImportStaging`: a bounded row buffer
/// spilling to a temporary file) — all before the ledger's write lock is taken; `post` (DataImportPosting.swift)
/// then checks against the ledger and writes all rows in one transaction, or nothing.
public struct DataImport: Sendable {
    public struct Entry: Sendable {
        public var row: Int
        public var cells: [String]
        public var record: ImportRecord
        /// A customer row's fapiao details (the tax columns present in the file), checked; nil when none.
        public var tax: CustomerTaxDetails? = nil
    }
    public struct Rejected: Sendable {
        public var row: Int
        public var cells: [String]
        public var problems: [ImportProblem]
    }

    public let kind: ImportKind
    public let file: DelimitedFile
    public let settings: ImportSettings
    public private(set) var header: [String] = []
    /// The checked rows, staged (at most `ImportStaging.bufferCapacity` in memory).
    public let staging = ImportStaging()
    /// The rows the file checks rejected (bounded in memory, see `RejectedRows`).
    public internal(set) var rejected = RejectedRows()
    /// Rows left out on purpose (refunds, closed trades, duplicates of a 交易单号), with the reason.
    /// Only the first `RejectedRows.keptInMemory` reasons are kept; `skippedCount` counts them all.
    public internal(set) var skipped: [String] = []
    public internal(set) var skippedCount = 0
    var columns: [String: Int] = [:]
    /// The columns of a sales file (kind sales).
    var salesColumns: SalesImport.Columns?

    /// Reads and checks every row, streaming the file. `progress` gets the bytes read and the file's size.
    /// - Throws: `InteropError` when a required column is missing, the file is not delimited text, or the staging
    ///   file cannot be written.
    public init(file: DelimitedFile, kind: ImportKind, settings: ImportSettings,
                progress: ((Int, Int) -> Void)? = nil) throws {
        self.kind = kind
        self.file = file
        self.settings = settings
        let synonyms: [String: [String]]
        let required: [String]
        switch kind {
        case .customers: (synonyms, required) = (ImportColumns.customers, settings.update ? ["code"] : ["code", "name"])
        case .products: (synonyms, required) = (ImportColumns.products, settings.update ? ["sku"] : ["sku", "name"])
        case .opening: (synonyms, required) = (ImportColumns.opening, ["customer_code", "date", "amount"])
        case .receipts: (synonyms, required) = (ImportColumns.receipts, ["date", "amount"])
        case .sales: (synonyms, required) = ([:], [])
        }
        var seen = SeenKeys()
        // The file is decoded and split on a second thread while this one checks and stages the records read
        // before (s33-import): the same header, records, row numbers, progress and errors, in the same order.
        let reader = ReaderThread<ReadItem>(name: "import reader", capacity: 8) { put in
            // `forEachRecord`'s progress callback may escape: `put` is only called while it runs.
            try withoutActuallyEscaping(put) { put in
                var batch: [(cells: [String], row: Int)] = []
                batch.reserveCapacity(Self.readBatch)
                func flush() throws {
                    guard !batch.isEmpty else { return }
                    try put(.records(batch))
                    batch.removeAll(keepingCapacity: true)
                }
                try file.forEachRecord(header: { try put(.header($0)) }, progress: { read, total in
                    // Stopped by the checking side: the next record's `put` throws.
                    try? flush()
                    try? put(.progress(read, total))
                }) { cells, row in
                    batch.append((cells, row))
                    if batch.count >= Self.readBatch { try flush() }
                }
                try flush()
            }
        }
        defer { reader.close() }
        while let item = try reader.next() {
            switch item {
            case .header(let h): try takeHeader(h, synonyms: synonyms, required: required)
            case .progress(let read, let total): progress?(read, total)
            case .records(let records):
                for (cells, row) in records { try take(cells, row, &seen) }
            }
        }
    }

    /// What the reader thread hands over: the header, records with their row numbers, or the bytes read so far.
    private enum ReadItem {
        case header([String])
        case records([(cells: [String], row: Int)])
        case progress(Int, Int)
    }

    /// Records handed over at a time.
    private static let readBatch = 512

    /// Reads the header: the columns of the kind, or an error naming the missing ones.
    private mutating func takeHeader(_ h: [String], synonyms: [String: [String]], required: [String]) throws {
        header = h
        if kind == .sales {
            let found = try SalesImport.Columns(header: h, source: file.source)
            salesColumns = found
            for (i, name) in h.enumerated() where columns[name] == nil { columns[name] = i }
            return
        }
        // Two columns of one field (s33-fix: the first was taken without a word), as `import sales` refuses.
        if let repeated = ImportColumns.repeated(h, synonyms, sameHeaderOnly: kind == .receipts) {
            throw InteropError(source: file.source, message: repeated.description)
        }
        columns = ImportColumns.resolve(h, synonyms)
        let missing = required.filter { columns[$0] == nil }
        if !missing.isEmpty {
            throw InteropError(source: file.source,
                               message: "missing column(s): \(missing.joined(separator: ", ")); "
                               + "the header is: \(h.joined(separator: ", "))")
        }
        if kind == .receipts && columns["customer_code"] == nil && columns["customer_name"] == nil {
            throw InteropError(source: file.source,
                               message: "missing column: customer_code or customer_name (交易对方)")
        }
    }

    /// Checks one record and stages it, or keeps it as rejected or left out.
    private mutating func take(_ cells: [String], _ row: Int, _ seen: inout SeenKeys) throws {
        switch check(cells, row, &seen) {
        case .entry(let entry):
            var sale: SalesImport.Row?
            if case .sale(let checked) = entry.record { sale = checked }
            try staging.append(ImportStaging.Row(row: entry.row, cells: entry.cells, sale: sale))
        case .rejected(let r): try rejected.append(r)
        case .skipped(let reason):
            skippedCount += 1
            if skipped.count < RejectedRows.keptInMemory { skipped.append("row \(row): \(reason)") }
        }
    }

    /// The staged rows as entries (rebuilt by the same check). Reads the whole staging: for small files and tests;
    /// the write phase uses `forEachEntryChunk`.
    public var entries: [Entry] {
        var out: [Entry] = []
        try? forEachEntryChunk { out += $0 }
        return out
    }

    /// Calls `body` with the staged rows as entries, at most `ImportStaging.bufferCapacity` at a time: a sales row's
    /// staged record as it is, other rows rebuilt from their cells by the same check.
    public func forEachEntryChunk(_ body: ([Entry]) throws -> Void) throws {
        try staging.forEachChunk { rows in
            var entries: [Entry] = []
            entries.reserveCapacity(rows.count)
            for row in rows {
                // A sales row is posted as it was checked (s31-import: its cells are not checked twice).
                if let sale = row.sale {
                    entries.append(Entry(row: row.row, cells: row.cells, record: .sale(sale)))
                    continue
                }
                var fresh = SeenKeys()
                if case .entry(let entry) = check(row.cells, row.row, &fresh) { entries.append(entry) }
            }
            try body(entries)
        }
    }

    /// Header cell of `key` (for messages), else the key.
    func columnName(_ key: String) -> String { columns[key].map { $0 < header.count ? header[$0] : key } ?? key }

    /// The cell of `key`, trimmed, the OWASP `'` undone, and line breaks inside it (a multi-line Excel cell) joined
    /// with a space: the ledger refuses control characters in stored text (issue 12).
    func cell(_ cells: [String], _ key: String) -> String {
        guard let i = columns[key], i < cells.count else { return "" }
        // Nearly every cell is one line with no blank at either end: nothing to trim or join (the cells of other kinds'
        // rows come here twice, when checked and when written; Foundation's trimming was 5 % of an import).
        let scalars = cells[i].unicodeScalars
        if let first = scalars.first, let last = scalars.last, !CharacterSet.whitespaces.contains(first),
           !CharacterSet.whitespaces.contains(last), !Self.hasNewline(cells[i]) {
            return DelimitedFile.unneutralised(cells[i])
        }
        let lines = cells[i].split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return DelimitedFile.unneutralised(lines.joined(separator: " "))
    }

    /// Whether `text` has a character that `isNewline` (U+000A…U+000D, U+0085, U+2028, U+2029 — always characters
    /// of their own, or CR LF), read from its UTF-8 bytes (s32-import: reading characters was ~3 % of an import).
    static func hasNewline(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let n = bytes.count
            var i = 0
            while i < n {
                let byte = base[i]
                if byte >= 0x0A && byte <= 0x0D { return true }
                if byte == 0xC2 && i + 1 < n && base[i + 1] == 0x85 { return true }
                if byte == 0xE2 && i + 2 < n && base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9) {
                    return true
                }
                i += 1
            }
            return false
        }
    }

    /// What the check of one row found.
    enum Checked { case entry(Entry), rejected(Rejected), skipped(String) }

    func check(_ cells: [String], _ row: Int, _ seen: inout SeenKeys) -> Checked {
        var problems: [ImportProblem] = []
        func problem(_ key: String, _ message: String) {
            problems.append(ImportProblem(row: row, column: key.isEmpty ? "" : columnName(key), message: message))
        }
        func amount(_ key: String, _ currency: Currency) -> Money? {
            do {
                return try ImportAmount.parse(cell(cells, key), currency: currency,
                                              decimalComma: settings.decimalComma)
            } catch {
                problem(key, cell(cells, key).isEmpty ? "is empty" : "\(error)")
                return nil
            }
        }
        func date(_ key: String) -> CivilDate? {
            var text = cell(cells, key)
            if kind == .receipts, let space = text.firstIndex(of: " ") { text = String(text[..<space]) }
            do { return try DateParser.parse(text, format: settings.dateFormat, today: settings.today) } catch {
                problem(key, text.isEmpty ? "is empty"
                        : "\(text) is not a valid date (\(error.reason), format \(settings.dateFormat.rawValue))")
                return nil
            }
        }
        func currency() -> Currency {
            let code = cell(cells, "currency")
            if code.isEmpty { return settings.currency }
            if let c = Currency.parse(code) { return c }
            problem("currency", "unknown currency \(code)")
            return settings.currency
        }
        func unique(_ key: String) -> String {
            let value = cell(cells, key)
            if value.isEmpty { problem(key, "is empty") } else if let first = seen[value] {
                problem(key, "\(value) appears again (first on row \(first))")
            } else { seen[value] = row }
            return value
        }
        var record: ImportRecord?
        var tax: CustomerTaxDetails?
        switch kind {
        case .customers:
            let code = unique("code"), name = cell(cells, "name")
            if name.isEmpty && columns["name"] != nil { problem("name", "is empty") }
            var fields = CustomerFields(code: code, name: name)
            fields.contact = cell(cells, "contact")
            fields.phone = cell(cells, "phone")
            fields.email = cell(cells, "email")
            fields.address = cell(cells, "address")
            fields.region = cell(cells, "region")
            fields.channel = cell(cells, "channel")
            fields.customerClass = cell(cells, "class")
            fields.notes = cell(cells, "notes")
            fields.currency = currency()
            if !cell(cells, "credit_limit").isEmpty { fields.creditLimit = amount("credit_limit", fields.currency) }
            let terms = cell(cells, "payment_terms")
            if !terms.isEmpty {
                do { fields.paymentTerms = try PaymentTerms.parse(terms) } catch {
                    problem("payment_terms", "\(error)")
                }
            }
            record = .customer(fields, present: Set(columns.keys))
            tax = checkTaxColumns(cells, problem: problem)
        case .products:
            let sku = unique("sku"), name = cell(cells, "name")
            if name.isEmpty && columns["name"] != nil { problem("name", "is empty") }
            let cur = currency()
            let price = cell(cells, "unit_price").isEmpty ? Money.zero(cur) : amount("unit_price", cur)
            var rate = Rate.zero
            let rateText = cell(cells, "tax_rate")
            if !rateText.isEmpty {
                do {
                    rate = try Rate.parsePercent(rateText)
                    if rate.basisPoints > 0 && rate.basisPoints < 100 && !rateText.contains("%") {
                        problem("tax_rate", "\(rateText) is ambiguous: write 13 or 13% for thirteen percent")
                    }
                } catch { problem("tax_rate", "\(rateText) is not a percentage (\(error))") }
            }
            if let price {
                record = .product(sku: sku, name: name, category: cell(cells, "category"), unit: cell(cells, "unit"),
                                  price: price, taxRate: rate, present: Set(columns.keys))
            }
        case .opening:
            let code = cell(cells, "customer_code")
            if code.isEmpty { problem("customer_code", "is empty") }
            let number = cell(cells, "number")
            if !number.isEmpty { _ = unique("number") }
            let kindText = cell(cells, "kind").lowercased()
            let isCredit = ["credit", "unapplied", "unapplied_credit", "receipt", "预收", "预收款", "未核销", "credit_note"]
                .contains(kindText)
            if !isCredit && !["", "invoice", "销售单", "应收单", "发票"].contains(kindText) {
                problem("kind", "\(kindText) is neither invoice nor credit")
            }
            let d = date("date"), cur = currency(), value = amount("amount", cur)
            var due: CivilDate?
            if !cell(cells, "due_date").isEmpty { due = date("due_date") }
            if let value, value.minorUnits <= 0 { problem("amount", "must be greater than 0 (an open amount)") }
            if let d, let value, value.minorUnits > 0 {
                record = isCredit ? .openCredit(customerCode: code, number: number, date: d, amount: value)
                                  : .openInvoice(customerCode: code, number: number, date: d, due: due, amount: value)
            }
        case .receipts:
            switch receiptRecord(cells, row, &seen, problem: problem, amount: amount, date: date, currency: currency) {
            case .record(let r): record = r
            case .skip(let reason): return .skipped(reason)
            case .invalid: break
            }
        case .sales:
            switch saleRecord(cells, row, &seen) {
            case .row(let sale): record = .sale(sale)
            case .void: return .skipped("void document not imported")
            case .problems(let found):
                problems += found.map { ImportProblem(row: row, column: $0.column, message: $0.message) }
            }
        }
        if let record, problems.isEmpty {
            return .entry(Entry(row: row, cells: cells, record: record, tax: tax))
        }
        return .rejected(Rejected(row: row, cells: cells, problems: problems))
    }

    /// The rejected rows as CSV (`row`, `problems`, then the row's own cells under the file's header) line by line
    /// into `sink`, reading the rejected rows as it goes. `titles` name the first two
    /// columns and `describe` words each problem (the CLI passes Chinese ones under `--lang zh`).
    /// - Throws: `InteropError` when the rejected rows' temporary file cannot be read.
    public func writeRejectedCSV(style: CSVStyle? = nil, titles: [String] = ["row", "problems"],
                                 describe: (ImportProblem) -> String = { $0.description },
                                 to sink: (String) throws -> Void) throws {
        let style = style ?? CSVOutput.processDefault
        try sink(CSVOutput.render(header: titles + header, rows: [], style: style))
        try rejected.forEach { r in
            try sink(CSVOutput.line([String(r.row), r.problems.map(describe).joined(separator: "; ")] + r.cells,
                                    style: style) + "\n")
        }
    }

    /// The problems of the first rejected rows (`RejectedRows.keptInMemory`).
    public var problems: [ImportProblem] { rejected.problems() }
}

extension DataImport {
    /// Replaces the rejected rows (e.g. with those the ledger refused added), for `writeRejectedCSV`.
    public mutating func replaceRejected(_ rows: RejectedRows) { rejected = rows }
}

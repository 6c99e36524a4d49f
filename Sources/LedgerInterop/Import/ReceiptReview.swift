import Foundation
import LedgerCore

/// The review of an imported receipts file (WeChat Pay, Alipay, bank statement) before anything is written.
///
/// Each receipt row gets a proposal: the customer matched by code, exact name or payer account, and an allocation
/// (核销): the open invoice whose number is in the note, else one open invoice of exactly the amount, else oldest
/// due first. The user may accept a row, skip it, choose another customer or another allocation; `propose`
/// recomputes every proposal in a transaction that is rolled back (rows in file order, so a later row sees what the
/// earlier ones would take), and `write` runs the very same steps through the command layer in one transaction that
/// is kept only when every accepted row passes (all or nothing, each command audited, the file's fingerprint
/// recorded so the same file is not imported twice).
public struct ReceiptReview: Sendable {
    /// How the customer of a row was found.
    public enum Match: String, Sendable, Equatable { case code, name, alias, account, chosen, none }
    /// Why the allocation is what it is.
    public enum Reason: Sendable, Equatable {
        case invoiceInNote(String)
        case exactAmount(String)
        case oldestFirst, noOpenInvoice, chosen, unapplied
    }
    /// The user's allocation choice for a row.
    public enum Allocation: Sendable, Equatable {
        /// The proposal (invoice in the note, exact amount, else oldest first).
        case proposed
        /// Oldest due date first.
        case oldestFirst
        /// Nothing applied: the whole amount stays unapplied credit (预收款).
        case unapplied
        /// These invoices, these amounts.
        case manual([ManualAllocation])
    }
    /// Why a row cannot be written as it stands.
    public enum Problem: Sendable, Equatable {
        /// A receipt with this 交易单号 / serial is in the ledger already.
        case alreadyInLedger(String)
        /// No customer matches the payer: choose one or skip the row.
        case noCustomer(String)
        /// The ledger refused the row (field issues of `RecordReceipt`).
        case refused(String)
    }

    public struct Item: Sendable, Equatable {
        public var row: Int
        public var date: CivilDate
        public var amount: Money
        public var method: PaymentMethod
        /// 交易单号 / bank serial ("" when the file has none).
        public var reference: String
        /// The payer as the file names it (交易对方 / 对方户名), or the customer code column.
        public var payer: String
        public var payerCode: String
        public var account: String
        public var note: String
        /// The invoice column of our own layout ("" in bills).
        public var invoiceHint: String
        /// The user skips this row (nothing is written for it).
        public var isSkipped = false
        /// A customer the user chose instead of the match.
        public var chosenCustomer: String?
        public var allocation: Allocation = .proposed
        // The last proposal (`propose`):
        /// Customer code that would be written, nil when none matches.
        public var customerCode: String?
        public var customerName = ""
        public var match: Match = .none
        /// The allocation that would be written (concrete invoices and amounts; empty when all stays unapplied).
        public var parts: [ManualAllocation] = []
        public var reason: Reason = .unapplied
        public var problem: Problem?

        /// Amount left unapplied (customer credit) by `parts`, minor units.
        public var unapplied: Int64 { amount.minorUnits - parts.reduce(0) { $0 + $1.amount.minorUnits } }
        /// Written when `write` runs: not skipped and no problem.
        public var isWritten: Bool { !isSkipped && problem == nil }
    }

    public let file: DataImport
    public var items: [Item]

    /// Rows of `file` (a checked `DataImport` of kind receipts); rows already in the ledger start skipped after
    /// the first `propose`.
    public init(file: DataImport) {
        self.file = file
        items = file.entries.compactMap { entry in
            guard
                case .receipt(
                    let date, let code, let name, let account, let amount, let method, let reference, let note,
                    let invoice) = entry.record
            else { return nil }
            return Item(
                row: entry.row, date: date, amount: amount, method: method, reference: reference,
                payer: name.isEmpty ? code : name, payerCode: code, account: account, note: note,
                invoiceHint: invoice)
        }
    }

    /// What `write` did.
    public struct Written: Sendable, Equatable {
        /// Receipt numbers written, in file order.
        public var receipts: [String]
        public var allocations: Int
        public var skipped: Int
        /// Total written by currency code, minor units.
        public var totals: [String: Int64]
    }

    /// Recomputes every row's customer, allocation and problem (nothing is kept).
    /// - Throws: `LedgerError` when the ledger cannot be read.
    public mutating func propose(service: LedgerService) throws {
        var result: [Item] = []
        let current = items
        let file = self.file
        do {
            try service.runBatch { runner in
                result = try Self.apply(current, file: file, runner: runner, writing: false).items
                throw CancellationError()
            }
        } catch {
            if result.isEmpty && !current.isEmpty { throw error }
        }
        items = result
    }

    /// Writes the accepted rows through the command layer in one transaction, or nothing.
    /// - Throws: `LedgerError.validation` naming the row when a row has a problem or the ledger refuses it,
    ///   `LedgerError.refused` when the file was imported before, `permissionDenied` for a clerk.
    public func write(service: LedgerService) throws(LedgerError) -> Written {
        let current = items
        let file = self.file
        return try service.runBatch { runner in
            try runner.run(
                RecordImportedFile(
                    ImportedFile(
                        fingerprint: file.file.fingerprint, kind: ImportKind.receipts.rawValue,
                        fileName: (file.file.source as NSString).lastPathComponent, rows: current.count,
                        importedOn: service.clock.today())))
            return try Self.apply(current, file: file, runner: runner, writing: true).written
        }
    }

    static func apply(
        _ items: [Item], file: DataImport, runner: LedgerService.BatchRunner,
        writing: Bool
    ) throws -> (items: [Item], written: Written) {
        var out: [Item] = []
        var written = Written(receipts: [], allocations: 0, skipped: 0, totals: [:])
        for var item in items {
            item.problem = nil
            item.parts = []
            if item.isSkipped && writing {
                out.append(item)
                continue
            }
            if !item.reference.isEmpty, try runner.receiptExists(reference: item.reference) {
                item.problem = .alreadyInLedger(item.reference)
                // Imported before (by another file): skipped; writing it again would count the money twice.
                item.isSkipped = true
            }
            let (code, match) = try customer(for: item, file: file, runner: runner)
            item.customerCode = code
            item.match = match
            item.customerName = try code.flatMap { try runner.customerRecord(code: $0)?.name } ?? ""
            guard let code else {
                if item.problem == nil { item.problem = .noCustomer(item.payer) }
                try fail(item, writing)
                out.append(item)
                continue
            }
            if item.problem != nil || item.isSkipped {
                // Shown with its proposal but not posted, so later rows do not count on it.
                (item.parts, item.reason) = try preview(item, code: code, file: file, runner: runner)
                try fail(item, writing)
                out.append(item)
                continue
            }
            let open = try runner.openInvoices(customerCode: code)
            let numbers = Dictionary(open.map { ($0.invoiceID, $0.number) }, uniquingKeysWith: { a, _ in a })
            let plan: AllocationPlan
            switch item.allocation {
            case .proposed:
                let (proposed, _) = try file.proposal(
                    customer: code, amount: item.amount,
                    text: item.invoiceHint + " " + item.note, runner)
                plan = proposed
                item.reason = reason(proposed, open: open, item: item)
            case .oldestFirst:
                plan = .auto
                item.reason = open.isEmpty ? .noOpenInvoice : .oldestFirst
            case .unapplied:
                plan = .none
                item.reason = .unapplied
            case .manual(let parts):
                plan = parts.isEmpty ? .none : .manual(parts)
                item.reason = .chosen
            }
            var receipt = RecordReceipt(customerCode: code, date: item.date, amount: item.amount, allocation: plan)
            receipt.method = item.method
            receipt.reference = item.reference
            receipt.note = item.note
            do {
                let outcome = try runner.run(receipt)
                item.parts = outcome.allocation.allocations.map {
                    ManualAllocation(invoiceNumber: numbers[$0.invoiceID] ?? "#\($0.invoiceID)", amount: $0.amount)
                }
                written.receipts.append(outcome.receipt.displayNumber)
                written.allocations += outcome.allocation.allocations.count
                written.totals[item.amount.currency.code, default: 0] += item.amount.minorUnits
            } catch let error as LedgerError {
                let text =
                    error.fieldIssues.isEmpty
                    ? error.description
                    : error.fieldIssues.map(\.description).joined(separator: "; ")
                item.problem = .refused(text)
                try fail(item, writing)
            }
            out.append(item)
        }
        // Rows skipped by the user and rows found already in the ledger (skipped when found).
        written.skipped = out.filter(\.isSkipped).count
        return (out, written)
    }

    /// While writing, a row that cannot be written stops the whole file (nothing is kept).
    static func fail(_ item: Item, _ writing: Bool) throws {
        guard writing, !item.isSkipped, let problem = item.problem else { return }
        let text: String
        switch problem {
        case .alreadyInLedger(let ref): text = "\(ref) is already in the ledger (skip the row)"
        case .noCustomer(let payer): text = "no customer matches \(payer) (choose a customer or skip the row)"
        case .refused(let why): text = why
        }
        throw LedgerError.validation([FieldIssue("row \(item.row)", text)])
    }

    /// Customer code and how it was found: chosen by the user, else code column, exact name, payer account.
    static func customer(
        for item: Item, file: DataImport,
        runner: LedgerService.BatchRunner
    ) throws -> (String?, Match) {
        if let chosen = item.chosenCustomer {
            return (try runner.customerRecord(code: chosen) != nil ? chosen : nil, .chosen)
        }
        if !item.payerCode.isEmpty {
            return try runner.customerRecord(code: item.payerCode) != nil ? (item.payerCode, .code) : (nil, .none)
        }
        if let byName = try runner.customerCode(named: item.payer) { return (byName, .name) }
        if let byAlias = try runner.customerCode(alias: item.payer) { return (byAlias, .alias) }
        if !item.account.isEmpty, let byAccount = try runner.customerCode(account: item.account) {
            return (byAccount, .account)
        }
        return (nil, .none)
    }

    static func reason(_ plan: AllocationPlan, open: [OpenItem], item: Item) -> Reason {
        switch plan {
        case .manual(let parts):
            let number = parts.first?.invoiceNumber ?? ""
            let hint = item.invoiceHint + " " + item.note
            return hint.contains(number) && !number.isEmpty ? .invoiceInNote(number) : .exactAmount(number)
        case .auto: return open.isEmpty ? .noOpenInvoice : .oldestFirst
        case .none: return .unapplied
        }
    }

    /// The proposal of a row that is not posted (skipped or refused), from the open invoices as they stand.
    static func preview(
        _ item: Item, code: String, file: DataImport,
        runner: LedgerService.BatchRunner
    ) throws -> ([ManualAllocation], Reason) {
        let open = try runner.openInvoices(customerCode: code)
        let plan: AllocationPlan
        switch item.allocation {
        case .proposed:
            plan = try file.proposal(
                customer: code, amount: item.amount,
                text: item.invoiceHint + " " + item.note, runner
            ).0
        case .oldestFirst: plan = .auto
        case .unapplied: plan = .none
        case .manual(let parts): return (parts, .chosen)
        }
        switch plan {
        case .manual(let parts): return (parts, reason(plan, open: open, item: item))
        case .none: return ([], .unapplied)
        case .auto:
            var left = item.amount.minorUnits
            var parts: [ManualAllocation] = []
            for invoice in open where left > 0 && invoice.currency == item.amount.currency {
                let take = min(left, invoice.open)
                parts.append(
                    ManualAllocation(
                        invoiceNumber: invoice.number,
                        amount: Money(minorUnits: take, currency: item.amount.currency)))
                left -= take
            }
            return (parts, open.isEmpty ? .noOpenInvoice : .oldestFirst)
        }
    }

    /// Parses an allocation typed in the review: `INV-2025-000002=1200.00, INV-2025-000003=50`, `auto` (oldest
    /// first) or `none` / `0` (all unapplied).
    /// - Throws: `LedgerError.validation` naming the part that is not understood.
    public static func parseAllocation(_ text: String, currency: Currency) throws(LedgerError) -> Allocation {
        let t = text.trimmingCharacters(in: .whitespaces)
        switch t.lowercased() {
        case "", "auto", "oldest", "自动": return .oldestFirst
        case "none", "0", "unapplied", "无", "预收": return .unapplied
        default: break
        }
        var parts: [ManualAllocation] = []
        for piece in t.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" }) {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty else {
                throw LedgerError.validation([FieldIssue("allocation", "'\(piece)' is not INVOICE=AMOUNT")])
            }
            guard let amount = try? MoneyParser.parse(pair[1], currency: currency), amount.minorUnits > 0 else {
                throw LedgerError.validation([FieldIssue("allocation", "\(pair[0]): '\(pair[1])' is not an amount > 0")]
                )
            }
            parts.append(ManualAllocation(invoiceNumber: pair[0], amount: amount))
        }
        return .manual(parts)
    }
}

extension ReceiptFormat {
    /// The layout of a receipts file, from its text: a preamble naming 微信支付 is a WeChat Pay bill, one naming
    /// 支付宝 an Alipay bill (both before their 交易时间 header); a header with a date and an amount column is a bank
    /// statement; anything else is our own columns. Undecodable data is `generic` (its import then names the problem).
    public static func detect(data: Data, source: String) -> ReceiptFormat {
        guard let text = try? TextEncoding.decode(data, source: source).0 else { return .generic }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).prefix(40).map(String.init)
        let header = lines.firstIndex { $0.contains("交易时间") }
        let preamble = lines.prefix(header ?? lines.count).joined(separator: "\n")
        if header != nil && preamble.contains("微信") { return .wechat }
        if header != nil && preamble.contains("支付宝") { return .alipay }
        if header != nil, let line = header.map({ lines[$0] }) {
            return line.contains("交易订单号") || line.contains("收/付款方式") ? .alipay : .wechat
        }
        let first = lines.first?.lowercased() ?? ""
        let isOurs = first.contains("customer") || first.contains("客户")
        if !isOurs, let bankHeader = DataImport.headerStart(for: .bankCSV), lines.contains(where: bankHeader) {
            return .bankCSV
        }
        return .generic
    }
}

import Foundation
import Testing
@testable import LedgerCore
import LedgerInterop
import LedgerReports
import LedgerStore

/// Errors of test set-up (never force-unwrap test input).
enum RecvTestError: Error { case badDate(String), badAmount(String), missingFixture(String), missing(String) }

/// `2025-06-30` → CivilDate.
func day(_ text: String) throws -> CivilDate {
    guard let date = CivilDate(iso: text) else { throw RecvTestError.badDate(text) }
    return date
}

/// `1,234.50` → Money in `currency`.
func money(_ text: String, _ currency: Currency = .cny) throws -> Money {
    do { return try MoneyParser.parse(text, currency: currency) } catch { throw RecvTestError.badAmount(text) }
}

/// `1234.50` → minor units (CNY/USD).
func minor(_ text: String) throws -> Int64 { try money(text).minorUnits }

/// Reads a fixture CSV of LedgerStoreTests (no quoted fields) into header-keyed rows.
func recvFixtureRows(_ name: String) throws -> [[String: String]] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures") else {
        throw RecvTestError.missingFixture(name)
    }
    return recvCSVRows(try String(contentsOf: url, encoding: .utf8))
}

func recvCSVRows(_ text: String) -> [[String: String]] {
    var lines = text.split(whereSeparator: \.isNewline).map(String.init)
    guard !lines.isEmpty else { return [] }
    let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.map { line in
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var row: [String: String] = [:]
        for (i, key) in header.enumerated() { row[key] = i < cells.count ? cells[i] : "" }
        return row
    }
}

/// An in-memory ledger with a pinned clock and short helpers for documents.
final class RecvLedger {
    let store: SQLiteLedgerStore
    private(set) var service: LedgerService

    init(today: String) throws {
        store = try SQLiteLedgerStore()
        service = LedgerService(store: store, clock: FixedClock(try day(today)), actor: "tester")
    }

    /// Moves the pinned clock.
    func setToday(_ text: String, role: UserRole = .admin) throws {
        service = LedgerService(store: store, clock: FixedClock(try day(text)), actor: "tester", role: role)
    }

    @discardableResult
    func customer(_ code: String, name: String? = nil, currency: Currency = .cny, terms: PaymentTerms = .net30,
                  customerClass: String = "") throws -> Customer {
        var fields = CustomerFields(code: code, name: name ?? code)
        fields.currency = currency
        fields.paymentTerms = terms
        fields.customerClass = customerClass
        return try service.run(CreateCustomer(fields))
    }

    @discardableResult
    func invoice(_ customer: String, _ date: String, _ amount: String, due: String? = nil,
                 currency: Currency = .cny, terms: PaymentTerms? = nil) throws -> Invoice {
        var post = PostInvoice(customerCode: customer, date: try day(date),
                               lines: [LineInput(description: "Goods", quantity: Quantity(1), unitPrice: try money(amount, currency))])
        post.dueDate = try due.map(day)
        post.paymentTerms = terms
        post.creditOverrideReason = "test data"
        return try service.run(post)
    }

    @discardableResult
    func receipt(_ customer: String, _ date: String, _ amount: String, _ plan: AllocationPlan = .auto,
                 currency: Currency = .cny) throws -> RecordReceipt.Outcome {
        try service.run(RecordReceipt(customerCode: customer, date: try day(date), amount: try money(amount, currency),
                                      allocation: plan))
    }

    @discardableResult
    func creditNote(_ customer: String, _ date: String, _ amount: String, appliesTo: String? = nil,
                    currency: Currency = .cny) throws -> IssueCreditNote.Outcome {
        try service.run(IssueCreditNote(customerCode: customer, date: try day(date), appliesToNumber: appliesTo,
                                        amount: try money(amount, currency), reason: "return"))
    }

    func snapshot() throws -> ReceivablesSnapshot { try store.receivablesSnapshot(customerID: nil) }

    /// Open balance today of a document by number (total − allocations), minor units.
    func open(_ number: String) throws -> Int64 {
        let rows = try store.invoices(filter: InvoiceFilter(), page: .all)
        guard let row = rows.first(where: { $0.number == number }) else { throw RecvTestError.missing(number) }
        return row.open
    }

    /// Customer-list balance (open invoices − unapplied credit), minor units.
    func balance(_ code: String) throws -> Int64 {
        let rows = try store.customers(search: nil, asOf: service.clock.today(), page: .all)
        guard let row = rows.first(where: { $0.code == code }) else { throw RecvTestError.missing(code) }
        return row.balance
    }

    func aging(asOf: String, by grouping: AgingGrouping = .none, basis: AgingBasis = .dueDate) throws -> [AgingReport] {
        // The report layer's set-based query (issue 10); `SetBasedReportTests` compares it with the open items.
        try Reports(store: store).aging(asOf: try day(asOf), by: grouping, basis: basis)
    }
}

/// Whole manual plan helper: `[("INV-…", "100.00")]`.
func plan(_ parts: [(String, String)], _ currency: Currency = .cny) throws -> AllocationPlan {
    .manual(try parts.map { ManualAllocation(invoiceNumber: $0.0, amount: try money($0.1, currency)) })
}

/// A report table's rows as text, money in minor units (`"12345"`), for comparing with an independent computation.
func minorUnitRows(_ table: ReportTable) -> [[String]] {
    table.rows.map { row in
        row.map { cell -> String in
            switch cell {
            case .text(let text): return text
            case .money(let money): return "\(money.minorUnits)"
            default: return "\(cell)"
            }
        }
    }
}

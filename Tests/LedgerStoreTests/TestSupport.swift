import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore

/// Shared helpers: an in-memory ledger with a pinned clock, and paths to the shipped sample data.
struct TestLedger {
    let store: SQLiteLedgerStore
    let service: LedgerService

    init(today: String = "2026-11-29", role: UserRole = .admin) throws {
        store = try SQLiteLedgerStore()
        service = LedgerService(store: store, clock: FixedClock(CivilDate(iso: today)!), actor: "tester", role: role)
    }

    @discardableResult
    func customer(_ code: String, _ name: String = "Test Co", currency: Currency = .cny, terms: PaymentTerms = .net30,
                  limit: Int64? = nil) throws -> Customer {
        var fields = CustomerFields(code: code, name: name)
        fields.currency = currency
        fields.paymentTerms = terms
        fields.creditLimit = limit.map { Money(minorUnits: $0, currency: currency) }
        return try service.run(CreateCustomer(fields))
    }

    /// Posts a one-line invoice of `amount` (text) dated `date`.
    @discardableResult
    func invoice(_ customer: String, _ date: String, _ amount: String, currency: Currency = .cny, due: String? = nil) throws -> Invoice {
        var post = PostInvoice(customerCode: customer, date: CivilDate(iso: date)!,
                               lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                 unitPrice: try MoneyParser.parse(amount, currency: currency))])
        post.dueDate = due.flatMap(CivilDate.init(iso:))
        post.creditOverrideReason = "test"
        return try service.run(post)
    }
}

/// The repository's shipped sample data folder (Sources/LedgerInterop/SampleData).
func sampleDataDirectory(_ set: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/LedgerInterop/SampleData/\(set)").path
}

func cny(_ text: String) -> Money { try! MoneyParser.parse(text, currency: .cny) }
func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

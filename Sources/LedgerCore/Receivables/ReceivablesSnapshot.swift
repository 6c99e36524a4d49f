/// A posted invoice or credit note as the receivables engine sees it (amounts in minor units of `currency`).
public struct ReceivableDocument: Hashable, Sendable, Codable {
    public var id: Int64
    public var kind: DocumentKind
    /// Display number, e.g. `INV-2025-000001`.
    public var number: String
    public var customerID: Int64
    public var date: CivilDate
    public var dueDate: CivilDate
    public var currency: Currency
    /// Document total, minor units, > 0 (a credit note's total is positive too; its kind gives the sign).
    public var total: Int64
    /// For a credit note: the invoice it applies to.
    public var appliesToID: Int64?
    public var isDisputed: Bool
    public var salesperson: String
    public var region: String
    public var externalReference: String

    public init(id: Int64, kind: DocumentKind, number: String, customerID: Int64, date: CivilDate, dueDate: CivilDate,
                currency: Currency, total: Int64, appliesToID: Int64? = nil, isDisputed: Bool = false,
                salesperson: String = "", region: String = "", externalReference: String = "") {
        self.id = id
        self.kind = kind
        self.number = number
        self.customerID = customerID
        self.date = date
        self.dueDate = dueDate
        self.currency = currency
        self.total = total
        self.appliesToID = appliesToID
        self.isDisputed = isDisputed
        self.salesperson = salesperson
        self.region = region
        self.externalReference = externalReference
    }
}

/// The documents of the receivables ledger at one moment, loaded once and computed on in memory.
///
/// Balances "as of" a date count documents dated on or before it and allocations dated on or before it;
/// later receipts, credit notes, write-offs and reversals do not count.
public struct ReceivablesSnapshot: Sendable {
    public var customers: [Customer]
    /// Posted invoices and credit notes (void ones are left out).
    public var documents: [ReceivableDocument]
    public var receipts: [Receipt]
    /// All allocations, reversals included (negative amounts).
    public var allocations: [Allocation]
    public var contacts: [ContactLogEntry]
    public var snoozes: [ReminderSnooze]

    public init(customers: [Customer] = [], documents: [ReceivableDocument] = [], receipts: [Receipt] = [],
                allocations: [Allocation] = [], contacts: [ContactLogEntry] = [], snoozes: [ReminderSnooze] = []) {
        self.customers = customers
        self.documents = documents
        self.receipts = receipts
        self.allocations = allocations
        self.contacts = contacts
        self.snoozes = snoozes
        var byInvoice: [Int64: [Allocation]] = [:]
        for allocation in allocations { byInvoice[allocation.invoiceID, default: []].append(allocation) }
        allocationsByInvoice = byInvoice.mapValues { $0.sorted { ($0.date, $0.id) < ($1.date, $1.id) } }
    }

    /// Allocations per invoice id, by date then id.
    public let allocationsByInvoice: [Int64: [Allocation]]

    public func customer(id: Int64) -> Customer? { customers.first { $0.id == id } }

    /// Invoice open balance as of `asOf` (nil = everything): total − allocations dated ≤ asOf, minor units.
    /// Allocations never exceed the open balance, so this is ≥ 0.
    public func openBalance(of invoice: ReceivableDocument, asOf: CivilDate? = nil) -> Int64 {
        let allocated = (allocationsByInvoice[invoice.id] ?? [])
            .filter { a in asOf.map { a.date <= $0 } ?? true }
            .reduce(Int64(0)) { $0 + $1.amount.minorUnits }
        return invoice.total - allocated
    }

    /// Invoices dated ≤ asOf with an open balance > 0 as of it, with that balance; oldest due date first.
    public func openInvoices(asOf: CivilDate,
                             customerID: Int64? = nil) -> [(invoice: ReceivableDocument, open: Int64)] {
        documents.filter { $0.kind == .invoice && $0.date <= asOf
            && (customerID == nil || $0.customerID == customerID) }
            .map { ($0, openBalance(of: $0, asOf: asOf)) }
            .filter { $0.1 > 0 }
            .sorted { ($0.0.dueDate, $0.0.date, $0.0.number) < ($1.0.dueDate, $1.0.date, $1.0.number) }
    }

    /// Customer balance as of `asOf` in `currency`, minor units: invoices − credit notes − receipts − write-offs
    /// (each dated ≤ asOf). Equals open invoices − unapplied credit; negative when the customer holds credit.
    public func customerBalance(customerID: Int64, currency: Currency, asOf: CivilDate) -> Int64 {
        var balance: Int64 = 0
        for doc in documents where doc.customerID == customerID && doc.currency == currency && doc.date <= asOf {
            balance += doc.kind == .invoice ? doc.total : -doc.total
        }
        for receipt in receipts where receipt.customerID == customerID && receipt.amount.currency == currency
            && receipt.date <= asOf {
            balance -= receipt.amount.minorUnits
        }
        let invoiceIDs = Set(documents.filter { $0.customerID == customerID }.map(\.id))
        for allocation in allocations where allocation.source == .writeOff && invoiceIDs.contains(allocation.invoiceID)
            && allocation.amount.currency == currency && allocation.date <= asOf {
            balance -= allocation.amount.minorUnits
        }
        return balance
    }

    /// Unapplied credit of a customer as of `asOf`: receipts and credit notes (dated ≤ asOf) less what was
    /// allocated from them by then, minor units, ≥ 0.
    public func unappliedCredit(customerID: Int64, currency: Currency, asOf: CivilDate) -> Int64 {
        var sources: [String: Int64] = [:]
        for receipt in receipts where receipt.customerID == customerID && receipt.amount.currency == currency
            && receipt.date <= asOf {
            sources["receipt#\(receipt.id)"] = receipt.amount.minorUnits
        }
        for doc in documents where doc.kind == .creditNote && doc.customerID == customerID && doc.currency == currency
            && doc.date <= asOf {
            sources["credit_note#\(doc.id)"] = doc.total
        }
        for allocation in allocations where allocation.source != .writeOff && allocation.date <= asOf {
            let key = "\(allocation.source.rawValue)#\(allocation.sourceID ?? 0)"
            if let amount = sources[key] { sources[key] = amount - allocation.amount.minorUnits }
        }
        return sources.values.filter { $0 > 0 }.reduce(0, +)
    }

    /// The date an invoice was last fully settled as of `asOf`, and the source of the closing allocation;
    /// nil while it is open.
    public func settlement(of invoice: ReceivableDocument, asOf: CivilDate? = nil) -> (date: CivilDate,
                                                                                       source: AllocationSource)? {
        var open = invoice.total
        var result: (CivilDate, AllocationSource)?
        for allocation in allocationsByInvoice[invoice.id] ?? [] where asOf.map({ allocation.date <= $0 }) ?? true {
            open -= allocation.amount.minorUnits
            result = open <= 0 ? (result ?? (allocation.date, allocation.source)) : nil
        }
        return open <= 0 ? result : nil
    }
}

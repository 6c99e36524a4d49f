/// What the accounting vouchers (凭证) of a period are made from: posted documents split by product category and
/// tax rate, receipts, and the allocations that move money between accounts (write-offs, later use of credit).
/// Amounts are minor units of each record's `currency`.
public struct VoucherSource: Sendable {
    public var documents: [VoucherDocument]
    public var receipts: [VoucherReceipt]
    public var allocations: [VoucherAllocation]
    public init(documents: [VoucherDocument] = [], receipts: [VoucherReceipt] = [],
                allocations: [VoucherAllocation] = []) {
        self.documents = documents
        self.receipts = receipts
        self.allocations = allocations
    }
}

/// A posted invoice or credit note; `parts` split its lines by product category and tax rate.
public struct VoucherDocument: Hashable, Sendable {
    public struct Part: Hashable, Sendable {
        /// Product category ("" for free lines).
        public var category: String
        public var taxRate: Rate
        public var net: Int64
        public var tax: Int64
        public init(category: String, taxRate: Rate, net: Int64, tax: Int64) {
            self.category = category
            self.taxRate = taxRate
            self.net = net
            self.tax = tax
        }
    }
    public var number: String
    public var kind: DocumentKind
    public var date: CivilDate
    public var customerCode: String
    public var customerName: String
    /// Channel at posting (class at posting, as the sales report uses).
    public var channel: String
    public var currency: Currency
    /// Positive for both kinds; `kind` gives the sign. total = Σ (net + tax) of `parts`.
    public var total: Int64
    public var parts: [Part]
    public init(number: String, kind: DocumentKind, date: CivilDate, customerCode: String, customerName: String,
                channel: String, currency: Currency, total: Int64, parts: [Part]) {
        self.number = number
        self.kind = kind
        self.date = date
        self.customerCode = customerCode
        self.customerName = customerName
        self.channel = channel
        self.currency = currency
        self.total = total
        self.parts = parts
    }
}

/// A receipt; `appliedOnReceipt` is the part allocated to invoices on the receipt's own date (net of reversals
/// on that date), the rest was an advance (unapplied credit) when it arrived.
public struct VoucherReceipt: Hashable, Sendable {
    public var number: String
    public var date: CivilDate
    public var customerCode: String
    public var customerName: String
    public var method: PaymentMethod
    public var reference: String
    public var currency: Currency
    public var amount: Int64
    public var appliedOnReceipt: Int64
    /// The allocations on the receipt's date, one per allocation row (Σ amount = `appliedOnReceipt`); used to clear
    /// a foreign-currency receivable at the invoice's rate (汇兑损益).
    public var settlements: [VoucherSettlement]
    public init(number: String, date: CivilDate, customerCode: String, customerName: String, method: PaymentMethod,
                reference: String, currency: Currency, amount: Int64, appliedOnReceipt: Int64,
                settlements: [VoucherSettlement] = []) {
        self.settlements = settlements
        self.number = number
        self.date = date
        self.customerCode = customerCode
        self.customerName = customerName
        self.method = method
        self.reference = reference
        self.currency = currency
        self.amount = amount
        self.appliedOnReceipt = appliedOnReceipt
    }
}

/// An allocation that needs a voucher: a bad-debt write-off, or receipt credit applied after the receipt's date
/// (an advance used). Reversals carry negative amounts.
public struct VoucherAllocation: Hashable, Sendable {
    public enum Kind: String, Sendable { case writeOff = "write_off", advanceApplied = "advance_applied" }
    public var kind: Kind
    public var date: CivilDate
    public var invoiceNumber: String
    /// The receipt number for `advanceApplied`, "" for write-offs.
    public var sourceNumber: String
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    public var amount: Int64
    /// The invoice's date and what was allocated to it before this allocation (minor units), for its rate.
    public var invoice: VoucherSettlement?
    /// The receipt's date (`advanceApplied`): the date of the rate its credit was booked at.
    public var sourceDate: CivilDate?
    public init(kind: Kind, date: CivilDate, invoiceNumber: String, sourceNumber: String, customerCode: String,
                customerName: String, currency: Currency, amount: Int64, invoice: VoucherSettlement? = nil,
                sourceDate: CivilDate? = nil) {
        self.invoice = invoice
        self.sourceDate = sourceDate
        self.kind = kind
        self.date = date
        self.invoiceNumber = invoiceNumber
        self.sourceNumber = sourceNumber
        self.customerCode = customerCode
        self.customerName = customerName
        self.currency = currency
        self.amount = amount
    }
}

/// An amount applied to an invoice: the invoice's number and date (whose rate booked its receivable) and the
/// amount allocated to it earlier (all sources, by date then id), so that cumulative conversions clear the
/// receivable to the fen. Minor units of the invoice's currency.
public struct VoucherSettlement: Hashable, Sendable {
    public var invoiceNumber: String
    public var invoiceDate: CivilDate
    public var allocatedBefore: Int64
    public var amount: Int64
    public init(invoiceNumber: String, invoiceDate: CivilDate, allocatedBefore: Int64, amount: Int64) {
        self.invoiceNumber = invoiceNumber
        self.invoiceDate = invoiceDate
        self.allocatedBefore = allocatedBefore
        self.amount = amount
    }
}

/// Reads the voucher source of a period (documents, receipts and allocations dated in `from...to`).
public protocol VoucherQueries {
    func voucherSource(from: CivilDate, to: CivilDate) throws -> VoucherSource
    /// The currencies of the records `voucherSource(from:to:)` would read (without reading them).
    func voucherCurrencies(from: CivilDate, to: CivilDate) throws -> Set<Currency>
}

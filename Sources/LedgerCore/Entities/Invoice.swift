/// The kind of a sales document.
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// 销售单 / 应收单.
    case invoice
    /// 红字应收单: reduces what the customer owes; linked to an invoice or standalone.
    case creditNote = "credit_note"
}

/// Life cycle of a document. Posted documents are never edited or deleted: they are voided (the number stays
/// used) or corrected by a credit note.
public enum DocumentStatus: String, Sendable, Codable, CaseIterable {
    case draft, posted, void
}

/// One line of an invoice or credit note. Amounts are rounded per line (see `LineCalculation`).
public struct InvoiceLine: Hashable, Sendable, Codable {
    public var productID: Int64?
    public var description: String
    /// Positive on invoices; credit-note lines are entered positive too (the document kind gives the sign).
    public var quantity: Quantity
    public var unitPrice: Money
    public var discount: Rate
    public var taxRate: Rate
    public var netAmount: Money
    public var taxAmount: Money
    /// On a credit note made from an invoice's lines: the invoice line (1-based) this line reverses. Nil on
    /// invoices, standalone credit notes and credit notes issued before credit by line (one free line each).
    public var creditsLine: Int? = nil
    /// A price allowance (折让) of a credit note by line: it credits an amount (the unit price), no quantity; shown
    /// with an empty quantity rather than "0 × price = price".
    public var isAllowance: Bool { creditsLine != nil && quantity.thousandths == 0 }

    /// A line without a product: a free-text line (description, quantity, price, tax rate), marked `*` in reports.
    public var isFreeText: Bool { productID == nil }

    public init(productID: Int64?, description: String, quantity: Quantity, unitPrice: Money,
                discount: Rate, taxRate: Rate, netAmount: Money, taxAmount: Money) {
        self.productID = productID
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.discount = discount
        self.taxRate = taxRate
        self.netAmount = netAmount
        self.taxAmount = taxAmount
    }

    public var grossAmount: Money { Money(minorUnits: netAmount.minorUnits + taxAmount.minorUnits,
                                          currency: netAmount.currency) }
}

/// An invoice or a credit note, as stored.
public struct Invoice: Hashable, Sendable, Codable, Identifiable {
    public var id: Int64
    public var kind: DocumentKind
    /// Number series, e.g. `INV` or `CN`.
    public var series: String
    /// Year the number belongs to.
    public var numberYear: Int
    /// Gapless number within series and year.
    public var number: Int
    public var date: CivilDate
    public var dueDate: CivilDate
    public var customerID: Int64
    public var salespersonID: Int64?
    /// Channel and region copied from the customer at posting (history is not rewritten by reclassification).
    public var channel: String
    public var region: String
    public var currency: Currency
    public var paymentTerms: PaymentTerms
    public var status: DocumentStatus
    public var lines: [InvoiceLine]
    public var subtotal: Money
    public var taxTotal: Money
    public var total: Money
    /// For a credit note: the invoice it applies to, if any.
    public var appliesToInvoiceID: Int64?
    public var isDisputed: Bool = false
    public var disputeReason: String = ""
    /// Reference in a source system (e.g. a Northwind order id).
    public var externalReference: String = ""
    public var note: String = ""
    public var voidReason: String = ""

    /// `INV-2026-000123`.
    public var displayNumber: String { Invoice.formatNumber(series: series, year: numberYear, number: number) }

    public static func formatNumber(series: String, year: Int, number: Int) -> String {
        let digits = String(number)
        return "\(series)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    public init(id: Int64, kind: DocumentKind, series: String, numberYear: Int, number: Int, date: CivilDate,
                dueDate: CivilDate, customerID: Int64, salespersonID: Int64? = nil, channel: String, region: String,
                currency: Currency, paymentTerms: PaymentTerms, status: DocumentStatus, lines: [InvoiceLine],
                subtotal: Money, taxTotal: Money, total: Money, appliesToInvoiceID: Int64? = nil,
                isDisputed: Bool = false, disputeReason: String = "", externalReference: String = "", note: String = "",
                voidReason: String = "") {
        self.id = id
        self.kind = kind
        self.series = series
        self.numberYear = numberYear
        self.number = number
        self.date = date
        self.dueDate = dueDate
        self.customerID = customerID
        self.salespersonID = salespersonID
        self.channel = channel
        self.region = region
        self.currency = currency
        self.paymentTerms = paymentTerms
        self.status = status
        self.lines = lines
        self.subtotal = subtotal
        self.taxTotal = taxTotal
        self.total = total
        self.appliesToInvoiceID = appliesToInvoiceID
        self.isDisputed = isDisputed
        self.disputeReason = disputeReason
        self.externalReference = externalReference
        self.note = note
        self.voidReason = voidReason
    }
}

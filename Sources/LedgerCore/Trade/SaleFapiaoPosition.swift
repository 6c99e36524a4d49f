/// Where one posted sale (销售单) stands with fapiao, as of a date: what was sold, credited, invoiced (blue less
/// red fapiao) and settled. Minor units of `currency`; every figure is dated on or before the as-of date.
/// Read in one query (`TradeQueries.saleFapiaoPositions`); the status and reports are computed from it.
public struct SaleFapiaoPosition: Hashable, Sendable {
    public var saleID: Int64
    public var number: String
    public var customerID: Int64
    public var customerCode: String
    public var customerName: String
    public var salesperson: String
    public var date: CivilDate
    public var dueDate: CivilDate
    public var currency: Currency
    /// The sale's 价税合计 and 税额.
    public var total: Int64
    public var tax: Int64
    /// Credit notes that apply to the sale (total and tax).
    public var creditedTotal: Int64
    public var creditedTax: Int64
    /// Invoiced: blue fapiao parts less red ones (non-void), total and tax.
    public var invoicedTotal: Int64
    public var invoicedTax: Int64
    /// Number of red fapiao on the sale.
    public var redCount: Int
    /// Allocations to the sale: receipts and write-offs (credit-note allocations are in `creditedTotal`).
    public var paid: Int64
    /// 不开票 on the sale or on its customer.
    public var noFapiao: Bool

    public init(saleID: Int64, number: String, customerID: Int64, customerCode: String, customerName: String,
                salesperson: String = "", date: CivilDate, dueDate: CivilDate, currency: Currency, total: Int64,
                tax: Int64,
                creditedTotal: Int64 = 0, creditedTax: Int64 = 0, invoicedTotal: Int64 = 0, invoicedTax: Int64 = 0,
                redCount: Int = 0, paid: Int64 = 0, noFapiao: Bool = false) {
        self.saleID = saleID
        self.number = number
        self.customerID = customerID
        self.customerCode = customerCode
        self.customerName = customerName
        self.salesperson = salesperson
        self.date = date
        self.dueDate = dueDate
        self.currency = currency
        self.total = total
        self.tax = tax
        self.creditedTotal = creditedTotal
        self.creditedTax = creditedTax
        self.invoicedTotal = invoicedTotal
        self.invoicedTax = invoicedTax
        self.redCount = redCount
        self.paid = paid
        self.noFapiao = noFapiao
    }

    /// The sale less its credit notes (价税合计).
    public var netTotal: Int64 { total - creditedTotal }
    public var netTax: Int64 { tax - creditedTax }
    /// What may still be invoiced (never negative); 0 for 不开票.
    public var leftToInvoice: Int64 { noFapiao ? 0 : max(0, netTotal - invoicedTotal) }
    /// Tax of what is left to invoice.
    public var leftTax: Int64 { noFapiao ? 0 : max(0, netTax - invoicedTax) }
    /// 已开票未收款: invoiced less paid (receipts and write-offs settle invoiced amounts first), never negative.
    public var invoicedUnpaid: Int64 { invoicedSale.unpaid }

    /// 不开票 (when nothing was invoiced), else 红冲 after any red fapiao, else 已红冲 when credit notes cover the
    /// whole sale and nothing was invoiced (the invoice status's rule, `InvoiceSettlement.credited`), else 未开票 /
    /// 部分开票 / 已开票.
    public var status: FapiaoStatus {
        if noFapiao && invoicedTotal == 0 && redCount == 0 { return .noFapiao }
        if redCount > 0 { return .reversed }
        if invoicedTotal == 0 && total > 0 && creditedTotal >= total { return .credited }
        if invoicedTotal <= 0 { return .notInvoiced }
        return invoicedTotal < netTotal ? .partlyInvoiced : .invoiced
    }

    /// Tax of a part of `amount` of what is left: the whole remaining tax when the part takes all that is left
    /// (so a sale invoiced in parts adds up to its tax exactly), else the proportional share rounded half up.
    public func tax(forPart amount: Int64) -> Int64 {
        let left = leftToInvoice
        guard left > 0, amount < left else { return leftTax }
        let product = Int128(leftTax) * Int128(amount)   // both ≥ 0: half up = (2q + d) / 2d
        return Int64((2 * product + Int128(left)) / (2 * Int128(left)))
    }
}

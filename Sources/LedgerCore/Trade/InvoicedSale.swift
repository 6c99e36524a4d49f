/// 已开票未收款 of one sale (issue 10): a posted sale with fapiao on it, as of a date — its customer, what was
/// invoiced (blue less red fapiao parts, non-void, dated on or before the as-of date; > 0) and what was paid
/// (receipts and write-offs allocated to it by then). Minor units of `currency`. Read set-based
/// (`TradeQueries.forEachInvoicedSale`: only sales with fapiao), or taken from a `SaleFapiaoPosition`.
public struct InvoicedSale: Hashable, Sendable {
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    public var invoiced: Int64
    public var paid: Int64

    public init(customerCode: String, customerName: String, currency: Currency, invoiced: Int64, paid: Int64) {
        self.customerCode = customerCode
        self.customerName = customerName
        self.currency = currency
        self.invoiced = invoiced
        self.paid = paid
    }

    /// Invoiced less paid (payments settle invoiced amounts first), never negative.
    public var unpaid: Int64 { max(0, invoiced - paid) }
}

extension SaleFapiaoPosition {
    /// The sale's 已开票未收款 figures (`invoicedTotal`, `paid`).
    public var invoicedSale: InvoicedSale {
        InvoicedSale(customerCode: customerCode, customerName: customerName, currency: currency,
                     invoiced: invoicedTotal, paid: paid)
    }
}

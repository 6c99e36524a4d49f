/// 应收未开票 summed in the store (issue 10): one customer's sales in one currency and age bucket that are still
/// to be invoiced as of a date — their number and the amount left to invoice (`SaleFapiaoPosition.leftToInvoice`,
/// > 0; 不开票 sales left out). Minor units of `currency`.
public struct UninvoicedSum: Hashable, Sendable {
    public var customerCode: String
    public var customerName: String
    public var currency: Currency
    /// Index of the age bucket: how many of the report's bounds the age (as-of − sale date, days) exceeds.
    public var bucket: Int
    public var sales: Int
    public var amount: Int64

    public init(customerCode: String, customerName: String, currency: Currency, bucket: Int, sales: Int,
                amount: Int64) {
        self.customerCode = customerCode
        self.customerName = customerName
        self.currency = currency
        self.bucket = bucket
        self.sales = sales
        self.amount = amount
    }
}

/// Output VAT (销项税) of posted sales less credit notes for one month, rate and currency (minor units).
public struct OutputVATRow: Hashable, Sendable {
    /// `YYYY-MM`.
    public var month: String
    public var rate: Rate
    public var currency: Currency
    public var net: Int64
    public var tax: Int64
    public init(month: String, rate: Rate, currency: Currency, net: Int64, tax: Int64) {
        self.month = month
        self.rate = rate
        self.currency = currency
        self.net = net
        self.tax = tax
    }
}

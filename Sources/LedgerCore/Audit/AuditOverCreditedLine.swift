/// An invoice line that posted credit notes credited beyond what it sold (`AuditCheckQueries.overCreditedLines`):
/// the sold and the credited quantity (thousandths), net and tax (minor units of `currency`), summed over every
/// posted credit note naming the line, and those notes' display numbers, by number.
public struct AuditOverCreditedLine: Hashable, Sendable {
    public var invoiceNumber: String
    public var customerCode: String
    public var currency: Currency
    /// The invoice line, 1-based.
    public var line: Int
    public var sold: CreditedLine
    public var credited: CreditedLine
    public var notes: [String]

    public init(invoiceNumber: String, customerCode: String, currency: Currency, line: Int, sold: CreditedLine,
                credited: CreditedLine, notes: [String]) {
        self.invoiceNumber = invoiceNumber
        self.customerCode = customerCode
        self.currency = currency
        self.line = line
        self.sold = sold
        self.credited = credited
        self.notes = notes
    }
}

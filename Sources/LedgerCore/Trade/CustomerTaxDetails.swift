/// A customer's fapiao (发票) details: what a 专票 prints for the buyer (名称 = `invoiceTitle` or the customer
/// name, 纳税人识别号, 地址电话, 开户行及账号), and whether the customer takes no fapiao (不开票).
public struct CustomerTaxDetails: Hashable, Sendable, Codable {
    /// 纳税人识别号, normalised; empty when unknown.
    public var taxID: String = ""
    /// 开票抬头 when it differs from the customer name; empty = the customer name.
    public var invoiceTitle: String = ""
    /// 地址、电话 as printed on the fapiao.
    public var addressPhone: String = ""
    /// 开户行及账号 as printed on the fapiao.
    public var bankAccount: String = ""
    /// 不开票: the customer's sales are never invoiced (they leave the 应收未开票 and to-issue lists).
    public var noFapiao: Bool = false

    public init(taxID: String = "", invoiceTitle: String = "", addressPhone: String = "", bankAccount: String = "",
                noFapiao: Bool = false) {
        self.taxID = taxID
        self.invoiceTitle = invoiceTitle
        self.addressPhone = addressPhone
        self.bankAccount = bankAccount
        self.noFapiao = noFapiao
    }

    public var isEmpty: Bool { self == CustomerTaxDetails() }

    /// Field rules: a valid taxpayer number (GB 32100-2015 check character for 18 characters), lengths within
    /// what a fapiao prints (title ≤ 100, address/phone ≤ 100, bank ≤ 100 characters).
    func validate(into issues: inout IssueCollector) -> CustomerTaxDetails {
        var normalised = self
        let raw = taxID.trimmingSpaces()
        if !raw.isEmpty {
            do { normalised.taxID = try TaxpayerID(parsing: raw).text } catch { issues.add("taxID", error.english) }
        } else {
            normalised.taxID = ""
        }
        normalised.invoiceTitle = invoiceTitle.trimmingSpaces()
        normalised.addressPhone = addressPhone.trimmingSpaces()
        normalised.bankAccount = bankAccount.trimmingSpaces()
        issues.check(normalised.invoiceTitle.count <= 100, "invoiceTitle", "is longer than 100 characters")
        issues.check(normalised.addressPhone.count <= 100, "addressPhone", "is longer than 100 characters")
        issues.check(normalised.bankAccount.count <= 100, "bankAccount", "is longer than 100 characters")
        return normalised
    }
}

/// Sets a customer's fapiao details (all fields replaced). Outcome: the stored details.
public struct SetCustomerTaxDetails: LedgerCommand {
    public static let name = "customer.tax_details"
    public var customerCode: String
    public var details: CustomerTaxDetails
    public init(customerCode: String, details: CustomerTaxDetails) {
        self.customerCode = customerCode
        self.details = details
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> CustomerTaxDetails {
        var issues = IssueCollector()
        let customer = try tx.customer(code: customerCode.trimmingSpaces())
        if customer == nil { issues.add("customer", "unknown customer code \(customerCode)") }
        let after = details.validate(into: &issues)
        try issues.throwIfAny()
        guard let customer else { throw LedgerError.notFound("customer \(customerCode)") }
        let before = try tx.taxDetails(customerID: customer.id)
        try tx.save(after, customerID: customer.id)
        context.recordChange(entity: "customer_tax", id: customer.id, before: before, after: after)
        return after
    }
}

/// Sets the fapiao details given in `present` (keys `tax_id`, `invoice_title`, `address_phone`, `bank_account`) and
/// keeps the stored values of the others: what `import customers` does with the tax columns of a file (a file
/// without a column never clears it). Validated like `SetCustomerTaxDetails`; audited. Outcome: the stored details.
public struct MergeCustomerTaxDetails: LedgerCommand {
    public static let name = "customer.tax_details"
    /// Details already as the file gives them write no audit entry (a re-import, s33-fix).
    public static var auditsRunWithoutChanges: Bool { false }
    public var customerCode: String
    public var details: CustomerTaxDetails
    public var present: Set<String>

    public init(customerCode: String, details: CustomerTaxDetails, present: Set<String>) {
        self.customerCode = customerCode
        self.details = details
        self.present = present
    }

    public func execute(in tx: any LedgerTransaction, context: CommandContext) throws -> CustomerTaxDetails {
        guard let customer = try tx.customer(code: customerCode.trimmingSpaces()) else {
            throw LedgerError.validation([FieldIssue("customer", "unknown customer code \(customerCode)")])
        }
        let before = try tx.taxDetails(customerID: customer.id)
        var merged = before ?? CustomerTaxDetails()
        if present.contains("tax_id") { merged.taxID = details.taxID }
        if present.contains("invoice_title") { merged.invoiceTitle = details.invoiceTitle }
        if present.contains("address_phone") { merged.addressPhone = details.addressPhone }
        if present.contains("bank_account") { merged.bankAccount = details.bankAccount }
        var issues = IssueCollector()
        let after = merged.validate(into: &issues)
        try issues.throwIfAny()
        guard after != before else { return after }
        try tx.save(after, customerID: customer.id)
        context.recordChange(entity: "customer_tax", id: customer.id, before: before, after: after)
        return after
    }
}

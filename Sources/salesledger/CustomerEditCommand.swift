import ArgumentParser
import LedgerCore

/// `customer edit CODE …`: changes a customer's contact fields and fapiao details in one transaction.
struct CustomerEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a customer's contact fields and fapiao details (纳税人识别号 …).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Customer code.") var code: String
    @Option var name: String?
    @Option var contact: String?
    @Option var phone: String?
    @Option var email: String?
    @Option var address: String?
    @OptionGroup var tax: CustomerTaxOptions

    func run() throws {
        let (store, service) = try global.openLedger()
        try TradeCLI.run(chinese: global.isChinese, chineseNames: TradeCLI.customerNames) {
            guard let customer = try store.customer(code: code) else {
                throw LedgerError.validation([FieldIssue("customer", "unknown customer code \(code)")])
            }
            var issues = IssueCollector()
            let details = tax.apply(to: try store.taxDetails(customerCode: code) ?? CustomerTaxDetails(),
                                    issues: &issues)
            try issues.throwIfAny()
            let changesFields = name != nil || contact != nil || phone != nil || email != nil || address != nil
            var fields = CustomerFields(customer)
            fields.name = name ?? customer.name
            fields.contact = contact ?? customer.contact
            fields.phone = phone ?? customer.phone
            fields.email = email ?? customer.email
            fields.address = address ?? customer.address
            try service.runBatch { batch in
                if changesFields { try batch.run(UpdateCustomer(id: customer.id, fields: fields)) }
                if !tax.isEmpty { try batch.run(SetCustomerTaxDetails(customerCode: customer.code, details: details)) }
            }
        }
        print(global.isChinese ? "客户 \(code) 已修改" : "customer \(code) changed")
    }
}

import Testing
@testable import LedgerCore
import LedgerStore

/// Customer fapiao details through the command layer: validated, normalised, audited, all-or-nothing.
struct CustomerTaxTests {
    @Test func storesNormalisedDetailsAndAudits() throws {
        let ledger = try RecvLedger(today: "2026-03-01")
        try ledger.customer("C1", name: "杭州星河贸易有限公司")
        let details = CustomerTaxDetails(taxID: "9144 0300 7152 6726xg", invoiceTitle: " 杭州星河贸易有限公司（总部） ",
                                         addressPhone: "杭州市西湖区文三路1号 0571-88888888",
                                         bankAccount: "工商银行杭州分行 1202000000000000000")
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C1", details: details))
        let stored = try #require(try ledger.store.taxDetails(customerCode: "C1"))
        #expect(stored.taxID == "9144030071526726XG")
        #expect(stored.invoiceTitle == "杭州星河贸易有限公司（总部）")
        #expect(stored.bankAccount == "工商银行杭州分行 1202000000000000000")
        #expect(stored.noFapiao == false)
        #expect(try ledger.store.scalar("SELECT command FROM audit_log ORDER BY seq DESC LIMIT 1") == "customer.tax_details")
        #expect(try ledger.store.taxDetails(customerCode: "NOPE") == nil)
    }

    @Test func corruptedCodeIsRefusedWithTheFieldNamed() throws {
        let ledger = try RecvLedger(today: "2026-03-01")
        try ledger.customer("C1")
        let bad = CustomerTaxDetails(taxID: "91350100M000100Y44")
        #expect(throws: LedgerError.validation([FieldIssue("taxID", TaxpayerIDProblem.checkCharacter(found: "4", expected: "3").english)])) {
            try ledger.service.run(SetCustomerTaxDetails(customerCode: "C1", details: bad))
        }
        #expect(try ledger.store.taxDetails(customerCode: "C1") == CustomerTaxDetails())
    }

    @Test func customerAndDetailsAreOneTransaction() throws {
        let ledger = try RecvLedger(today: "2026-03-01")
        // The details are invalid, so the customer created in the same batch is rolled back too.
        #expect(throws: LedgerError.self) {
            try ledger.service.runBatch { batch in
                try batch.run(CreateCustomer(CustomerFields(code: "C2", name: "Two")))
                try batch.run(SetCustomerTaxDetails(customerCode: "C2", details: CustomerTaxDetails(taxID: "12345")))
            }
        }
        #expect(try ledger.store.customer(code: "C2") == nil)
    }
}

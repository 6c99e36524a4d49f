import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// A WeChat/Alipay payer is matched by code, name, an alias written in the customer's notes (`别名：…`), or
/// account (issue 15).
@Suite struct CustomerAliasTests {
    @Test func aliasLinesInNotes() {
        #expect(CustomerAliases.aliases(inNotes: "送货上午\n别名：老王，王记批发、Wang/ 王总 ") == ["老王", "王记批发", "Wang", "王总"])
        #expect(CustomerAliases.aliases(inNotes: "alias: Lao Wang; 昵称:小李") == ["Lao Wang", "小李"])
        #expect(CustomerAliases.aliases(inNotes: "他的别名是老王").isEmpty)
    }

    @Test func wechatNicknameMatchesByAlias() throws {
        let l = try TestLedger(today: "2025-06-30")
        var fields = CustomerFields(code: "W1", name: "王记批发有限公司")
        fields.notes = "别名：老王，王记"
        try l.service.run(CreateCustomer(fields))
        var other = CustomerFields(code: "W2", name: "王记餐饮")
        other.notes = "老王介绍的客户"   // contains the text, but not as an alias
        try l.service.run(CreateCustomer(other))
        try l.invoice("W1", "2025-06-01", "88.00")
        let text = "date,customer_name,amount,reference\n2025-06-10,老王,88.00,T1\n2025-06-11,王记批,1.00,T2\n"
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "r.csv")
        let plan = try DataImport(file: file, kind: .receipts, settings: ImportSettings())
        let result = try plan.run(service: l.service, dryRun: true)
        let invoice = try #require(l.store.receivablesSnapshot(customerID: nil).documents.first).number
        #expect(result.outcome.proposals == ["row 2: W1 88.00 → \(invoice) (exact amount)"])
        #expect(result.rejected.map(\.row) == [3])
    }
}

/// The customer master for 金蝶/用友 carries 税号 and the bank from the fapiao details (issue 15).
@Suite struct CustomerMasterExportTests {
    @Test func taxIDAndBankFromFapiaoDetails() throws {
        let l = try TestLedger(today: "2025-06-30")
        try l.customer("K1", "杭州西湖茶叶有限公司")
        try l.customer("K2", "第三商贸")
        let tax = ["K1": CustomerTaxDetails(taxID: "91330106MA2B0XXXX1",
                                            bankAccount: "工商银行西湖支行 1202-0210 0900 123")]
        let customers = try l.store.customerMaster()
        #expect(customers.customers.map(\.code) == ["K1", "K2"] && customers.tax.isEmpty)
        let kis = String(decoding: CustomerExport.render(customers.customers, target: .kis, tax: tax), as: UTF8.self)
        #expect(kis.contains("\nK1,杭州西湖茶叶有限公司,,,,,工商银行西湖支行,120202100900123,91330106MA2B0XXXX1,,\n"))
        let u8 = try TextEncoding.decode(CustomerExport.render(customers.customers, target: .u8, tax: tax), source: "u8").text
        #expect(u8.contains("K1,杭州西湖茶叶有限公司,杭州西湖茶叶有限公司,,91330106MA2B0XXXX1,工商银行西湖支行,12020210090"
                             + "0123,"))
        let generic = String(decoding: CustomerExport.render(customers.customers, target: .generic, tax: tax),
                             as: UTF8.self)
        #expect(generic.contains(",91330106MA2B0XXXX1,,,工商银行西湖支行 1202-0210 0900 123\n"))
    }
}

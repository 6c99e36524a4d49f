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

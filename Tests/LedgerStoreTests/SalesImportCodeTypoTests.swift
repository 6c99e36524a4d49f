import Foundation
import LedgerCore
@testable import LedgerInterop
import LedgerStore
import Testing

/// s35-fix: an unknown customer code shaped like the ledger's codes (KH999 beside KH001…) is a typo, refused with row
/// and column, never a new customer; new names still create customers, and a dry run lists them.
@Suite struct SalesImportCodeTypoTests {
    func run(_ l: TestLedger, _ text: String, dryRun: Bool = true) throws -> DataImport.RunResult {
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "sales.csv"),
                                  kind: .sales, settings: ImportSettings())
        return try plan.run(service: l.service, dryRun: dryRun)
    }

    func ledger() throws -> TestLedger {
        let l = try TestLedger(today: "2026-06-30")
        try l.customer("KH001", "甲公司")
        try l.customer("KH002", "乙公司")
        return l
    }

    @Test func anUnknownCodeOfTheLedgersShapeIsRefusedWithRowAndColumn() throws {
        let l = try ledger()
        let result = try run(l, "日期,客户编码,价税合计\n2026-06-01,KH001,10.00\n2026-06-02,KH999,20.00\n", dryRun: false)
        #expect(!result.written)
        #expect(result.rejected.problems().map(\.description) == ["row 3, column 客户编码: no customer has code 'KH999' "
            + "(the ledger's codes look like KH001): check the code, or add the customer first (customer add)"])
        #expect(try l.store.scalar("SELECT COUNT(*) FROM customer") == "2")
        // The same code with a name a customer already has is the same typo.
        let named = try run(l, "日期,客户编码,客户名称,价税合计\n2026-06-02,KH999,甲公司,20.00\n")
        #expect(named.rejected.problems().map(\.row) == [2])
    }

    @Test func aCodeShapedNameAloneGoesToThatCodeOrIsRefused() throws {
        let l = try ledger()
        let result = try run(l, "日期,客户,价税合计\n2026-06-01,KH002,10.00\n2026-06-02,KH998,20.00\n", dryRun: false)
        #expect(result.rejected.problems().map(\.description) == ["row 3, column 客户: no customer is named 'KH998' "
            + "and no customer has that code (the ledger's codes look like KH001): check it, or add the customer "
            + "first (customer add)"])
        let good = try run(l, "日期,客户,价税合计\n2026-06-01,KH002,10.00\n", dryRun: false)
        #expect(good.written && good.outcome.sales?.newCustomers == 0)
        #expect(try l.store.scalar("SELECT c.code FROM document d JOIN customer c ON c.id = d.customer_id") == "KH002")
    }

    @Test func newNamesAndNewCodesWithNewNamesStillCreateCustomersAndADryRunListsThem() throws {
        let l = try ledger()
        var text = "date,customer_code,customer_name,amount\n2026-06-01,KH003,丙公司,5.00\n"
        for i in 1...12 { text += "2026-06-01,,导入客户\(i),1.00\n" }
        // Other shapes are never refused: a longer number, other letters.
        text += "2026-06-01,KH0001,丁公司,1.00\n2026-06-01,AB001,,1.00\n"
        let result = try run(l, text)
        #expect(result.rejected.isEmpty)
        let sales = try #require(result.outcome.sales)
        #expect(sales.newCustomers == 15)
        #expect(sales.newCustomerLine == "would create 15 customer(s): KH003 丙公司, IMP-0001 导入客户1, "
            + (1...8).map { "IMP-000\($0 + 1) 导入客户\($0 + 1)" }.joined(separator: ", ") + " (and 5 more)")
        #expect(try l.store.scalar("SELECT COUNT(*) FROM customer") == "2")
    }

    @Test func theShapeIsLettersASeparatorAndDigits() {
        let codes = ["KH001", "IMP-0001", "C_1", "导入客户1", "KH", "001", "KH-", "K H1", "KH1A", "KH--1"]
        #expect(codes.map { CustomerCodeShape($0)?.glob } == ["KH[0-9][0-9][0-9]", "IMP-[0-9][0-9][0-9][0-9]",
                                                                  "C_[0-9]", nil, nil, nil, nil, nil, nil, nil])
    }
}

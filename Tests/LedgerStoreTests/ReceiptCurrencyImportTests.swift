import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s34-fix: `import receipts` had no currency column, so a USD receipt was taken as CNY. The column (`currency`,
/// 币种, 币别) is read by the same parser as `import sales` (`Currency.parse`: ISO codes and Chinese names); a receipt
/// in another currency than its customer's or its named invoice's, or in an unknown currency, is refused with row
/// and column named.
@Suite struct ReceiptCurrencyImportTests {
    private func ledger() throws -> TestLedger {
        let l = try TestLedger(today: "2025-06-30")
        try l.customer("C1", "人民币客户")
        try l.customer("U1", "Dollar Inc", currency: .usd)
        try l.invoice("U1", "2025-06-01", "100.00", currency: .usd)
        try l.invoice("C1", "2025-06-01", "80.00")
        return l
    }

    private func run(_ text: String, _ l: TestLedger, dryRun: Bool = false) throws -> DataImport.RunResult {
        let file = try DelimitedFile.parse(data: Data(text.utf8), source: "r.csv")
        return try DataImport(file: file, kind: .receipts, settings: ImportSettings()).run(service: l.service,
                                                                                          dryRun: dryRun)
    }

    @Test func theParserReadsCodesAndChineseNames() {
        #expect(Currency.parse("usd") == .usd && Currency.parse(" USD ") == .usd && Currency.parse("美元") == .usd)
        #expect(Currency.parse("人民币") == .cny && Currency.parse("RMB") == .cny && Currency.parse("CNY") == .cny)
        #expect(Currency.parse("欧元") == .eur && Currency.parse("港币") == .hkd && Currency.parse("港元") == .hkd)
        #expect(Currency.parse("日元") == .jpy && Currency.parse("英镑") == .gbp && Currency.parse("韩元") == .krw)
        #expect(Currency.parse("比特币") == nil && Currency.parse("") == nil && Currency.parse("US") == nil)
    }

    @Test func aReceiptInItsCustomersCurrencyIsWrittenInIt() throws {
        let l = try ledger()
        let result = try run("date,customer_code,amount,币种,reference\n2025-06-10,U1,100.00,美元,T1\n"
                             + "2025-06-11,C1,30.00,人民币,T2\n", l)
        #expect(result.written && result.rejected.count == 0)
        #expect(result.outcome.totals == ["USD": 10_000, "CNY": 3_000])
        let receipts = try l.store.receivablesSnapshot(customerID: nil).receipts
        #expect(receipts.map(\.amount) == [Money(minorUnits: 10_000, currency: .usd), cny("30.00")])
    }

    @Test func anotherOrUnknownCurrencyIsRefusedNamingRowAndColumn() throws {
        let l = try ledger()
        let text = "date,customer_code,amount,币种,invoice,reference\n"
            + "2025-06-10,U1,100.00,USD,,T1\n"     // fine alone
            + "2025-06-10,C1,50.00,USD,,T2\n"      // a CNY customer
            + "2025-06-10,C1,50.00,比特币,,T3\n"    // unknown
            + "2025-06-10,C1,20.00,人民币,,T4\n"
        for dryRun in [true, false] {
            let result = try run(text, l, dryRun: dryRun)
            #expect(!result.written)
            #expect(result.rejected.problems().map(\.description) == [
                "row 3, column 币种: is in USD but C1 pays in CNY",
                "row 4, column 币种: unknown currency 比特币",
            ])
        }
        #expect(try l.store.receivablesSnapshot(customerID: nil).documents.count == 2)
    }

    @Test func withoutTheColumnTheReceiptIsInTheImportsCurrencyAndTheAmountIsNamed() throws {
        let l = try ledger()
        let result = try run("date,customer_code,amount\n2025-06-10,U1,100.00\n", l)
        #expect(result.rejected.problems().map(\.description) == ["row 2, column amount: is in CNY but U1 pays in USD"])
    }
}

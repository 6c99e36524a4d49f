import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Import cases of issue 15 the first suite left out: Excel's "Unicode text" (UTF-16 LE with BOM, tab separated),
/// and identical genuine rows inside one file kept (only a repeated 交易单号 / serial is a duplicate).
@Suite struct DataImportEncodingTests {
    func run(_ data: Data, _ kind: ImportKind, _ l: TestLedger, settings: ImportSettings = ImportSettings())
        throws -> (DataImport, DataImport.RunResult)
    {
        let file = try DelimitedFile.parse(
            data: data, source: "f.txt", headerStart: DataImport.headerStart(for: settings.format))
        let plan = try DataImport(file: file, kind: kind, settings: settings)
        return (plan, try plan.run(service: l.service, dryRun: false))
    }

    @Test func utf16TabSeparatedCustomerSheet() throws {
        let text =
            "客户编码\t客户名称\t联系人\t电话\t信用额度\r\nU01\t深圳南山电子有限公司\t陈敏\t0755-26660000\t80,000.00\r\n"
            + "U02\tŌsaka Trading 株式会社\t\t\t\r\n"
        let l = try TestLedger()
        let (plan, result) = try run(TextEncoding.utf16LE.encode(text), .customers, l)
        #expect(plan.file.encoding == .utf16LE && plan.file.separator == "\t")
        #expect(result.written && result.rejected.isEmpty)
        let u1 = try #require(try l.store.customer(code: "U01"))
        #expect(u1.name == "深圳南山电子有限公司" && u1.contact == "陈敏" && u1.phone == "0755-26660000")
        #expect(u1.creditLimit == cny("80000.00"))
        let u2 = try #require(try l.store.customer(code: "U02"))
        #expect(u2.name == "Ōsaka Trading 株式会社" && u2.contact == "" && u2.creditLimit == nil)
        #expect(try l.store.summary().customers == 2)
    }

    @Test func identicalBankRowsAreKeptRepeatedSerialsAreNot() throws {
        let text =
            "交易日期,对方户名,金额,流水号,摘要\n"
            + "2025-03-01,华北商贸有限公司,100.00,,货款\n"
            + "2025-03-01,华北商贸有限公司,100.00,,货款\n"
            + "2025-03-02,华北商贸有限公司,250.00,SN9,货款\n"
            + "2025-03-02,华北商贸有限公司,250.00,SN9,货款\n"
        let l = try TestLedger(today: "2025-04-01")
        try l.customer("H1", "华北商贸有限公司")
        var settings = ImportSettings()
        settings.format = .bankCSV
        let (plan, result) = try run(Data(text.utf8), .receipts, l, settings: settings)
        #expect(plan.skipped == ["row 5: duplicate 交易单号 SN9 (first on row 4)"])
        #expect(result.written && result.outcome.receipts == 3)
        let receipts = try l.store.receipts(customerID: try l.store.customer(code: "H1")!.id, page: .all)
            .sorted { $0.displayNumber < $1.displayNumber }
        #expect(receipts.map(\.amount) == [cny("100.00"), cny("100.00"), cny("250.00")])
        #expect(receipts.map(\.reference) == ["", "", "SN9"])
    }
}

import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s32-fix: `import sales` takes the amount as the total with tax (价税合计) and splits it into net and VAT (价税分离)
/// at the row's rate (税率 column) or the ledger's default rate; net + tax is the amount to the cent.
@Suite struct SalesImportVATTests {
    func run(_ text: String, defaultRate: Int64?) throws -> TestLedger {
        let l = try TestLedger()
        if let defaultRate {
            try l.service.run(SetUpLedger(companyName: "测试公司", baseCurrency: .cny,
                                          defaultTaxRate: Rate(basisPoints: defaultRate)))
        }
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "sales.csv"),
                                  kind: .sales, settings: ImportSettings())
        let result = try plan.run(service: l.service, dryRun: false)
        #expect(result.written && result.rejected.isEmpty, "\(result.rejected.map(\.problems))")
        return l
    }

    func line(_ l: TestLedger, _ number: String) throws -> InvoiceLine {
        let id = try #require(try l.store.documents(DocumentSearch(text: number, asOf: date("2026-06-30")),
                                                    page: PageRequest()).first?.id, "\(number)")
        return try #require(try l.store.documentDetail(id: id, asOf: date("2026-06-30"))?.document.lines.first)
    }

    @Test func amountsAreSplitAtTheRowRateOrTheLedgerDefault() throws {
        let l = try run("""
            日期,单号,客户,价税合计,税率
            2026-06-01,S-1,绿洲贸易,100.00,13%
            2026-06-02,S-2,绿洲贸易,113.00,13
            2026-06-03,S-3,绿洲贸易,106.00,0.06
            2026-06-04,S-4,绿洲贸易,50.00,
            2026-06-05,S-5,绿洲贸易,10.00,0

            """, defaultRate: 900)
        func split(_ number: String) throws -> [Int64] {
            let line = try line(l, number)
            return [line.netAmount.minorUnits, line.taxAmount.minorUnits, line.taxRate.basisPoints]
        }
        #expect(try split("S-1") == [8_850, 1_150, 1_300])   // 100 ÷ 1.13 = 88.495… → 88.50; tax 11.50
        #expect(try split("S-2") == [10_000, 1_300, 1_300])
        #expect(try split("S-3") == [10_000, 600, 600])
        #expect(try split("S-4") == [4_587, 413, 900])        // no rate: the ledger's 9 %
        #expect(try split("S-5") == [1_000, 0, 0])
        #expect(try l.store.summary().invoices == 5)
    }

    @Test func withoutRateOrDefaultTheAmountIsNetAsBefore() throws {
        let l = try run("date,number,customer,amount\n2026-06-01,S-1,Acme,100.00\n", defaultRate: nil)
        let line = try line(l, "S-1")
        #expect(line.netAmount.minorUnits == 10_000 && line.taxAmount.minorUnits == 0)
    }

    @Test func creditNoteRowsAreSplitToo() throws {
        let l = try run("""
            date,number,customer,amount,kind,tax_rate
            2026-06-01,S-1,Acme,113.00,invoice,13%
            2026-06-02,R-1,Acme,-11.30,credit_note,13%

            """, defaultRate: nil)
        let note = try line(l, "R-1")
        #expect(note.netAmount.minorUnits == 1_000 && note.taxAmount.minorUnits == 130)
    }

    @Test func aBadRateNamesRowAndColumn() throws {
        let file = "date,customer,amount,税率\n2026-06-01,A,1.00,abc\n"
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(file.utf8), source: "sales.csv"),
                                  kind: .sales, settings: ImportSettings())
        #expect(plan.rejected.map { $0.problems.map(\.description) }
                == [["row 2, column 税率: 'abc' is not a tax rate (write 13, 13% or 0.13; a number below 1 is a "
                     + "fraction: 0.5 = 50%)"]])
        let rates = ["13%", "0.13", "1", "６％", "13.5", "0", "101", "-1", "x"]
            .map { SalesImport.taxRate($0)?.basisPoints }
        #expect(rates == [1_300, 1_300, 100, 600, 1_350, 0, nil, nil, nil])
    }
}

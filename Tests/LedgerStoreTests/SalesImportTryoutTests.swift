import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s32-fixb: the tryout's `import sales` findings — a name two customers share, two columns of one field, rows at
/// the ledger's default rate in the summary, the default rate set after the wizard, tax-rate text.
@Suite struct SalesImportTryoutTests {
    func plan(_ text: String) throws -> DataImport {
        try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "sales.csv"), kind: .sales,
                       settings: ImportSettings())
    }

    func ledgerWithTwoOases() throws -> TestLedger {
        let l = try TestLedger(today: "2026-06-30")
        try l.customer("LZ01", "绿洲贸易")
        try l.customer("客户编码一", "绿洲贸易")
        try l.customer("HX01", "华兴电子")
        return l
    }

    @Test func aNameTwoCustomersShareIsRefusedByRowAndColumn() throws {
        let l = try ledgerWithTwoOases()
        let file = """
            日期,单号,客户,客户编码,价税合计
            2026-06-01,S-1,绿洲贸易,,100.00
            2026-06-02,S-2,绿洲贸易,LZ01,200.00
            2026-06-03,S-3,华兴电子,,300.00
            2026-06-04,S-4,绿洲贸易,,400.00

            """
        let result = try plan(file).run(service: l.service, dryRun: false)
        #expect(!result.written)
        let message = "customer name '绿洲贸易' matches 2 customers (LZ01, 客户编码一): give the customer code"
        #expect(result.rejected.problems().map(\.description)
                == ["row 2, column 客户: " + message, "row 5, column 客户: " + message])
        #expect(try l.store.summary().invoices == 0)
        // With the code given, every row posts, each to its own customer.
        let fixed = file.replacingOccurrences(of: "S-1,绿洲贸易,,", with: "S-1,绿洲贸易,客户编码一,")
            .replacingOccurrences(of: "S-4,绿洲贸易,,", with: "S-4,绿洲贸易,LZ01,")
        let posted = try plan(fixed).run(service: l.service, dryRun: false)
        #expect(posted.written && posted.rejected.isEmpty)
        #expect(posted.outcome.sales?.invoices == 4 && posted.outcome.sales?.newCustomers == 0)
        let posted4 = try ["S-1", "S-2", "S-3", "S-4"].map { number in
            let row = try l.store.documents(DocumentSearch(text: number, asOf: CivilDate(iso: "2026-06-30")!),
                                            page: PageRequest()).first
            return "\(row?.customerCode ?? "-") \(row?.total.minorUnits ?? 0)"
        }
        #expect(posted4 == ["客户编码一 10000", "LZ01 20000", "HX01 30000", "LZ01 40000"])
    }

    @Test func aNameAFileRowTiedToACodeIsStillRefusedAlone() throws {
        // The row with the code (LZ01) comes first: a later row with the name alone is still ambiguous.
        let l = try ledgerWithTwoOases()
        let file = "date,customer_code,customer_name,amount\n2026-06-01,LZ01,绿洲贸易,1.00\n2026-06-02,,绿洲贸易,2.00\n"
        let result = try plan(file).run(service: l.service, dryRun: true)
        #expect(result.rejected.problems().map(\.description) == ["row 3, column customer_name: customer name "
            + "'绿洲贸易' matches 2 customers (LZ01, 客户编码一): give the customer code"])
    }

    @Test func threeCustomersOfANameSayHowMany() throws {
        let l = try ledgerWithTwoOases()
        try l.customer("LZ03", "绿洲贸易")
        let result = try plan("date,customer,amount\n2026-06-01,绿洲贸易,1.00\n").run(service: l.service, dryRun: true)
        #expect(result.rejected.problems().map(\.message)
                == ["customer name '绿洲贸易' matches 3 customers (LZ01, LZ03, …): give the customer code"])
    }

    @Test func twoColumnsOfOneFieldAreRefusedBeforeAnyRow() throws {
        func refusal(_ header: String) -> String? {
            do { _ = try plan(header + "\n2026-06-01,A,1,2,3\n") } catch let error as InteropError {
                return error.description
            } catch { return "\(error)" }
            return nil
        }
        #expect(refusal("日期,客户,税率,vat_rate,金额")
                == "sales.csv: columns 3 (税率) and 4 (vat_rate) both give the tax rate")
        #expect(refusal("date,customer,amount,amount,note")
                == "sales.csv: columns 3 (amount) and 4 (amount) both give the amount")
        #expect(refusal("date,customer,金额,价税合计,note")
                == "sales.csv: columns 3 (金额) and 4 (价税合计) both give the amount")
        #expect(refusal("customer_name,customer_code,客户,date,amount")
                == "sales.csv: columns 1 (customer_name) and 3 (客户) both give the customer name")
        #expect(refusal("date,customer_name,customer,amount,note") == nil)   // 客户 is then the code
        #expect(refusal("date,customer,amount,note,memo")
                == "sales.csv: columns 4 (note) and 5 (memo) both give the note")
    }

    @Test func theSummarySaysHowManyRowsTookTheDefaultRate() throws {
        let l = try TestLedger(today: "2026-06-30")
        let file = "date,customer,amount,tax_rate\n2026-06-01,A,1.00,\n2026-06-02,A,2.00,13\n2026-06-03,A,3.00,\n"
        let dry = try plan(file).run(service: l.service, dryRun: true)
        #expect(dry.outcome.description
                == "3 invoice(s) (6.00 CNY), 1 new customer(s); 2 rows without a tax rate used the ledger's default 0%")
        #expect(try l.service.run(SetDefaultTaxRate(rate: Rate(basisPoints: 900))).basisPoints == 900)
        let one = "date,customer,amount,tax_rate\n2026-06-01,A,109.00,\n2026-06-02,A,2.00,13\n"
        let result = try plan(one).run(service: l.service, dryRun: false)
        #expect(result.written)
        #expect(result.outcome.description
                == "2 invoice(s) (111.00 CNY), 1 new customer(s); 1 row without a tax rate used the ledger's "
                   + "default 9%")
        let all = "date,customer,amount,tax_rate\n2026-06-05,A,1.00,0\n"
        #expect(try plan(all).run(service: l.service, dryRun: true).outcome.description
                == "1 invoice(s) (1.00 CNY), 0 new customer(s)")
    }

    @Test func theDefaultRateIsSetThroughTheCommandLayer() throws {
        let l = try TestLedger(today: "2026-06-30")
        func entries() throws -> Int {
            try l.store.auditLog(filter: AuditLogFilter(command: "ledger.default_tax_rate")).count
        }
        #expect(try entries() == 0)
        #expect(try l.service.run(SetDefaultTaxRate(rate: Rate(basisPoints: 1_300))).description == "13%")
        #expect(try l.store.ledgerSetting(LedgerSettings.taxKey) == "1300")
        #expect(try entries() == 1)
        #expect(throws: LedgerError.self) { try l.service.run(SetDefaultTaxRate(rate: Rate(basisPoints: 10_001))) }
        let clerk = LedgerService(store: l.store, clock: FixedClock(CivilDate(iso: "2026-06-30")!), actor: "c",
                                  role: .clerk)
        #expect(throws: LedgerError.self) { try clerk.run(SetDefaultTaxRate(rate: Rate(basisPoints: 600))) }
        #expect(try l.store.ledgerSetting(LedgerSettings.taxKey) == "1300")
    }

    @Test func rateTextTakesTrailingZerosAndRefusesMoreThanAHundred() throws {
        let rates = ["13.000", "13.00%", "0.1300", "13", "0.5", "100", "100.00", "100.01", "130", "-1", "abc"]
            .map { SalesImport.taxRate($0)?.basisPoints }
        #expect(rates == [1_300, 1_300, 1_300, 1_300, 5_000, 10_000, 10_000, nil, nil, nil, nil])
        let file = "date,customer,amount,税率\n2026-06-01,A,1.00,130\n2026-06-02,A,1.00,abc\n2026-06-03,A,1.00,13.000\n"
        let example = "(write 13, 13% or 0.13; a number below 1 is a fraction: 0.5 = 50%)"
        #expect(try plan(file).problems.map(\.description)
                == ["row 2, column 税率: '130' is more than 100% " + example,
                    "row 3, column 税率: 'abc' is not a tax rate " + example])
    }
}

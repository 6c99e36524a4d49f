import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s33-fix: `import sales` rows naming a customer the same import creates. A name given alone goes to the one
/// customer of that name — in the ledger or created by the import, in the same posting chunk or an earlier one — and
/// is refused when the ledger and the import together have two or more, wherever the row falls in the file.
@Suite struct SalesImportNewNameTests {
    func run(_ l: TestLedger, _ text: String, dryRun: Bool = false) throws -> DataImport.RunResult {
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(text.utf8), source: "sales.csv"),
                                  kind: .sales, settings: ImportSettings())
        return try plan.run(service: l.service, dryRun: dryRun)
    }

    /// "code name" of each customer named `name`, by code.
    func customers(_ l: TestLedger, named name: String) throws -> [String] {
        try l.store.customers(search: name, asOf: CivilDate(iso: "2026-06-30")!, page: PageRequest(limit: 50))
            .filter { $0.name == name }.map(\.code).sorted()
    }

    /// The customer code of the invoice imported with `number`.
    func customerOf(_ l: TestLedger, _ number: String) throws -> String? {
        try l.store.documents(DocumentSearch(text: number, asOf: CivilDate(iso: "2026-06-30")!),
                              page: PageRequest()).first?.customerCode
    }

    /// `count` filler rows of customer `Filler` numbered F-1…, to push later rows past a posting chunk.
    func fillers(_ count: Int) -> String {
        (1...count).map { "2026-06-02,F-\($0),,Filler,1.00\n" }.joined()
    }

    @Test func rowsNamingOneNewCustomerGoToOneCustomer() throws {
        let l = try TestLedger(today: "2026-06-30")
        let file = "date,number,customer_code,customer_name,amount\n2026-06-01,S-1,,新客户甲,1.00\n"
            + fillers(1_100) + "2026-06-03,S-2,,新客户甲,2.00\n2026-06-03,S-3,,新客户甲,3.00\n"
        let result = try run(l, file)
        #expect(result.written && result.rejected.isEmpty)
        #expect(result.outcome.sales?.newCustomers == 2)
        #expect(try customers(l, named: "新客户甲") == ["IMP-0001"])
        #expect(try ["S-1", "S-2", "S-3"].map { try customerOf(l, $0) } == ["IMP-0001", "IMP-0001", "IMP-0001"])
    }

    @Test func aNameAlsoCreatedWithItsCodeInTheSameChunkIsRefusedAlone() throws {
        // The ledger has X01 甲; a row creates C1 甲 with its code: a later row giving 甲 alone matches two customers,
        // in the same posting chunk as after it (before: the first went to C1 without a word).
        let l = try TestLedger(today: "2026-06-30")
        try l.customer("X01", "甲")
        let file = "date,number,customer_code,customer_name,amount\n2026-06-01,S-1,C1,甲,1.00\n"
            + "2026-06-01,S-2,,甲,2.00\n" + fillers(1_100) + "2026-06-03,S-3,,甲,3.00\n"
        let message = "customer name '甲' matches 2 customers (C1, X01): give the customer code"
        let result = try run(l, file, dryRun: true)
        #expect(result.rejected.problems().map(\.description)
                == ["row 3, column customer_name: " + message, "row 1104, column customer_name: " + message])
    }

    @Test func twoCodesOfANewNameMakeTheNameAloneAmbiguous() throws {
        let l = try TestLedger(today: "2026-06-30")
        let file = "date,number,customer_code,customer_name,amount\n2026-06-01,S-1,C1,乙,1.00\n"
            + "2026-06-01,S-2,C2,乙,2.00\n2026-06-01,S-3,,乙,3.00\n"
        let result = try run(l, file, dryRun: true)
        #expect(result.rejected.problems().map(\.description)
                == ["row 4, column customer_name: customer name '乙' matches 2 customers (C1, C2): give the customer "
                    + "code"])
    }

    @Test func aNameTheImportCreatedAloneThenWithACodeIsAmbiguousAfter() throws {
        // S-1 creates IMP-0001 丙; S-2 gives C2 丙 (a customer of its own, as the file says); S-3 names 丙 alone.
        let l = try TestLedger(today: "2026-06-30")
        let file = "date,number,customer_code,customer_name,amount\n2026-06-01,S-1,,丙,1.00\n"
            + "2026-06-01,S-2,C2,丙,2.00\n2026-06-01,S-3,,丙,3.00\n"
        let result = try run(l, file, dryRun: true)
        #expect(result.rejected.problems().map(\.description)
                == ["row 4, column customer_name: customer name '丙' matches 2 customers (C2, IMP-0001): give the "
                    + "customer code"])
        // Without the third row: two customers, each row on the one it names.
        let two = file.replacingOccurrences(of: "2026-06-01,S-3,,丙,3.00\n", with: "")
        let posted = try run(l, two)
        #expect(posted.written && posted.outcome.sales?.newCustomers == 2)
        #expect(try customers(l, named: "丙") == ["C2", "IMP-0001"])
        #expect(try customerOf(l, "S-1") == "IMP-0001" && customerOf(l, "S-2") == "C2")
    }
}

import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// s33-fix (found measuring `import sales`): the staging file did not keep a row's tax rate, so every row after the
/// first `ImportStaging.bufferCapacity` (4,096) of a sales file posted at the ledger's default rate (0 %) while the
/// file said 13 %, and the summary counted them as rows without a rate.
@Suite struct StagedTaxRateTests {
    @Test func rowsPastTheBufferKeepTheirRate() throws {
        let l = try TestLedger(today: "2026-06-30")
        let count = ImportStaging.bufferCapacity + 10
        let rows = (1...count).map { "2026-06-01,T-\($0),甲,113.00,\($0 % 2 == 0 ? "13" : "9%")\n" }.joined()
        let plan = try DataImport(file: try DelimitedFile.parse(data: Data(("date,number,customer,amount,tax_rate\n"
                                                                             + rows).utf8), source: "t.csv"),
                                  kind: .sales, settings: ImportSettings())
        let staged = plan.entries.compactMap { entry -> Int64? in
            guard case .sale(let sale) = entry.record else { return nil }
            return sale.taxRate?.basisPoints
        }
        #expect(staged.count == count && staged.last == (count % 2 == 0 ? 1_300 : 900))
        #expect(Set(staged) == [1_300, 900])
        let result = try plan.run(service: l.service, dryRun: false)
        #expect(result.written && result.outcome.sales?.defaultRateRows == 0)
        // The last row: 113.00 with tax at its own rate, not all net at 0 %.
        let last = try #require(try l.store.documents(DocumentSearch(text: "T-\(count)", asOf: CivilDate(iso:
            "2026-06-30")!), page: PageRequest()).first)
        #expect(last.total.minorUnits == 11_300)
        let vat = try l.store.outputVAT(from: nil, to: nil)
        #expect(vat.filter { $0.rate.basisPoints == 0 }.isEmpty, "\(vat)")
    }
}

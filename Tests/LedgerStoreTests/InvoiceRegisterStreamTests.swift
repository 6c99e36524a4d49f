import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerReports
@testable import LedgerStore

/// s35-bench2 (issue 10): `invoice list` with a large page reads it in chunks by keyset; the rows are those of the
/// one-page read, in its order, whatever the chunk size, offset and limit.
@Suite struct InvoiceRegisterStreamTests {
    @Test func chunkedRowsEqualTheOnePageRead() throws {
        let ledger = try TestLedger()
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 17, invoices: 400, seed: 11,
                                        today: date("2026-11-29"), cities: cities)
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        let reports = Reports(store: ledger.store)
        let today = date("2026-11-29")
        let searches = [DocumentSearch(status: .open, asOf: today), DocumentSearch(status: .all, asOf: today),
                        DocumentSearch(status: .paid, asOf: date("2026-06-30"))]
        for search in searches {
            let whole = try reports.invoiceRegisterPage(search, page: PageRequest(offset: 0, limit: 1_000_000))
            #expect(whole.count > 20, "\(search.status)")
            for (offset, limit) in [(0, 1_000_000), (0, 13), (5, 40), (7, 1_000_000), (whole.count, 10)] {
                let expected = try reports.invoiceRegisterPage(search, page: PageRequest(offset: offset, limit: limit))
                for chunk in [1, 3, 10, 10_000] {
                    var rows: [InvoiceListRow] = []
                    try ledger.store.readSnapshot {
                        try reports.forEachInvoiceRegisterRow(search, page: PageRequest(offset: offset, limit: limit),
                                                              chunk: chunk) { rows.append($0) }
                    }
                    #expect(rows.map(\.id) == expected.map(\.id), "\(search.status) \(offset)+\(limit) by \(chunk)")
                    #expect(rows == expected)
                }
            }
        }
    }
}

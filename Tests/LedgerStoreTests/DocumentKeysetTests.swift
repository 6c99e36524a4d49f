import Foundation
import Testing
import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// Issue 10: the document browser paged by keyset (after the last row's date and id) returns exactly the rows of
/// the unpaged list, in order, across page boundaries that fall between documents of the same date.
@Suite struct DocumentKeysetTests {
    @Test func keysetPagesJoinToTheUnpagedList() throws {
        let ledger = try TestLedger()
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 15, invoices: 240, seed: 3,
                                        today: date("2026-11-29"), cities: cities)
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        let today = date("2026-11-29")
        for status in [DocumentSearch.Status.all, .open, .overdue, .paid] {
            for text in [nil, "有限"] as [String?] {
                let search = DocumentSearch(text: text, status: status, asOf: today)
                let all = try ledger.store.documents(search, page: .all)
                #expect(all.count == (try ledger.store.documentCount(search)))
                var joined: [InvoiceListRow] = []
                while true {
                    let page = try ledger.store.documents(search, after: joined.last, limit: 7)
                    joined += page
                    if page.count < 7 { break }
                }
                #expect(joined == all, "status \(status), text \(text ?? "-")")
                // Same-date neighbours exist, so a boundary inside a day was crossed.
                if status == .all && text == nil {
                    #expect(all.count > 100)
                    #expect(zip(all, all.dropFirst()).contains { $0.date == $1.date })
                }
            }
        }
    }
}

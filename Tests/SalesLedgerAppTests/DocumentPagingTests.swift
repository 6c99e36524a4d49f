import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// Issue 10: the documents list loads a first page, then the next pages by keyset as the selection moves down;
/// every document is reached in the store's order and none twice.
@Suite struct DocumentPagingTests {
    @Test func pageDownReachesEveryDocumentOnce() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
            let cities = try SampleGenerator.loadCities(directory: sampleDirectory("cn-regions"))
            let generator = SampleGenerator(language: .zh, customers: 10, invoices: 450, seed: 9,
                                            today: service.clock.today(), cities: cities)
            _ = try service.runBatch { try generator.load(into: $0) }
        }
        h.press(.function(ScreenID.documents.functionKey))
        let total = try h.store.documentCount(h.app.documents.search(context: h.context))
        #expect(total > DocumentsScreen.pageSize)
        #expect(h.app.documents.rows.count == DocumentsScreen.pageSize)
        // No COUNT(*) on refresh: until the last page is in, the heading says "200+".
        #expect(!h.app.documents.countIsExact && h.text.contains("\(DocumentsScreen.pageSize)+"))
        for _ in 0..<(total / 15 + 2) { h.press(.pageDown) }
        let expected = try h.store.documents(h.app.documents.search(context: h.context), page: .all)
        #expect(h.app.documents.rows == expected)
        #expect(h.app.documents.countIsExact && h.app.documents.count == total)
        #expect(h.app.documents.table.selectedRow == total - 1)
        #expect(h.text.contains(expected.last!.number))
        // A refresh (after a write) keeps the selection far down the list.
        h.context.dataChanged()
        h.press(.up)
        #expect(h.app.documents.table.selectedRow == total - 2)
        #expect(h.app.documents.rows.count == total)
    }
}

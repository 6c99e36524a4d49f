import Foundation
import Testing
import LedgerCore
import LedgerInterop
import LedgerStore
import TerminalUI
@testable import SalesLedgerApp

/// s14-fix: F9 shows the documents as of the app's today (a pinned `--today`): none dated after it, status and
/// open amounts without the allocations dated after it; End reads the real last row.
@Suite struct DocumentsAsOfTests {
    static func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .cny) }

    /// INV-1 (2026-11-01, 100.00) paid by a receipt of 2026-11-20; INV-2 dated 2026-11-25; the ledger's day 11-29.
    static func seed(_ service: LedgerService) throws {
        try service.run(CreateCustomer(CustomerFields(code: "C1", name: "重庆山城贸易")))
        try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-01")!,
                                    lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                      unitPrice: money(10_000))]))
        try service.run(RecordReceipt(customerCode: "C1", date: CivilDate(iso: "2026-11-20")!, amount: money(10_000)))
        try service.run(PostInvoice(customerCode: "C1", date: CivilDate(iso: "2026-11-25")!,
                                    lines: [LineInput(description: "goods", quantity: Quantity(1),
                                                      unitPrice: money(5_000))]))
    }

    /// The app over the seeded ledger with today pinned to `today`.
    static func app(_ language: Language, today: String) throws -> AppHarness {
        var h = try AppHarness(language: language, size: Size(width: 100, height: 24), seedLedger: seed)
        let service = LedgerService(store: h.store, clock: FixedClock(CivilDate(iso: today)!), actor: "S01",
                                    role: .manager)
        h.app = LedgerApp(context: AppContext(store: h.store, service: service, language: language,
                                              ledgerName: "test.sqlite", draftPath: nil))
        h.press(.function(ScreenID.documents.functionKey))
        return h
    }

    @Test func aPinnedPastTodayShowsTheDocumentsAsTheyStoodThen() throws {
        var h = try Self.app(.en, today: "2026-11-10")
        #expect(h.app.documents.rows.map(\.number) == ["INV-2026-000001"])
        #expect(h.app.documents.rows.first?.open == 10_000)
        let row = try #require(h.screen().first { $0.contains("INV-2026-000001") })
        #expect(row.contains("open") && !row.contains("paid"))
        #expect(!h.text.contains("INV-2026-000002"))
        // Opened: open 100.00, no allocation from the receipt dated after that day.
        h.press(.enter)
        #expect(h.text.contains("Open 100.00") || h.text.contains("Open amount 100.00"), "\(h.text)")
        #expect(!h.text.contains("RCT-2026-000001"))
        h.press(.escape)
        // The status filter judges as of that day too.
        h.press(.char("f"), .char("f"), .char("f"), .char("f"), .char("f"))   // all → … → paid
        #expect(h.text.contains("[f] paid"))
        #expect(h.app.documents.rows.isEmpty)
        h.press(.char("f"))                                                    // credited (s33)
        #expect(h.text.contains("[f] credited") && h.app.documents.rows.isEmpty, "\(h.text)")
        h.press(.char("f"))                                                    // open
        #expect(h.app.documents.rows.map(\.number) == ["INV-2026-000001"])
        // On the ledger's own day: INV-1 paid, INV-2 listed.
        var now = try Self.app(.zh, today: "2026-11-29")
        #expect(now.app.documents.rows.map(\.number) == ["INV-2026-000002", "INV-2026-000001"])
        let paid = try #require(now.screen().first { $0.contains("INV-2026-000001") })
        #expect(paid.contains("已核销"))
        let open = try #require(now.screen().first { $0.contains("INV-2026-000002") })
        #expect(open.contains("未核销"))
    }

    @Test func theStatusColumnShowsCreditNoteStatesWhole() throws {
        for (language, width) in [(Language.zh, 80), (.zh, 200), (.en, 80), (.en, 200)] {
            var h = try AppHarness(language: language, size: Size(width: width, height: 24)) { service in
                try Self.seed(service)
                _ = try service.run(IssueLineCreditNote(invoiceNumber: "INV-2026-000002",
                                                        date: CivilDate(iso: "2026-11-29")!, reason: "returned"))
            }
            h.press(.function(ScreenID.documents.functionKey))
            let note = try #require(h.app.documents.rows.first { $0.kind == .creditNote })
            let row = try #require(h.screen().first { $0.contains(note.number) }, "\(h.text)")
            let s = Strings(language)
            let whole = DocumentsScreen.rowStatus(note, today: h.context.today, s)
            #expect(row.contains(whole), "\(language) \(width): \(row)")
            // Open and total still shown at 80 columns.
            #expect(h.screen().contains { $0.contains(s.openAmount) && $0.contains(s.total) }, "\(language) \(width)\n\(h.text)")
        }
    }

    @Test func endGoesToTheRealLastRowAndBack() throws {
        var h = try AppHarness(language: .en, size: Size(width: 120, height: 30)) { service in
            let cities = try SampleGenerator.loadCities(directory: sampleDirectory("cn-regions"))
            let generator = SampleGenerator(language: .zh, customers: 10, invoices: 650, seed: 9,
                                            today: service.clock.today(), cities: cities)
            _ = try service.runBatch { try generator.load(into: $0) }
        }
        h.press(.function(ScreenID.documents.functionKey))
        let all = try h.store.documents(h.app.documents.search(context: h.context), page: .all)
        #expect(all.count > 3 * DocumentsScreen.pageSize)
        h.press(.end)
        #expect(h.app.documents.rows.last == all.last)
        #expect(h.text.contains(all.last!.number))
        let selected = h.app.documents.table.selectedRow
        #expect(h.app.documents.rows[selected] == all.last)
        // Up from the end reads the rows before, in order, none twice.
        for _ in 0..<(all.count / 15 + 2) { h.press(.pageUp) }
        #expect(h.app.documents.rows == all)
        #expect(h.app.documents.rows[h.app.documents.table.selectedRow] == all.first)
        // Home from the end's pages reads the first page again.
        h.press(.end, .home)
        #expect(h.app.documents.table.selectedRow == 0)
        #expect(h.app.documents.rows.first == all.first)
    }
}

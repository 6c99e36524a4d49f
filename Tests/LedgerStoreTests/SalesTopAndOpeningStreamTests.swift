import Foundation
import Testing
import LedgerCore
import LedgerInterop
@testable import LedgerStore

/// s35-bench2 (issue 10): the sales report's top rows chosen in SQL are the whole report's first rows of each
/// currency (ties by key), from the summaries and from the documents; `export opening` streamed from a cursor
/// ordered in SQL gives the same text as the whole-list form.
@Suite struct SalesTopAndOpeningStreamTests {
    /// A generated CNY ledger plus three USD customers, two of them tied.
    static func ledger() throws -> TestLedger {
        let ledger = try TestLedger()
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let generator = SampleGenerator(language: .zh, customers: 17, invoices: 400, seed: 11,
                                        today: date("2026-11-29"), cities: cities)
        _ = try ledger.service.runBatch { try generator.load(into: $0) }
        for code in ["U3", "U2", "U1"] { try ledger.customer(code, "US \(code)", currency: .usd) }
        try ledger.invoice("U1", "2026-10-05", "500.00", currency: .usd)
        try ledger.invoice("U2", "2026-10-06", "500.00", currency: .usd)
        try ledger.invoice("U3", "2026-10-07", "90.00", currency: .usd)
        return ledger
    }

    /// Each currency's first `n` rows of `rows`, in order.
    static func firstOfEachCurrency(_ rows: [SalesReportRow], _ n: Int) -> [SalesReportRow] {
        var seen: [Currency: Int] = [:]
        return rows.filter { row in
            seen[row.currency, default: 0] += 1
            return seen[row.currency]! <= n
        }
    }

    @Test func topRowsAreTheReportsFirstRowsPerCurrency() throws {
        let ledger = try Self.ledger()
        let store = ledger.store
        let ranges: [(CivilDate?, CivilDate?)] = [
            (date("2025-12-01"), date("2026-11-29")), (date("2026-02-14"), date("2026-10-06")), (nil, nil),
        ]
        for (from, to) in ranges {
            for dimension in [SalesDimension.customer, .region, .channel, .salesperson, .product] {
                let whole = try store.salesReport(by: dimension, from: from, to: to)
                for n in [1, 2, 5] {
                    let expected = Self.firstOfEachCurrency(whole, n)
                    #expect(try store.salesReport(by: dimension, from: from, to: to, top: n) == expected,
                            "\(dimension) top \(n)")
                    #expect(try store.salesReportFromDocuments(by: dimension, from: from, to: to, top: n) == expected,
                            "\(dimension) top \(n) from the documents")
                }
            }
        }
        // Real values: the USD tie at 500.00 is broken by code, and both currencies keep their own rows.
        let top = try store.salesReport(by: .customer, from: nil, to: nil, top: 2)
        #expect(top.filter { $0.currency == .usd }.map(\.key) == ["U1", "U2"])
        #expect(top.filter { $0.currency == .usd }.map(\.total) == [50_000, 50_000])
        #expect(top.filter { $0.currency == .cny }.count == 2)
        #expect(try store.salesReport(by: .customer, from: nil, to: nil, top: 0).isEmpty)
        // Time dimensions ignore `top` (ordered by key, not ranked).
        #expect(try store.salesReport(by: .month, from: nil, to: nil, top: 1)
                == store.salesReport(by: .month, from: nil, to: nil))
    }

    @Test func streamedOpeningEqualsTheWholeList() throws {
        let ledger = try Self.ledger()
        let store = ledger.store
        var r = RecordReceipt(customerCode: "U3", date: date("2026-10-20"), amount: try money("120.00", .usd))
        r.reference = "BANK-9"
        try ledger.service.run(r)
        for asOf in [date("2026-11-29"), date("2026-06-30")] {
            let items = try store.openItems(asOf: asOf), credits = try store.unappliedCredits(asOf: asOf)
            let whole = MasterDataExport.opening(
                items: items, credits: credits,
                references: try store.references(of: items.map(\.number) + credits.map(\.number)))
            for batch in [1, 7, 500] {
                var text = MasterDataExport.openingPreamble()
                var count = 0
                try store.forEachOpenItemByCustomer(asOf: asOf, batchSize: batch) { part, references in
                    #expect(part.count <= batch)
                    count += part.count
                    for item in part { text += MasterDataExport.openingLine(item, references: references) }
                }
                let creditReferences = try store.references(of: credits.map(\.number))
                for row in MasterDataExport.openingCreditRows(credits, references: creditReferences) {
                    text += CSVOutput.line(row, style: CSVOutput.processDefault) + "\n"
                }
                #expect(count == items.count, "batch \(batch)")
                #expect(text == whole, "as of \(asOf), batch \(batch)")
            }
            #expect(items.count > 10)
        }
        // Real values: the receipt settled U3's invoice (90.00) and left 30.00 unapplied, written with its bank
        // reference instead of its number; U1 and U2 stay open.
        let items = try store.openItems(asOf: date("2026-11-29")).filter { $0.currency == .usd }
        #expect(items.map(\.customerCode).sorted() == ["U1", "U2"])
        var text = ""
        try store.forEachOpenItemByCustomer(asOf: date("2026-11-29")) { part, references in
            for item in part where item.currency == .usd {
                text += MasterDataExport.openingLine(item, references: references)
            }
        }
        #expect(text.hasPrefix("invoice,U1,"))
        #expect(text.hasSuffix(",2026-10-06,2026-11-05,USD,500.00\n"))
        let credits = try store.unappliedCredits(asOf: date("2026-11-29"))
        let references = try store.references(of: credits.map(\.number))
        let rows = MasterDataExport.openingCreditRows(credits, references: references)
        #expect(rows.contains(["credit", "U3", "BANK-9", "2026-10-20", "", "USD", "30.00"]))
    }
}

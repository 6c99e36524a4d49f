import Testing
@testable import LedgerCore
import LedgerReports
import LedgerInterop
import LedgerStore

/// The fapiao reports: 销项税 agrees with the sales report and the journal export; 应收未开票 ages what is left
/// to invoice; 已开票未收款 and the to-issue list.
struct FapiaoReportTests {
    @Test func outputVATByRateEqualsTheSalesReportAndTheJournal() throws {
        let ledger = try RecvLedger(today: "2026-11-29")
        let cities = try SampleGenerator.loadCities(directory: sampleDataDirectory("cn-regions"))
        let gen = SampleGenerator(language: .zh, customers: 20, invoices: 150, seed: 3, today: try day("2026-11-29"),
                                  cities: cities)
        _ = try ledger.service.runBatch { try gen.load(into: $0) }
        // Mixed rates and a credit note at 9 %, so rates and signs both matter.
        try ledger.customer("VAT1")
        let sale = try ledger.taxedSale("VAT1", "2026-10-03", net: "1000.00", taxPercent: 9)
        try ledger.taxedSale("VAT1", "2026-10-04", net: "333.33", taxPercent: 6)
        try ledger.service.run(IssueCreditNote(customerCode: "VAT1", date: try day("2026-11-02"),
                                               appliesToNumber: sale.displayNumber,
                                               lines: [LineInput(description: "Return", quantity: Quantity(1),
                                                                 unitPrice: try money("100.00"),
                                                                 taxRate: Rate(basisPoints: 900))], reason: "return"))
        let vat = try ledger.store.outputVAT(from: nil, to: nil)
        #expect(Set(vat.map(\.rate.basisPoints)).isSuperset(of: [900, 600]))
        for date in ["2026-11-29", "2026-11-01", "2026-06-30", "2025-12-31"] {
            try Self.expectUninvoicedEqualsPositions(ledger.store, asOf: try day(date))
        }
        let byMonth = Dictionary(grouping: vat, by: \.month).mapValues { $0.reduce(0) { $0 + $1.tax } }
        let sales = try ledger.store.salesReport(by: .month, from: nil, to: nil)
        #expect(sales.count == byMonth.count)
        for row in sales { #expect(byMonth[row.key] == row.tax, "month \(row.key)") }
        let total = vat.reduce(0) { $0 + $1.tax }
        #expect(total == sales.reduce(0) { $0 + $1.tax })
        #expect(total > 0)
        // The journal's output VAT account holds the same amount (credit, so negative).
        var journal = ""
        var writer = JournalExport.Writer { journal += $0 }
        for document in try ledger.store.documentTotals(from: nil, to: nil) { writer.add(.document(document)) }
        var journalVAT: Int64 = 0
        for line in journal.split(separator: "\n") where line.contains("liabilities:vat:output") {
            let amount = line.split(separator: " ").dropLast().last.map(String.init) ?? ""
            journalVAT += try minor(amount)
        }
        #expect(journalVAT == -total)
        // The report table carries the same total.
        let table = FapiaoTables.outputVAT(vat)
        #expect(table.totals.first?[4] == .amount(total, .cny))
    }

    @Test func uninvoicedByAgeInvoicedUnpaidAndToIssue() throws {
        let ledger = try RecvLedger(today: "2026-03-31")
        try ledger.customer("C1", name: "星河贸易")
        try ledger.customer("C2", name: "零售客户")
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C1", details: CustomerTaxDetails(
            taxID: "91350100M000100Y43", invoiceTitle: "杭州星河贸易有限公司", addressPhone: "杭州 0571-1",
            bankAccount: "工行 1")))
        let old = try ledger.taxedSale("C1", "2026-01-10", net: "1000.00")      // 1130.00, 80 days old
        let recent = try ledger.taxedSale("C1", "2026-03-20", net: "100.00")    // 113.00, 11 days old
        try ledger.taxedSale("C2", "2026-03-01", net: "500.00")                 // 565.00, 30 days old
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C2", details: CustomerTaxDetails(noFapiao: true)))
        try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .special, code: "3300261130", number: "00000001"),
                                            date: try day("2026-02-01"),
                                            parts: [FapiaoPartInput(saleNumber: old.displayNumber,
                                                                    amount: try money("800.00"))]))
        try ledger.receipt("C1", "2026-03-25", "300.00", try plan([(old.displayNumber, "300.00")]))
        let positions = try ledger.store.saleFapiaoPositions(asOf: try day("2026-03-31"), customerCode: nil)

        func plain(_ rows: [[ReportCell]]) -> [[String]] { rows.map { $0.map(ReportRenderer.plain) } }
        let uninvoiced = try Reports(store: ledger.store).fapiao("uninvoiced", asOf: try day("2026-03-31"), from: nil,
                                                                 to: nil)
        // C1: 113.00 in 0-30 days, 330.00 in 61-90; C2 takes no fapiao and is left out.
        #expect(plain(uninvoiced.rows) == [["C1", "星河贸易", "CNY", "2", "113.00", "0.00", "330.00", "0.00",
                                            "443.00"]])

        let unpaid = try FapiaoTables.invoicedUnpaid(feed: { try positions.map(\.invoicedSale).forEach($0) })
        #expect(plain(unpaid.rows) == [["C1", "星河贸易", "CNY", "800.00", "300.00", "500.00"]])

        let toIssue = FapiaoTables.toIssue(positions,
                                           details: ["C1": try #require(try ledger.store.taxDetails(customerCode: "C1"))])
        #expect(plain(toIssue.rows).map { $0[0] } == [old.displayNumber, recent.displayNumber])
        #expect(plain(toIssue.rows)[0][3...8] == ["杭州星河贸易有限公司", "91350100M000100Y43",
                                                  "杭州 0571-1", "工行 1", "CNY", "330.00"])
        // Tax left: 130.00 − 92.04 (800 × 130 / 1130 = 92.035 → 92.04) = 37.96, + 13.00.
        #expect(plain(toIssue.totals) == [["TOTAL", "", "", "", "", "", "", "CNY", "443.00", "50.96"]])

        // A void fapiao, a later one, a sale marked 不开票: the SQL sums equal the per-sale positions at every date.
        let third = try ledger.taxedSale("C1", "2026-02-10", net: "200.00")
        let fourth = try ledger.taxedSale("C1", "2026-02-11", net: "50.00")
        let voided = FapiaoKey(type: .ordinary, code: "3300261130", number: "00000002")
        try ledger.service.run(RecordFapiao(key: voided, date: try day("2026-02-12"),
                                            parts: [FapiaoPartInput(saleNumber: third.displayNumber)]))
        try ledger.service.run(VoidFapiao(key: voided, reason: "wrong title"))
        try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .ordinary, code: "3300261130", number: "00000003"),
                                            date: try day("2026-03-15"),
                                            parts: [FapiaoPartInput(saleNumber: third.displayNumber,
                                                                    amount: try money("100.00"))]))
        try ledger.service.run(SetSaleNoFapiao(saleNumber: fourth.displayNumber, reason: "cash sale"))
        for date in ["2026-01-09", "2026-01-31", "2026-02-12", "2026-03-14", "2026-03-31", "2026-06-30"] {
            try Self.expectUninvoicedEqualsPositions(ledger.store, asOf: try day(date))
        }
        try Self.expectUninvoicedEqualsPositions(ledger.store, asOf: try day("2026-03-31"), customer: "C1")
    }

    /// 应收未开票 (summed in SQL, issue 10) equals the sums of the per-sale positions' `leftToInvoice` in age
    /// buckets 0–30, 31–60, 61–90, 91+, computed here over `saleFapiaoPositions` (one row per sale).
    static func expectUninvoicedEqualsPositions(_ store: SQLiteLedgerStore, asOf: CivilDate,
                                                customer: String? = nil) throws {
        var order: [String] = []
        var groups: [String: (code: String, name: String, currency: Currency, count: Int, buckets: [Int64])] = [:]
        for p in try store.saleFapiaoPositions(asOf: asOf, customerCode: customer) where p.leftToInvoice > 0 {
            let key = p.customerCode + " " + p.currency.code
            if groups[key] == nil {
                groups[key] = (p.customerCode, p.customerName, p.currency, 0, [0, 0, 0, 0])
                order.append(key)
            }
            let age = p.date.days(to: asOf)
            groups[key]?.count += 1
            groups[key]?.buckets[age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3] += p.leftToInvoice
        }
        let expected: [[ReportCell]] = order.compactMap { groups[$0] }.map { g in
            [.text(g.code), .text(g.name), .text(g.currency.code), .count(g.count)]
                + (g.buckets + [g.buckets.reduce(0, +)]).map { .amount($0, g.currency) }
        }
        let table = try Reports(store: store).fapiao("uninvoiced", asOf: asOf, from: nil, to: nil, customer: customer)
        #expect(table.rows == expected, "uninvoiced as of \(asOf)")
    }
}

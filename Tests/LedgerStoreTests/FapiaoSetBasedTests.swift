import Testing
@testable import LedgerCore
import LedgerReports
import LedgerStore

/// The fapiao reports read set-based (issue 10) equal the same tables computed here from the per-sale positions
/// (`saleFapiaoPositions`, one row per sale): 已开票未收款 from the invoiced sales only, 应收未开票 from one
/// grouped pass; at every date around the documents, for all customers and for one.
struct FapiaoSetBasedTests {
    /// C1 (CNY): a sale invoiced in two fapiao, part paid, a credit note reversed by a red fapiao; a sale invoiced
    /// and paid in full; a void fapiao. C2 (CNY): invoiced and written off. C3 (USD): invoiced, unpaid.
    /// C4: 不开票. C5: sales, no fapiao.
    static func ledger() throws -> RecvLedger {
        let ledger = try RecvLedger(today: "2026-06-30")
        for code in ["C2", "C4", "C5"] { try ledger.customer(code, name: "客户\(code)") }
        try ledger.customer("C3", name: "Acme", currency: .usd)
        // C1 sold in USD first, then in CNY (a sale takes its customer's currency when posted).
        let c1 = try ledger.customer("C1", name: "客户C1", currency: .usd)
        try ledger.invoice("C1", "2026-01-05", "70.00", currency: .usd)
        var fields = CustomerFields(code: "C1", name: "客户C1")
        fields.currency = .cny
        try ledger.service.run(UpdateCustomer(id: c1.id, fields: fields))
        try ledger.service.run(SetCustomerTaxDetails(customerCode: "C4", details: CustomerTaxDetails(noFapiao: true)))
        for code in ["C1", "C2", "C3"] { try ledger.setTaxID(code) }   // a 专票 needs the 纳税人识别号
        let a = try ledger.taxedSale("C1", "2026-01-10", net: "1000.00")      // 1130.00
        let b = try ledger.taxedSale("C1", "2026-02-05", net: "200.00")       // 226.00
        let c = try ledger.taxedSale("C2", "2026-02-06", net: "300.00")       // 339.00
        let d = try ledger.invoice("C3", "2026-03-01", "500.00", currency: .usd)
        try ledger.taxedSale("C4", "2026-03-02", net: "100.00")
        try ledger.taxedSale("C5", "2026-03-03", net: "100.00")
        let code = "3300261130"
        func blue(_ number: String, _ date: String, _ parts: [FapiaoPartInput]) throws {
            try ledger.service.run(RecordFapiao(key: FapiaoKey(type: .special, code: code, number: number),
                                                date: try day(date), parts: parts))
        }
        try blue("00000001", "2026-01-15", [FapiaoPartInput(saleNumber: a.displayNumber, amount: try money("600.00"))])
        try blue("00000002", "2026-02-10", [FapiaoPartInput(saleNumber: a.displayNumber),
                                            FapiaoPartInput(saleNumber: b.displayNumber)])
        try blue("00000003", "2026-02-11", [FapiaoPartInput(saleNumber: c.displayNumber)])
        try blue("00000004", "2026-03-05", [FapiaoPartInput(saleNumber: d.displayNumber)])
        let voided = FapiaoKey(type: .ordinary, code: code, number: "00000005")
        let e = try ledger.taxedSale("C1", "2026-03-10", net: "50.00")
        try ledger.service.run(RecordFapiao(key: voided, date: try day("2026-03-11"),
                                            parts: [FapiaoPartInput(saleNumber: e.displayNumber)]))
        try ledger.service.run(VoidFapiao(key: voided, reason: "wrong title"))
        try ledger.receipt("C1", "2026-02-20", "400.00", try plan([(a.displayNumber, "400.00")]))
        try ledger.receipt("C1", "2026-02-21", "226.00", try plan([(b.displayNumber, "226.00")]))
        try ledger.setToday("2026-04-01")
        try ledger.service.run(WriteOffInvoice(number: c.displayNumber, reason: "gone"))
        let note = try ledger.creditNote("C1", "2026-04-02", "100.00", appliesTo: a.displayNumber)
        try ledger.service.run(RecordRedFapiao(key: FapiaoKey(type: .special, code: code, number: "00000006"),
                                               original: FapiaoKey(type: .special, code: code, number: "00000002"),
                                               creditNoteNumber: note.creditNote.displayNumber,
                                               date: try day("2026-04-03")))
        try ledger.setToday("2026-06-30")
        return ledger
    }

    @Test func uninvoicedInOneGroupedPassEqualsThePositions() throws {
        let ledger = try Self.ledger()
        for date in Self.dates {
            for customer in [nil, "C1", "C2", "C3", "C4", "C5"] as [String?] {
                try FapiaoReportTests.expectUninvoicedEqualsPositions(ledger.store, asOf: try day(date),
                                                                      customer: customer)
            }
        }
        // C1: USD first (its first sale), then CNY: 1130 − 1030 invoiced (a) − 100 credited = 0, b 0, e 56.50
        // (its fapiao void) in 91+; C5 113.00; C4 takes no fapiao.
        let table = try Reports(store: ledger.store).fapiao("uninvoiced", asOf: try day("2026-06-30"), from: nil,
                                                            to: nil)
        #expect(table.rows.map { $0.map(ReportRenderer.plain) } == [
            ["C1", "客户C1", "USD", "1", "0.00", "0.00", "0.00", "70.00", "70.00"],
            ["C1", "客户C1", "CNY", "1", "0.00", "0.00", "0.00", "56.50", "56.50"],
            ["C5", "客户C5", "CNY", "1", "0.00", "0.00", "0.00", "113.00", "113.00"]])
    }

    @Test func aPageHasTheWholeReportsTotalsAndRowCount() throws {
        let ledger = try Self.ledger()
        let reports = Reports(store: ledger.store)
        let asOf = try day("2026-06-30")
        let whole = try reports.fapiao("uninvoiced", asOf: asOf, from: nil, to: nil)
        #expect(whole.rows.count == 3)
        for (offset, limit) in [(0, 1), (1, 1), (1, 5), (3, 2), (0, 0), (Int.max, Int.max)] {
            let (page, count) = try reports.fapiaoPage("uninvoiced", asOf: asOf, from: nil, to: nil,
                                                       page: PageRequest(offset: offset, limit: limit))
            let kept = Array(whole.rows.dropFirst(min(offset, 3)).prefix(limit))
            #expect(page.rows == kept, "\(offset) \(limit)")
            #expect(page.totals == whole.totals && count == 3, "\(offset) \(limit)")
        }
    }

    static let dates = ["2026-01-09", "2026-01-15", "2026-02-10", "2026-02-20", "2026-02-21", "2026-03-05",
                        "2026-03-11", "2026-04-01", "2026-04-02", "2026-04-03", "2026-06-30"]

    @Test func invoicedUnpaidReadFromTheFapiaoEqualsThePositions() throws {
        let ledger = try Self.ledger()
        let reports = Reports(store: ledger.store)
        for date in Self.dates {
            for customer in [nil, "C1", "C2", "C3", "C5"] as [String?] {
                let asOf = try day(date)
                let positions = try ledger.store.saleFapiaoPositions(asOf: asOf, customerCode: customer)
                let expected = try FapiaoTables.invoicedUnpaid(feed: { try positions.map(\.invoicedSale).forEach($0) })
                let table = try reports.fapiao("invoiced-unpaid", asOf: asOf, from: nil, to: nil, customer: customer)
                #expect(table.rows == expected.rows, "\(date) \(customer ?? "all")")
                #expect(table.totals == expected.totals, "\(date) \(customer ?? "all")")
            }
        }
        // As of 2026-06-30: C1 invoiced 1130 + 226 − red 100 (the credit note's total) = 1256.00, of which the
        // first sale's 1030.00 is paid 400.00 and the second's 226.00 in full; C2 written off; C3 500.00 USD unpaid.
        let table = try reports.fapiao("invoiced-unpaid", asOf: try day("2026-06-30"), from: nil, to: nil)
        #expect(table.rows.map { $0.map(ReportRenderer.plain) } == [
            ["C1", "客户C1", "CNY", "1256.00", "626.00", "630.00"],
            ["C3", "Acme", "USD", "500.00", "0.00", "500.00"]])
    }
}

import Foundation
import LedgerCore
import LedgerReports
import LedgerStore
import Testing

/// s33-fix (tryout): `summary` had no net sales or output VAT; it prints the sales report's TOTAL rows
/// (`Reports.salesTotals`), the same figures as `report sales` and the output VAT report, not a sum of its own.
@Suite struct SummarySalesTotalsTests {
    @Test func theTotalsAreTheSalesReportsAndTheVATReportsFigures() throws {
        let l = try TestLedger(today: "2026-06-30")
        try l.customer("C1", "甲")
        try l.customer("U1", "Acme", currency: .usd)
        for (code, date, price, rate) in [("C1", "2025-12-30", "100.00", 1_300), ("C1", "2026-01-05", "33.33", 900),
                                          ("U1", "2026-02-01", "10.00", 0)] {
            var post = PostInvoice(customerCode: code, date: CivilDate(iso: date)!, lines: [
                LineInput(description: "goods", quantity: Quantity(3), unitPrice: try MoneyParser.parse(
                    price, currency: code == "U1" ? .usd : .cny), taxRate: Rate(basisPoints: Int64(rate)))])
            post.creditOverrideReason = "test"
            try l.service.run(post)
        }
        let totals = try Reports(store: l.store).salesTotals()
        // 300.00 + 39.00 VAT; 99.99 + 9.00 VAT (8.9991 rounded); USD 30.00 without VAT.
        #expect(totals == [SalesTotal(currency: .cny, net: 39_999, tax: 4_800, total: 44_799),
                           SalesTotal(currency: .usd, net: 3_000, tax: 0, total: 3_000)])
        let vat = try l.store.outputVAT(from: nil, to: nil)
        #expect(vat.filter { $0.currency == .cny }.map(\.tax).reduce(0, +) == 4_800)
        #expect(try l.store.summary().salesByCurrency == ["CNY": 44_799, "USD": 3_000])
    }
}

import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// 汇兑损益 (issue 15): a USD receivable is booked at the invoice's rate and cleared at that rate; the difference to
/// the receipt's rate goes to 财务费用 (CAS 6603, SBAS 5603, or the map's `exchange_difference`), so 1122 of the
/// customer ends at 0.00 in CNY and every voucher balances.
@Suite struct VoucherExchangeDifferenceTests {
    /// U1's invoice: 100.08 + 13.01 VAT = 113.09 USD on 2025-01-10 at 7.123456 → 805.59 CNY on 1122.
    static func ledger() throws -> TestLedger {
        let l = try TestLedger(today: "2025-02-28")
        try l.service.run(SetBaseCurrency(currencyCode: "CNY"))
        try l.service.run(SetExchangeRate(date: date("2025-01-01"), currencyCode: "USD", perMillion: 7_123_456))
        try l.service.run(SetExchangeRate(date: date("2025-02-01"), currencyCode: "USD", perMillion: 7_200_000))
        try l.service.run(SetExchangeRate(date: date("2025-02-20"), currencyCode: "USD", perMillion: 7_000_000))
        try l.customer("U1", "Union Trading Ltd", currency: .usd)
        var post = PostInvoice(customerCode: "U1", date: date("2025-01-10"), lines: [
            LineInput(description: "tea", quantity: Quantity(1), unitPrice: Money(minorUnits: 10_008, currency: .usd),
                      taxRate: Rate(basisPoints: 1300)),
        ])
        post.creditOverrideReason = "test"
        try l.service.run(post)
        return l
    }

    static func receive(_ l: TestLedger, _ day: String, _ minor: Int64, _ plan: AllocationPlan = .auto) throws {
        var receipt = RecordReceipt(customerCode: "U1", date: date(day),
                                    amount: Money(minorUnits: minor, currency: .usd))
        receipt.allocation = plan
        try l.service.run(receipt)
    }

    static func vouchers(_ l: TestLedger, _ map: AccountMap = .preset(.cas)) throws -> [Voucher] {
        var options = VoucherOptions(map: map)
        options.rates = try l.store.exchangeRates()
        let source = try l.store.voucherSource(from: date("2025-01-01"), to: date("2025-02-28"))
        let vouchers = try VoucherBuilder.build(source, options: options)
        #expect(VoucherBuilder.check(vouchers, map: map).isEmpty)
        return vouchers
    }

    /// Σ debit − credit of U1's 1122 lines in CNY fen.
    static func receivable(_ vouchers: [Voucher]) -> Int64 {
        vouchers.flatMap(\.lines).filter { $0.account == "1122" && $0.customerCode == "U1" }
            .reduce(0) { $0 + $1.debit - $1.credit }
    }

    @Test func receiptAtAHigherRateBooksAGain() throws {
        let l = try Self.ledger()
        try Self.receive(l, "2025-02-05", 11_309)
        let vouchers = try Self.vouchers(l)
        let sale = try #require(vouchers.first { $0.kind == .invoice })
        // 113.09 × 7.123456 = 805.59 on 1122; 712.92 + 92.68 = 805.60, so revenue gives up the cent: 712.91.
        #expect(sale.lines.map(\.debit) == [80_559, 0, 0] && sale.lines.map(\.credit) == [0, 71_291, 9_268])
        let paid = try #require(vouchers.first { $0.kind == .receipt })
        // 113.09 × 7.2 = 814.25 in the bank; 805.59 off 1122; 8.66 gain credited to 6603.
        #expect(paid.lines.map(\.account) == ["1002", "1122", "6603"])
        #expect(paid.lines.map(\.debit) == [81_425, 0, 0] && paid.lines.map(\.credit) == [0, 80_559, 866])
        #expect(paid.lines.map(\.original) == [11_309, 11_309, 0])
        #expect(Self.receivable(vouchers) == 0)
    }

    @Test func partialReceiptsAtALowerRateBookLossesAndClearToTheFen() throws {
        let l = try Self.ledger()
        try Self.receive(l, "2025-02-21", 4_006)
        try Self.receive(l, "2025-02-22", 7_303)
        let vouchers = try Self.vouchers(l)
        let paid = vouchers.filter { $0.kind == .receipt }
        // 40.06: bank 280.42 (7.0); 1122 40.06 × 7.123456 = 285.37; loss 4.95 debited to 6603.
        #expect(paid[0].lines.map(\.account) == ["1002", "1122", "6603"])
        #expect(paid[0].lines.map(\.debit) == [28_042, 0, 495] && paid[0].lines.map(\.credit) == [0, 28_537, 0])
        // 73.03: bank 511.21; 1122 805.59 − 285.37 = 520.22 (cumulative; 73.03 × 7.123456 alone is 520.23); loss 9.01.
        #expect(paid[1].lines.map(\.debit) == [51_121, 0, 901] && paid[1].lines.map(\.credit) == [0, 52_022, 0])
        #expect(Self.receivable(vouchers) == 0)
    }

    @Test func creditAppliedLaterMovesTheReceivableToTheInvoiceRate() throws {
        let l = try Self.ledger()
        try Self.receive(l, "2025-02-05", 11_309, .none)
        // A second invoice of 50.00 on 2025-02-21 (7.0 → 350.00) takes 50.00 of the credit booked at 7.2 (360.00).
        let second = try l.invoice("U1", "2025-02-21", "50.00", currency: .usd)
        let receipt = try #require(l.store.receivablesSnapshot(customerID: nil).receipts.first).displayNumber
        _ = try l.service.run(AllocateCredit(number: receipt, plan: .manual([
            ManualAllocation(invoiceNumber: second.displayNumber, amount: Money(minorUnits: 5_000, currency: .usd)),
        ])))
        let vouchers = try Self.vouchers(l)
        let paid = try #require(vouchers.first { $0.kind == .receipt })
        #expect(paid.lines.map(\.debit) == [81_425, 0] && paid.lines.map(\.credit) == [0, 81_425])
        let exchange = try #require(vouchers.first { $0.kind == .exchange })
        #expect(exchange.date == date("2025-02-21") && exchange.lines.map(\.account) == ["1122", "6603"])
        #expect(exchange.lines.map(\.debit) == [1_000, 0] && exchange.lines.map(\.credit) == [0, 1_000])
        // 805.59 + 350.00 − 814.25 + 10.00: the first invoice less the 63.09 still unapplied (at 7.2: 454.25).
        #expect(Self.receivable(vouchers) == 35_134)
    }

    @Test func sbasAndTheMapChooseTheAccount() throws {
        let l = try Self.ledger()
        try Self.receive(l, "2025-02-05", 11_309)
        let sbas = try Self.vouchers(l, .preset(.sbas))
        #expect(sbas.flatMap(\.lines).filter { $0.account == "5603" }.map(\.credit) == [866])
        var map = AccountMap.preset(.cas)
        map.exchangeDifference = "6603.03"   // `[accounts] exchange_difference` (AccountMapFileTests)
        #expect(try Self.vouchers(l, map).flatMap(\.lines).filter { $0.account == "6603.03" }.map(\.credit) == [866])
    }

    @Test func theSameRateNeedsNoExchangeVoucher() throws {
        let l = try Self.ledger()
        try Self.receive(l, "2025-01-05", 11_309, .none)
        _ = try l.service.run(AllocateCredit(number: try #require(l.store.receivablesSnapshot(customerID: nil)
                                                                   .receipts.first).displayNumber))
        // Allocated on the invoice's date, 2025-01-10: the credit (2025-01-05) and the invoice share 7.123456.
        let vouchers = try Self.vouchers(l)
        #expect(!vouchers.contains { $0.kind == .exchange } && Self.receivable(vouchers) == 0)
    }
}

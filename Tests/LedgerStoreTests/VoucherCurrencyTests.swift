import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// Foreign-currency vouchers (issue 15): a USD invoice and receipt in a CNY ledger are written in 本位币 at the rate
/// of their date with 原币 and 汇率 columns where the target has them; every voucher still balances in CNY.
@Suite struct VoucherCurrencyTests {
    static let from = date("2025-01-01"), to = date("2025-02-28")

    /// U1 pays in USD: an invoice of 100.08 + 13 % VAT (13.01) = 113.09 on 2025-01-10 at 7.123456, paid on
    /// 2025-02-05 at 7.2; C1 buys 10.00 in CNY.
    static func ledger() throws -> TestLedger {
        let l = try TestLedger(today: "2025-02-28")
        try l.service.run(SetBaseCurrency(currencyCode: "CNY"))
        try l.service.run(SetExchangeRate(date: date("2025-01-01"), currencyCode: "USD", perMillion: 7_123_456))
        try l.service.run(SetExchangeRate(date: date("2025-02-01"), currencyCode: "USD", perMillion: 7_200_000))
        try l.customer("U1", "Union Trading Ltd", currency: .usd)
        try l.customer("C1", "华东贸易")
        var post = PostInvoice(
            customerCode: "U1", date: date("2025-01-10"),
            lines: [
                LineInput(
                    description: "tea", quantity: Quantity(1), unitPrice: Money(minorUnits: 10_008, currency: .usd),
                    taxRate: Rate(basisPoints: 1300))
            ])
        post.creditOverrideReason = "test"
        try l.service.run(post)
        try l.invoice("C1", "2025-01-12", "10.00")
        var receipt = RecordReceipt(
            customerCode: "U1", date: date("2025-02-05"), amount: Money(minorUnits: 11_309, currency: .usd))
        receipt.method = .bankTransfer
        try l.service.run(receipt)
        return l
    }

    static func vouchers(_ l: TestLedger, rates: Bool = true) throws -> [Voucher] {
        var options = VoucherOptions(map: .preset(.cas))
        if rates { options.rates = try l.store.exchangeRates() }
        return try VoucherBuilder.build(try l.store.voucherSource(from: from, to: to), options: options)
    }

    @Test func convertedAtTheRateOfTheDayAndBalancedInCNY() throws {
        let l = try Self.ledger()
        let vouchers = try Self.vouchers(l)
        #expect(VoucherBuilder.check(vouchers, map: .preset(.cas)).isEmpty)
        let sale = try #require(vouchers.first { $0.kind == .invoice && $0.currency == .usd })
        #expect(sale.base == .cny && sale.rate == 7_123_456)
        #expect(sale.lines.map(\.account) == ["1122", "6001", "2221.01.01"])
        #expect(sale.lines.map(\.original) == [11_309, 10_008, 1_301])
        // 100.08 × 7.123456 = 712.92, 13.01 × 7.123456 = 92.68; the receivable is 113.09 × 7.123456 = 805.59 (what
        // its settlement clears), so the largest other line takes the cent of rounding: revenue 712.91.
        #expect(sale.lines.map(\.debit) == [80_559, 0, 0] && sale.lines.map(\.credit) == [0, 71_291, 9_268])
        // Paid at 7.2: bank 814.25, 1122 cleared at the invoice's 805.59, 8.66 汇兑损益 to 6603.
        let paid = try #require(vouchers.first { $0.kind == .receipt })
        #expect(paid.rate == 7_200_000 && paid.lines.map(\.debit) == [81_425, 0, 0]
                && paid.lines.map(\.credit) == [0, 80_559, 866])
        let cny = try #require(vouchers.first { $0.currency == .cny })
        #expect(cny.rate == ExchangeRate.scale && cny.lines.map(\.original) == cny.lines.map { $0.debit + $0.credit })
    }

    @Test func targetsWriteOriginalRateAndBase() throws {
        let l = try Self.ledger()
        let vouchers = try Self.vouchers(l)
        let writer = VoucherWriter(map: .preset(.cas), preparer: "t")
        // 金蝶 standard I/O: FCyID, FExchRate, FFCyAmt (原币) beside FDebit/FCredit (本位币).
        let kingdee = VoucherFileReader.rows(
            VoucherFileReader.decode(
                writer.render(vouchers, target: .kingdeeStd),
                gb18030: true))
        let k = { (name: String) in kingdee[0].firstIndex(of: name)! }
        let usd = kingdee.dropFirst().filter { $0[k("FCyID")] == "USD" }
        #expect(usd.map { $0[k("FExchRate")] } == ["7.123456", "7.123456", "7.123456", "7.2", "7.2", "7.2"])
        #expect(usd.map { $0[k("FFCyAmt")] } == ["113.09", "100.08", "13.01", "113.09", "113.09", "0.00"])
        #expect(usd.map { $0[k("FDebit")] } == ["805.59", "0.00", "0.00", "814.25", "0.00", "0.00"])
        // 用友 U8: 外币借方 / 外币贷方 and 汇率; empty 外币 columns in the base currency.
        let u8 = VoucherFileReader.decode(writer.render(vouchers, target: .u8Text), gb18030: true)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { $0.components(separatedBy: ",") }
        #expect(Array(u8[0][6...11]) == ["借方", "贷方", "币种", "外币借方", "外币贷方", "汇率"])
        let sale = try #require(u8.first { $0[5] == "1122" && $0[8] == "USD" })
        #expect(Array(sale[6...11]) == ["805.59", "0", "USD", "113.09", "", "7.123456"])
        let local = try #require(u8.first { $0[5] == "1122" && $0[8] == "RMB" })
        #expect(Array(local[7...11]) == ["0", "RMB", "", "", "1"])
        // Every voucher of every target balances in CNY when re-read.
        for target in VoucherTarget.allCases {
            for (voucher, lines) in Dictionary(
                grouping: VoucherFileReader.lines(
                    writer.render(vouchers, target: target),
                    target: target), by: \.voucher)
            {
                #expect(lines.reduce(0) { $0 + $1.debit } == lines.reduce(0) { $0 + $1.credit }, "\(target) \(voucher)")
            }
        }
    }

    @Test func noRateMeansNothingPasses() throws {
        let l = try TestLedger(today: "2025-02-28")
        try l.customer("U1", "Union Trading Ltd", currency: .usd)
        try l.customer("C1", "华东贸易")
        try l.invoice("U1", "2025-01-10", "50.00", currency: .usd)
        try l.invoice("C1", "2025-01-12", "10.00")
        let vouchers = try Self.vouchers(l)
        #expect(
            VoucherBuilder.check(vouchers, map: .preset(.cas)).map(\.description) == [
                "voucher 记-1 (2025-01-10): no exchange rate of USD to CNY on or before 2025-01-10 "
                    + "(set one with: rate set --currency USD --rate R --date 2025-01-10)"
            ])
        // Without a rate table the voucher stays in its own currency (the library's default).
        #expect(VoucherBuilder.check(try Self.vouchers(l, rates: false), map: .preset(.cas)).isEmpty)
    }

    /// The Northwind rule lives in the builder: one currency and no rates stored keep the vouchers in it.
    @Test func oneCurrencyWithoutRatesStaysInIt() throws {
        let l = try TestLedger(today: "2025-02-28")
        try l.customer("U1", "Union Trading Ltd", currency: .usd)
        try l.invoice("U1", "2025-01-10", "50.00", currency: .usd)
        let vouchers = try Self.vouchers(l)
        #expect(VoucherBuilder.check(vouchers, map: .preset(.cas)).isEmpty)
        #expect(vouchers.map(\.base) == [.usd] && vouchers[0].lines.map(\.debit) == [5_000, 0])
    }
}

import Foundation
import LedgerCore
import LedgerInterop
import LedgerStore
import Testing

/// `export vouchers` builds and writes a period day by day (bounded memory, issue 15): the vouchers and the file
/// bytes equal those of the whole period built at once, numbering included.
@Suite struct VoucherDayByDayTests {
    @Test func dayByDayEqualsTheWholePeriod() throws {
        let l = try VoucherCurrencyTests.ledger()
        try l.invoice("C1", "2025-02-03", "20.00")
        let (from, to) = (VoucherCurrencyTests.from, VoucherCurrencyTests.to)
        for grouping in VoucherOptions.Grouping.allCases {
            var options = VoucherOptions(map: .preset(.cas))
            options.grouping = grouping
            options.words = .split
            options.start = 5
            options.rates = try l.store.exchangeRates()
            let whole = try VoucherBuilder.build(try l.store.voucherSource(from: from, to: to), options: options)
            let currencies = try l.store.voucherCurrencies(from: from, to: to)
            options.rates = VoucherBuilder.conversionRates(currencies: currencies, options.rates)
            var numbering = VoucherBuilder.Numbering()
            var parts: [Voucher] = []
            var bytes = Data()
            let writer = VoucherWriter(map: .preset(.cas), preparer: "t")
            for i in 0...(to.daysSinceEpoch - from.daysSinceEpoch) {
                let day = from.adding(days: i)
                let vouchers = try VoucherBuilder.build(try l.store.voucherSource(from: day, to: day), options: options,
                                                        numbering: &numbering)
                parts += vouchers
                if !vouchers.isEmpty || bytes.isEmpty {
                    bytes += writer.render(vouchers, target: .u8Text, header: bytes.isEmpty)
                }
            }
            #expect(parts == whole && parts.map(\.label) == whole.map(\.label))
            // --start 5 applies to the first month only; each word is numbered on its own.
            #expect(whole.map(\.label) == ["转-5", "转-6", "转-1", "收-1"])
            #expect(bytes == writer.render(whole, target: .u8Text))
        }
    }
}

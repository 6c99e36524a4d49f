import LedgerCore
import LedgerStore
import Testing

/// The base currency changes only while the ledger has no invoices, credit notes or receipts: the rule lives in
/// `SetBaseCurrency`, so `rate base` and F8's settings panel refuse alike (s35 integrator; before, only the panel
/// checked and the CLI changed the base under posted CNY documents).
@Suite struct BaseCurrencyFixedTests {
    /// A ledger with documents that never set a base has been in CNY: F8 shows CNY fixed, and `rate base` agrees.
    @Test func anUnsetBaseIsCNYOnceTheLedgerHasDocuments() throws {
        let l = try TestLedger(today: "2025-02-28")
        try l.customer("C1", "华东贸易")
        _ = try l.invoice("C1", "2025-01-12", "10.00")
        #expect(throws: LedgerError.refused("the base currency is CNY and fixed once the ledger has documents")) {
            try l.service.run(SetBaseCurrency(currencyCode: "USD"))
        }
        #expect(try l.store.exchangeRates().base == .cny)   // the store reads an unset base as CNY too
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true)) == .usd)  // a sample load
    }

    @Test func theBaseChangesUntilTheFirstDocumentThenOnlyTheSameCodePasses() throws {
        let l = try TestLedger(today: "2025-02-28")
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "CNY")) == .cny)
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "USD")) == .usd)   // no documents yet
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "CNY")) == .cny)
        try l.customer("C1", "华东贸易")
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "EUR")) == .eur)   // a customer is no document
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "CNY")) == .cny)
        _ = try l.invoice("C1", "2025-01-12", "10.00")
        #expect(throws: LedgerError.refused("the base currency is CNY and fixed once the ledger has documents")) {
            try l.service.run(SetBaseCurrency(currencyCode: "USD"))
        }
        #expect(try l.store.exchangeRates().base == .cny)
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "CNY")) == .cny)    // the same code: no change
        #expect(try l.service.run(SetBaseCurrency(currencyCode: "USD", unlessSet: true)) == .cny)
    }
}

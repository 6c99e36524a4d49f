import LedgerCore

extension AppContext {
    /// Runs a screen's store query. On failure nothing is hidden: the cause is kept (`readFailure`) and the app
    /// shows it on the status line in place of an empty list; the screen gets nil.
    public func read<T>(_ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch {
            readFailure = describe(error)
            return nil
        }
    }

    /// `read` for a query whose answer is optional (`customer(code:)`): nil when absent or failed.
    public func read<T>(_ body: () throws -> T?) -> T? {
        do {
            return try body()
        } catch {
            readFailure = describe(error)
            return nil
        }
    }

    /// The ledger's base currency (`rate base`, set by the setup and the sample loads), CNY when none is set: the
    /// default of a new customer, product or sale.
    var baseCurrency: Currency { read { try store.exchangeRates().base } ?? .cny }

    /// The ledger's default tax rate (`setup --default-tax-rate`, F8's settings panel) and whether it is set: new
    /// products, free lines and imported sales without a rate take it (0 % while unset); nil when unreadable.
    var defaultTaxRate: (rate: Rate, isSet: Bool)? {
        // In an array: unset (nil) is an answer, not a failed read.
        read { [try store.ledgerSetting(LedgerSettings.taxKey)] }.map { stored in
            (Rate(basisPoints: Int64(stored[0] ?? "") ?? 0), stored[0] != nil)
        }
    }

    /// The failure of the last screen query and clears it (the app moves it to the screen's error line).
    public func takeReadFailure() -> String? {
        defer { readFailure = nil }
        return readFailure
    }

    /// A store error in the UI language: the cause (ledger locked by another program, file damaged, missing,
    /// disk full, read-only) and what to do, from the store's wording (`LedgerError.storage`).
    public func describe(_ error: any Error) -> String { describe(message: "\(error)") }

    /// `describe` for an error message already in text (screens report command failures as text).
    public func describe(message: String) -> String {
        let causes = ["the ledger is busy", "not a ledger:", "ledger file damaged", "ledger file missing or unreadable",
                      "the disk is full", "ledger is read-only"]
        guard let start = causes.lazy.compactMap({ message.range(of: $0) }).first else { return strings.core(message) }
        return strings.core(String(message[start.lowerBound...]))   // cause first
    }
}

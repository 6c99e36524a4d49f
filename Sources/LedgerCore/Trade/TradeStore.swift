/// Writes of the fapiao and trade-practice features (tax details, fapiao, commission rules, bills, statement
/// confirmations) a command may do inside a transaction. `LedgerTransaction` inherits it; the SQLite store
/// implements it in `LedgerStore/Trade/`. Every method throws `LedgerError.storage` on a store failure.
public protocol TradeTransaction: AnyObject {
    /// The customer's fapiao details; nil when none were ever set.
    func taxDetails(customerID: Int64) throws -> CustomerTaxDetails?
    /// Replaces the customer's fapiao details.
    func save(_ details: CustomerTaxDetails, customerID: Int64) throws
}

/// Read queries of the fapiao and trade-practice features. `LedgerQueries` inherits it.
public protocol TradeQueries: AnyObject {
    /// The customer's fapiao details (empty details when none were set; nil for an unknown customer code).
    func taxDetails(customerCode: String) throws -> CustomerTaxDetails?
}

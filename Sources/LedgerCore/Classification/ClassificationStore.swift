/// Classification writes (dimensions, classes, assignments, history) inside a transaction.
/// `LedgerTransaction` inherits it; the SQLite store implements it in `LedgerStore/Classification/`.
public protocol ClassificationTransaction: AnyObject {}

/// Classification read queries (class trees, classified filters, pivots). `LedgerQueries` inherits it.
public protocol ClassificationQueries: AnyObject {}

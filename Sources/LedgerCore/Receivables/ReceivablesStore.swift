/// Receivables-engine writes a command may do inside a transaction (contacts, snoozes, rates, …).
/// `LedgerTransaction` inherits it; the SQLite store implements it in `LedgerStore/Receivables/`.
public protocol ReceivablesTransaction: AnyObject {}

/// Receivables-engine read queries (DSO, reminders, statements, …). `LedgerQueries` inherits it.
public protocol ReceivablesQueries: AnyObject {}

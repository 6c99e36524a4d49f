import GRDB

/// Migrations of the receivables engine (registered after the core ledger's).
enum ReceivablesSchema {
    static func register(in migrator: inout DatabaseMigrator) {}
}

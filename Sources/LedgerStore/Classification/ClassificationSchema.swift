import GRDB

/// Migrations of the classification module (registered after the receivables engine's).
enum ClassificationSchema {
    static func register(in migrator: inout DatabaseMigrator) {}
}

import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Brings a ledger file's schema up to date when several programs may open it at once (issue 10/9, s31-conc).
///
/// GRDB's migrator reads the applied migrations outside the write lock and then runs each pending one in its own
/// `BEGIN IMMEDIATE` transaction. Two programs opening a ledger that a newer build must upgrade both saw the same
/// pending list; the second waited for the first's transaction and then ran the same migration again ("table
/// document_tally already exists"), so a read-only command like `summary` failed. Here:
/// - a ledger whose migrations are all applied is not written at all (one read);
/// - a run that fails after another program applied migrations meanwhile (the list grew) is run again, against
///   the new list: the failed migration's transaction was rolled back, so nothing of it stays. A failure with no
///   progress by anyone is the migration's own error and is thrown;
/// - while a migration's transaction holds the write lock the holder note says job `ledger upgrade`, so a program
///   waiting for the lock says `ledger busy (ledger upgrade in progress), waiting…` and waits as long as the
///   upgrading program lives (a back-fill of a large ledger can take longer than the 60 s wait).
enum SchemaUpgrade {
    /// The job named in the holder note during a migration.
    static let job = "ledger upgrade"

    /// Migrates `pool` (the ledger at `path`) with `migrator` (`Schema.migrator`; tests give their own).
    /// - Throws: the migration's `DatabaseError` when it fails without another program's progress.
    static func run(_ pool: DatabasePool, path: String, migrator: DatabaseMigrator = Schema.migrator) throws {
        if try pool.read(migrator.hasCompletedMigrations) { return }
        var applied = try pool.read(migrator.appliedIdentifiers)
        try noteWhileLocked(pool, path: path) {
            while true {
                do {
                    try migrator.migrate(pool)
                    return
                } catch {
                    let now = try pool.read(migrator.appliedIdentifiers)
                    guard now.isStrictSuperset(of: applied) else { throw error }
                    applied = now
                }
            }
        }
    }

    /// Runs `body` with the writer connection's statements watched: once a transaction is open (the write lock is
    /// ours) the holder note names this program and the job; when it ends the note is removed.
    static func noteWhileLocked(_ pool: DatabasePool, path: String, _ body: () throws -> Void) throws {
        final class Noted: @unchecked Sendable { var value = false }
        let noted = Noted()
        try pool.writeWithoutTransaction { db in
            let handle = db.sqliteConnection
            db.trace(options: .profile) { _ in
                let inTransaction = sqlite3_get_autocommit(handle) == 0
                if inTransaction && !noted.value {
                    StoreAccess.writeHolderNote(path, job: job)
                    noted.value = true
                } else if !inTransaction && noted.value {
                    StoreAccess.removeHolderNote(path)
                    noted.value = false
                }
            }
        }
        defer {
            try? pool.writeWithoutTransaction { db in db.trace(options: .profile, nil) }
            if noted.value { StoreAccess.removeHolderNote(path) }
        }
        try body()
    }
}

import GRDB
import LedgerCore

extension SQLiteLedgerStore: LedgerChangeMonitor {
    /// `PRAGMA data_version` on the writer connection: it changes when any other connection or process commits.
    public func externalChangeCounter() throws -> Int64 {
        do {
            return try writer.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        } catch let error as DatabaseError {
            throw LedgerError.storage(error.message ?? error.description)
        }
    }
}

/// A store that can tell, cheaply, whether another connection (another program or another instance) committed a
/// change since it last looked — so a screen can refresh without polling the data itself. Synchronous and free of
/// database-library types like the other store protocols.
public protocol LedgerChangeMonitor: AnyObject {
    /// A counter that differs between two calls when another connection committed in between (SQLite's
    /// `PRAGMA data_version`); this store's own commits do not change it.
    /// - Throws: `LedgerError.storage`.
    func externalChangeCounter() throws -> Int64
}

import Foundation
import GRDB
import LedgerCore

/// Marks the current thread as inside a store's `readSnapshot`, so the store's reads join that read transaction
/// (GRDB's reentrant read on the same connection) instead of opening their own.
enum SnapshotScope {
    private static func key(_ store: AnyObject) -> String { "salesledger.snapshot.\(ObjectIdentifier(store).hashValue)" }

    static func isActive(_ store: AnyObject) -> Bool { Thread.current.threadDictionary[key(store)] != nil }

    static func run<T>(_ store: AnyObject, _ body: () throws -> T) rethrows -> T {
        Thread.current.threadDictionary[key(store)] = true
        defer { Thread.current.threadDictionary.removeObject(forKey: key(store)) }
        return try body()
    }
}

/// Store failures in words a user can act on: the cause (locked, damaged, missing, full, read-only) and what to do.
enum StoreFailure {
    static func ledgerError(_ error: DatabaseError, path: String?) -> LedgerError {
        let file = path ?? "the ledger"
        let detail = error.message ?? error.description
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .storage("ledger locked by another program: close the other program or try again (\(file)) — \(detail)")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .storage("ledger file damaged: restore a backup with salesledger restore FILE --yes (\(file)) — \(detail)")
        case .SQLITE_CANTOPEN:
            return .storage("ledger file missing or unreadable: check the path and permissions (\(file)) — \(detail)")
        case .SQLITE_FULL:
            return .storage("disk full: free space, then try again (\(file)) — \(detail)")
        case .SQLITE_READONLY, .SQLITE_PERM:
            return .storage("ledger is read-only: check the file's permissions (\(file)) — \(detail)")
        default:
            return .storage(detail)
        }
    }
}

import Foundation
import GRDB
import LedgerCore

/// Marks the current thread as inside a store's `readSnapshot`, so the store's reads join that read transaction
/// (GRDB's reentrant read on the same connection) instead of opening their own.
enum SnapshotScope {
    private static func key(_ store: AnyObject) -> String {
        "salesledger.snapshot.\(ObjectIdentifier(store).hashValue)"
    }

    static func isActive(_ store: AnyObject) -> Bool { Thread.current.threadDictionary[key(store)] != nil }

    static func run<T>(_ store: AnyObject, _ body: () throws -> T) rethrows -> T {
        Thread.current.threadDictionary[key(store)] = true
        defer { Thread.current.threadDictionary.removeObject(forKey: key(store)) }
        return try body()
    }
}
